import { KeepOpenSwitch } from '#shared/components/keep-open-switch';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { ItemState, TeacherSessionView } from '#domain/api/live-contracts';
import { ConfirmButton } from '#shared/components/confirm-button';
import { SessionLessonGate } from '#shared/components/session-lesson-gate';
import { useFocusWhenLost } from '#shared/hooks/use-focus-when-lost';
import { useLiveStream } from '#shared/hooks/use-live-stream';
import { useTeacherSessionLesson } from '#shared/hooks/use-session-lesson';
import { isApiError } from '#shared/lib/api-client';
import type { LiveConnectionState } from '#shared/lib/live-stream';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { teacherSessionQuery } from '../api/session-monitor-api';
import { applyTeacherLiveEvent, resyncTeacherSession } from '../api/teacher-live-events';
import { ItemControl } from './item-control';
import { JoinPanel } from './join-panel';
import { PageUnavailable } from '#shared/components/page-unavailable';
import { ResponseWall } from './response-wall';
import { LtiCourseRoster } from './lti-course-roster';
import { Roster } from './roster';
import { SpeakingTallyPanel } from './speaking-tally';
import { StatementsPanel } from './statements-panel';
import { SummaryComposer } from './summary-composer';
import { useSessionAction } from './use-session-action';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

const CONNECTION_TEXT: Record<LiveConnectionState, string> = {
  connecting: 'Connecting to live updates…',
  open: 'Live updates on.',
  reconnecting: 'Live updates paused: reconnecting…',
};

function SectionControl({
  view,
  lesson,
  viewedIndex,
  onView,
}: {
  readonly view: TeacherSessionView;
  readonly lesson: Lesson;
  readonly viewedIndex: number;
  readonly onView: (index: number) => void;
}) {
  const action = useSessionAction(view.session.id);
  const isTeacherPaced = view.session.mode === 'teacher-paced';
  const isEnded = view.session.status === 'ended';
  const go = (index: number) => {
    const target = lesson.sections[index];
    if (!target || action.isPending) return;
    if (isTeacherPaced) action.mutate({ type: 'change-section', sectionId: target.id });
    else onView(index);
  };
  const canMove = !isEnded || !isTeacherPaced;
  // Pending, the buttons only refuse clicks: disabling them would drop the focus on the body.
  return (
    <nav className="pager" aria-label="Sections">
      <button
        type="button"
        className="button"
        disabled={!canMove || viewedIndex === 0}
        aria-disabled={action.isPending}
        onClick={() => {
          go(viewedIndex - 1);
        }}
      >
        <span aria-hidden="true">← </span>Previous section
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={!canMove || viewedIndex >= lesson.sections.length - 1}
        aria-disabled={action.isPending}
        onClick={() => {
          go(viewedIndex + 1);
        }}
      >
        Next section<span aria-hidden="true"> →</span>
      </button>
      <ApiErrorAlert error={action.error} />
    </nav>
  );
}

function EndSessionButton({ sessionId }: { readonly sessionId: string }) {
  const action = useSessionAction(sessionId);
  return (
    <>
      <ConfirmButton
        isPending={action.isPending}
        error={action.error}
        title="End this session?"
        message="Students can no longer answer or join. Their answers and the results stay here."
        confirmLabel="End session"
        onConfirm={() => {
          action.mutate({ type: 'end-session' });
        }}
      >
        End session
      </ConfirmButton>
    </>
  );
}

const PENDING_STATE = (itemId: string): ItemState => ({
  itemId,
  status: 'pending',
  isRevealed: false,
});

function SessionControl({
  view,
  lesson,
  connection,
}: {
  readonly view: TeacherSessionView;
  readonly lesson: Lesson;
  readonly connection: LiveConnectionState;
}) {
  const { session } = view;
  const sectionHeadingId = useId();
  const isEnded = session.status === 'ended';
  const currentIndex = Math.max(
    0,
    lesson.sections.findIndex((s) => s.id === session.currentSectionId),
  );
  // A self-paced class has no current section: the teacher looks at any of them.
  const [browsedIndex, setBrowsedIndex] = useState<number | null>(null);
  const viewedIndex =
    session.mode === 'self-paced' && browsedIndex !== null ? browsedIndex : currentIndex;
  const section = lesson.sections[viewedIndex];
  const participantCount = view.participants.length;
  // "End session" goes with the session: the line saying it has ended takes the focus.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(statusRef, isEnded);
  // "Next section" is disabled on the last one: the new section's title takes the focus.
  const sectionHeadingRef = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(sectionHeadingRef, viewedIndex);

  return (
    <>
      <title>{`Session ${session.joinCode}: ${lesson.metadata.title}`}</title>
      <p className="breadcrumbs">
        <Link to={routes.teach.build()}>Your sessions</Link>
      </p>
      <h1>{lesson.metadata.title}</h1>
      <p className="lead">
        {session.mode === 'teacher-paced' ? 'Teacher-paced session' : 'Self-paced session'} ·{' '}
        {isEnded ? 'Ended' : 'Open'}
      </p>
      <p className="hint" role="status" ref={statusRef} tabIndex={-1}>
        {isEnded ? 'The session has ended.' : CONNECTION_TEXT[connection]}
      </p>
      <KeepOpenSwitch session={session} />
      <nav aria-label="This session" className="link-list session-links">
        <a
          href={routes.teacherProjector.build({ sessionId: session.id })}
          target="_blank"
          rel="noopener"
        >
          Projector view<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        <Link to={routes.teacherReport.build({ sessionId: session.id })}>Report</Link>
        <Link to={routes.teacherForecasts.build({ sessionId: session.id })}>Forecasts</Link>
      </nav>
      {isEnded ? null : <JoinPanel session={session} joinUrl={view.joinUrl} />}
      <Roster
        sessionId={session.id}
        lesson={lesson}
        mode={session.mode}
        participants={view.participants}
        isEnded={isEnded}
      />
      <LtiCourseRoster sessionId={session.id} joinedCount={view.participants.length} />
      {section ? (
        <section aria-labelledby={sectionHeadingId} className="control-section">
          <p className="section-count">
            Section {viewedIndex + 1} of {lesson.sections.length}
            {session.mode === 'self-paced' ? ' (students move on their own)' : ''}
          </p>
          <h2 id={sectionHeadingId} ref={sectionHeadingRef} tabIndex={-1}>
            {section.title}
          </h2>
          <SectionControl
            view={view}
            lesson={lesson}
            viewedIndex={viewedIndex}
            onView={setBrowsedIndex}
          />
          {section.teacherNotes.length > 0 ? (
            <details className="teacher-notes">
              <summary>Teacher notes</summary>
              <ul>
                {section.teacherNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="items">
            {section.items.map((item) => (
              <ItemControl
                key={item.id}
                sessionId={session.id}
                item={item}
                state={view.itemStates.find((s) => s.itemId === item.id) ?? PENDING_STATE(item.id)}
                answered={view.answerCounts[item.id] ?? 0}
                participantCount={participantCount}
                results={view.results.find((r) => r.itemId === item.id)}
                scores={view.forecastScores.find((f) => f.itemId === item.id)}
                isEnded={isEnded}
              >
                {item.kind === 'statements' ? (
                  <StatementsPanel sessionId={session.id} item={item} isEnded={isEnded} />
                ) : null}
              </ItemControl>
            ))}
          </div>
          <SummaryComposer
            key={section.id}
            sessionId={session.id}
            section={section}
            published={view.summaries.find((s) => s.sectionId === section.id)}
            isEnded={isEnded}
          />
        </section>
      ) : null}
      <SpeakingTallyPanel
        sessionId={session.id}
        participants={view.participants}
        isEnded={isEnded}
      />
      <ResponseWall
        sessionId={session.id}
        lesson={lesson}
        wallIdentity={view.wallIdentity}
        namesHiddenFromTeacher={view.namesHiddenFromTeacher}
        isEnded={isEnded}
      />
      {isEnded ? null : (
        <div className="button-row end-row">
          <EndSessionButton sessionId={session.id} />
        </div>
      )}
    </>
  );
}

/** /teach/sessions/:id: the teacher's live control panel for one session. */
export function SessionControlPage({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(teacherSessionQuery(sessionId));
  const lessonQuery = useTeacherSessionLesson(sessionId);
  const connection = useLiveStream(
    sessionId,
    {
      onEvent: (event) => {
        applyTeacherLiveEvent(queryClient, sessionId, event);
      },
      onOpen: () => {
        resyncTeacherSession(queryClient, sessionId);
      },
    },
    // An ended session still changes (a student deleted, outcomes revealed): the stream stays.
    query.data !== undefined && !isApiError(query.error, 'not_signed_in'),
  );

  if (query.isPending) return <p role="status">Loading the session…</p>;
  const { error } = query;
  // A failed refresh keeps showing what was loaded, unless the teacher was signed out.
  if (error && (!query.data || isApiError(error, 'not_signed_in', 'forbidden', 'not_found'))) {
    return (
      <PageUnavailable
        title="Session unavailable"
        error={error}
        signInMessage="Sign in to see this session."
      />
    );
  }
  const view = query.data;
  return (
    <SessionLessonGate query={lessonQuery}>
      {({ lesson }) => <SessionControl view={view} lesson={lesson} connection={connection} />}
    </SessionLessonGate>
  );
}
