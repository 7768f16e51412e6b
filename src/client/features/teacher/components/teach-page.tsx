import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionSummary, Teacher } from '../../../../domain/live/live-contracts';
import { describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { Link } from '../../../shared/lib/router';
import { signOut, teacherMeQuery, teacherSessionListQuery } from '../api/teacher-api';
import { teacherSessionPath } from '../lib/paths';
import { AuthForms } from './auth-forms';
import { StartSessionForm } from './start-session-form';

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function SessionRow({ session }: { readonly session: SessionSummary }) {
  return (
    <li className="session-row">
      <Link to={teacherSessionPath(session.id)}>
        {session.lessonTitle}: code {session.joinCode}
      </Link>
      <span className="badge">
        {session.mode === 'teacher-paced' ? 'Teacher-paced' : 'Self-paced'} ·{' '}
        {session.status === 'open' ? 'Open' : 'Ended'} · started {formatDateTime(session.createdAt)}
      </span>
    </li>
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
  return (
    <ul className="session-list">
      {sessions.data.map((session) => (
        <SessionRow key={session.id} session={session} />
      ))}
    </ul>
  );
}

function TeacherHome({ teacher }: { readonly teacher: Teacher }) {
  const queryClient = useQueryClient();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.teacherSessions() });
      queryClient.setQueryData(queryKeys.teacherMe(), null);
    },
  });
  return (
    <>
      <div className="signed-in">
        <p>
          Signed in as <strong>{teacher.name}</strong> ({teacher.email})
        </p>
        <button
          type="button"
          className="button button-quiet"
          disabled={signOutMutation.isPending}
          onClick={() => {
            signOutMutation.mutate();
          }}
        >
          Sign out
        </button>
      </div>
      {signOutMutation.isError ? (
        <p className="error" role="alert">
          {describeApiError(signOutMutation.error)}
        </p>
      ) : null}
      <StartSessionForm />
      <section aria-labelledby="your-sessions-heading">
        <h2 id="your-sessions-heading">Your sessions</h2>
        <SessionList />
      </section>
    </>
  );
}

/** /teach: sign in or up, then the teacher's sessions and a form to start one. */
export function TeachPage() {
  const me = useQuery(teacherMeQuery());
  return (
    <>
      <title>For teachers</title>
      <h1>For teachers</h1>
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
        <TeacherHome teacher={me.data} />
      ) : (
        <>
          <p className="lead">
            Run a live class discussion of an article, or set it as self-paced work. Students join
            with a code; they need no account.
          </p>
          <AuthForms />
        </>
      )}
    </>
  );
}
