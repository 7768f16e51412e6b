import {
  ForgotPasswordPage,
  ResetPasswordPage,
} from '../features/teacher/components/password-reset-pages';
import { ProjectorPage } from '../features/teacher/components/projector-page';
import { ReportPage } from '../features/teacher/components/report-page';
import { SessionControlPage } from '../features/teacher/components/session-control-page';
import { TeachPage } from '../features/teacher/components/teach-page';
import { TeacherBar } from '../features/teacher/components/teacher-bar';
import '../features/teacher/teacher.css';
import { QueryProvider } from './query-provider';
import { readPathParam } from './route-params';

const SESSION_ROUTE = /^\/teach\/sessions\/([^/]+)(?:\/(report|projector))?\/?$/;
const PROJECTOR_ROUTE = /^\/teach\/sessions\/[^/]+\/projector\/?$/;

function TeacherPage({ pathname }: { readonly pathname: string }) {
  if (/^\/teach\/forgot-password\/?$/.test(pathname)) return <ForgotPasswordPage />;
  if (/^\/teach\/reset-password\/?$/.test(pathname)) return <ResetPasswordPage />;
  const sessionId = readPathParam(pathname, SESSION_ROUTE);
  if (sessionId === null) return <TeachPage />;
  const view = SESSION_ROUTE.exec(pathname)?.[2];
  if (view === 'report') return <ReportPage key={sessionId} sessionId={sessionId} />;
  if (view === 'projector') return <ProjectorPage key={sessionId} sessionId={sessionId} />;
  return <SessionControlPage key={sessionId} sessionId={sessionId} />;
}

/** The teacher's pages, loaded only when a teacher opens /teach. */
export function TeacherRoutes({ pathname }: { readonly pathname: string }) {
  return (
    <QueryProvider>
      <TeacherBar isCompact={PROJECTOR_ROUTE.test(pathname)} />
      <TeacherPage pathname={pathname} />
    </QueryProvider>
  );
}
