import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageUnavailable } from '#shared/components/page-unavailable';
import { teacherAccountsQuery } from '../api/admin-api';
import { AuditTrailPanel } from './audit-trail-panel';
import { InvitationsPanel } from './invitations-panel';
import { TeachersTable } from './teachers-table';

const TITLE = 'Administration';

/** /teach/admin: an administrator's teachers, invitations and what can be done to each. */
export function AdministrationPage() {
  const accounts = useQuery(teacherAccountsQuery());
  const [notice, setNotice] = useState<string | null>(null);
  if (accounts.isError) {
    return (
      <PageUnavailable
        title={TITLE}
        error={accounts.error}
        signInMessage="Sign in as an administrator to manage teacher accounts."
      />
    );
  }
  return (
    <>
      <title>{TITLE}</title>
      <h1>{TITLE}</h1>
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {accounts.isPending ? (
        <p role="status" className="loading">
          Loading the teacher accounts…
        </p>
      ) : (
        <>
          <InvitationsPanel invitations={accounts.data.invitations} />
          <TeachersTable teachers={accounts.data.teachers} onNotice={setNotice} />
          <AuditTrailPanel />
        </>
      )}
    </>
  );
}
