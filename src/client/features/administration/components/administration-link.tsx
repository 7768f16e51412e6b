import { useQuery } from '@tanstack/react-query';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { adminStatusQuery } from '../api/admin-api';

/** "Administration" in the teacher bar, for administrators only. */
export function AdministrationLink() {
  const status = useQuery(adminStatusQuery());
  if (!status.data?.isAdmin) return null;
  return <Link to={routes.administration.build()}>Administration</Link>;
}
