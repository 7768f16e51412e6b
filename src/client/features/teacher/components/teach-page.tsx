import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { TableScrollBox } from '../../../shared/components/table-scroll-box';
import { describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { Link } from '../../../shared/lib/router';
import { routes } from '../../../shared/lib/routes';
import { teacherMeQuery, teacherSessionListQuery, type SessionListRow } from '../api/teacher-api';
import { useNoticeStore } from '../stores/notice-store';
import { SignedOutIntro } from './auth-forms';
import { DeleteAccount } from './delete-account';
import { StartSessionForm } from './start-session-form';

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
      <td>{session.mode === 'teacher-paced' ? 'Teacher-paced' : 'Self-paced'}</td>
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
    <TableScrollBox caption={caption} tableClassName="table session-table">
      <thead>
        <tr>
          <th scope="col">Lesson</th>
          <th scope="col">Code</th>
          <th scope="col">Mode</th>
          <th scope="col">Started</th>
          <th scope="col">Students</th>
          <th scope="col">Answers</th>
          <th scope="col">Open</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </tbody>
    </TableScrollBox>
  );
}

function SessionList() {
  const sessions = useQuery(teacherSessionListQuery());
  if (sessions.isPending) return <p role="status">Loading your sessions…</p>;
  if (sessions.isError) {
    return (
      <p className="error" role="alert">
        Your sessions could not be loaded: {describeApiError(sessions.error)}
      </p>
    );
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

function Notice() {
  const notice = useNoticeStore((s) => s.notice);
  const dismissNotice = useNoticeStore((s) => s.dismissNotice);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!notice) return;
    // Deleting a session or the account brings the teacher here from a control that is gone
    // (with its dialog, which hands focus back as it closes): once that has settled, the notice
    // saying what happened takes the focus the body would otherwise keep.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) noticeRef.current?.focus();
    }, 100);
    return () => {
      clearTimeout(timer);
    };
  }, [notice]);
  return (
    <div role="status" className={notice ? 'notice' : undefined}>
      {notice ? (
        <>
          <p ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={dismissNotice}
          >
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}

function TeacherHome({ onAccountDeleted }: { readonly onAccountDeleted: () => void }) {
  return (
    <>
      <StartSessionForm />
      <section aria-labelledby="your-sessions-heading">
        <h2 id="your-sessions-heading">Your sessions</h2>
        <SessionList />
      </section>
      {/* At the end of the home page, away from "Sign out": a slip cannot reach it. */}
      <section className="danger-zone" aria-labelledby="danger-zone-heading">
        <h2 id="danger-zone-heading">Danger zone</h2>
        <p>
          Deleting your account erases everything in it, for good: your lessons, and every session
          with its students and their answers.
        </p>
        <DeleteAccount onDeleted={onAccountDeleted} />
      </section>
    </>
  );
}

/**
 * /teach: sign in or up, then the teacher's sessions, a form to start one and, at the end, the
 * account's deletion (`onAccountDeleted` also forgets the work kept on this device).
 */
export function TeachPage({ onAccountDeleted }: { readonly onAccountDeleted: () => void }) {
  const queryClient = useQueryClient();
  const me = useQuery(teacherMeQuery());
  return (
    <>
      <title>For teachers</title>
      <h1>For teachers</h1>
      <Notice />
      {me.isPending ? (
        <p role="status">Loading…</p>
      ) : me.isError ? (
        <div role="alert">
          <p className="error">Could not check whether you are signed in.</p>
          <p>{describeApiError(me.error)}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void me.refetch();
            }}
          >
            Try again
          </button>
        </div>
      ) : me.data ? (
        <TeacherHome onAccountDeleted={onAccountDeleted} />
      ) : (
        <SignedOutIntro
          onSignedIn={(teacher) => {
            queryClient.setQueryData(queryKeys.teacherMe(), teacher);
            void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSessions() });
          }}
        />
      )}
    </>
  );
}
