import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { describeApiError } from '#shared/lib/api-client';
import { queryKeys } from '#shared/lib/query-keys';
import { teacherMeQuery } from '../features/account/api/account-api';
import { SessionList } from '../features/class-sessions/components/session-list';
import { useNoticeStore } from '#shared/stores/notice-store';
import { DismissibleNotice } from '#shared/components/dismissible-notice';
import { SignedOutIntro } from '../features/account/components/auth-forms';
import { SecondFactorSettings } from '../features/account/components/second-factor-settings';
import { DeleteAccount } from '../features/account/components/delete-account';
import { StartSessionForm } from '../features/class-sessions/components/start-session-form';
import { DueForecasts } from '../features/forecasts/components/due-forecasts';

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
  return <DismissibleNotice notice={notice} onDismiss={dismissNotice} ref={noticeRef} />;
}

function TeacherHome({ onAccountDeleted }: { readonly onAccountDeleted: () => void }) {
  return (
    <>
      <DueForecasts />
      <StartSessionForm />
      <section aria-labelledby="your-sessions-heading">
        <h2 id="your-sessions-heading">Your sessions</h2>
        <SessionList />
      </section>
      <section aria-labelledby="sign-in-security-heading">
        <h2 id="sign-in-security-heading">Second factor</h2>
        <SecondFactorSettings />
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
