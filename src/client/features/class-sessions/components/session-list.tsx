import { useQuery } from '@tanstack/react-query';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { KeepOpenSwitch } from '#shared/components/keep-open-switch';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { teacherSessionListQuery, type SessionListRow } from '../api/class-sessions-api';

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

const DAY_MS = 24 * 3600 * 1000;
/** Past sessions this close to deletion are pointed out above the list. */
const DELETION_WARNING_DAYS = 30;

function daysUntil(iso: string): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / DAY_MS));
}

/** "Deleted on 3 March 2027 (in 12 days)". */
function describeDeletion(iso: string): string {
  const date = new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'long' });
  const days = daysUntil(iso);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return `Deleted on ${date} (${when})`;
}

function SessionRow({ session }: { readonly session: SessionListRow }) {
  const code = <span className="visually-hidden"> session {session.joinCode}</span>;
  return (
    <tr>
      <th scope="row">{session.lessonTitle}</th>
      <td className="mono">{session.joinCode}</td>
      <td>
        {session.mode === 'teacher-paced' ? 'Teacher-paced' : 'Self-paced'}
        {session.mode === 'self-paced' ? <KeepOpenSwitch session={session} /> : null}
      </td>
      <td>
        {formatDateTime(session.createdAt)}
        {session.endedAt ? (
          <>
            <br />
            ended {formatDateTime(session.endedAt)}
          </>
        ) : null}
        {session.deletesAt ? (
          <>
            <br />
            <span className="hint">{describeDeletion(session.deletesAt)}</span>
          </>
        ) : null}
      </td>
      <td className="number">{session.participantCount}</td>
      <td className="number">{session.answerCount}</td>
      <td>
        <span className="link-list">
          <Link to={routes.teacherSession.build({ sessionId: session.id })}>Monitor{code}</Link>
          <Link to={routes.teacherReport.build({ sessionId: session.id })}>Report{code}</Link>
          <Link to={routes.teacherForecasts.build({ sessionId: session.id })}>Forecasts{code}</Link>
          <a
            href={routes.teacherProjector.build({ sessionId: session.id })}
            target="_blank"
            rel="noopener"
          >
            Projector{code}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </span>
      </td>
    </tr>
  );
}

function SessionTable({
  caption,
  sessions,
}: {
  readonly caption: string;
  readonly sessions: readonly SessionListRow[];
}) {
  return (
    <TableScrollBox
      caption={caption}
      tableClassName="table session-table"
      columns={['Lesson', 'Code', 'Mode', 'Started', 'Students', 'Answers', 'Open']}
    >
      <tbody>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </tbody>
    </TableScrollBox>
  );
}

/** The teacher's open and past sessions, with links to each one's monitor, report and projector. */
export function SessionList() {
  const sessions = useQuery(teacherSessionListQuery());
  if (sessions.isPending) return <p role="status">Loading your sessions…</p>;
  if (sessions.isError) {
    return <ApiErrorAlert error={sessions.error} lead="Your sessions could not be loaded: " />;
  }
  if (sessions.data.length === 0) return <p>You have not started a session yet.</p>;
  const open = sessions.data.filter((s) => s.status === 'open');
  const past = sessions.data.filter((s) => s.status !== 'open');
  return (
    <>
      {open.length > 0 ? (
        <SessionTable caption={`Open sessions (${open.length})`} sessions={open} />
      ) : (
        <p>No session is open.</p>
      )}
      {past.length > 0 ? (
        <>
          <DeletionNotice sessions={past} />
          <SessionTable caption={`Past sessions (${past.length})`} sessions={past} />
        </>
      ) : null}
    </>
  );
}

/** Says which past sessions are deleted soon, while their reports can still be saved. */
function DeletionNotice({ sessions }: { readonly sessions: readonly SessionListRow[] }) {
  const soon = sessions.filter(
    (s) => s.deletesAt !== null && daysUntil(s.deletesAt) <= DELETION_WARNING_DAYS,
  );
  if (soon.length === 0) return null;
  const titles = soon.map((s) => `${s.lessonTitle} (${s.joinCode})`).join(', ');
  const isOne = soon.length === 1;
  return (
    <div className="notice">
      <p>
        {isOne ? 'One past session is' : `${soon.length} past sessions are`} deleted with their
        students&apos; answers within {DELETION_WARNING_DAYS} days: {titles}. Save{' '}
        {isOne ? 'its report or CSV' : 'their reports or CSVs'} now if you need them.
      </p>
    </div>
  );
}
