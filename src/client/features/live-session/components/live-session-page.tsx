import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { withAnswerKeys } from '#domain/lesson/answer-keys';
import type {
  StudentLesson as Lesson,
  StudentSection as Section,
} from '#domain/lesson/answer-key-schemas';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { ArticleText } from '#shared/components/article-text';
import { LiveAnnouncer } from '#shared/components/live-announcer';
import { LoadFailedAlert } from '#shared/components/load-failed-alert';
import { SessionLessonGate } from '#shared/components/session-lesson-gate';
import { useFocusOnChange } from '#shared/hooks/use-focus-on-change';
import { useLiveStream } from '#shared/hooks/use-live-stream';
import { useSessionLesson } from '#shared/hooks/use-session-lesson';
import { isApiError } from '#shared/lib/api-client';
import type { LiveConnectionState } from '#shared/lib/live-stream';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { reportProgress, studentSessionQuery } from '../api/student-api';
import { applyStudentLiveEvent, resyncStudentSession } from '../api/student-live-events';
import { useIsBrowserOnline } from '../lib/use-online-status';
import { useOutboxSender } from '../lib/use-outbox-sender';
import { useSessionAnnouncements } from '../lib/use-session-announcements';
import { ClassWall } from './class-wall';
import { LiveItemCard } from './live-item-card';
import { LiveStatementsCard } from './live-statements-card';

const CONNECTION_TEXT: Record<LiveConnectionState, string> = {
  connecting: 'Connecting to your class…',
  open: 'Connected to your class.',
  reconnecting: 'Connection lost: reconnecting… Your answers are kept on this device.',
};

function SectionView({
  view,
  lesson,
  section,
  index,
}: {
  readonly view: StudentSessionView;
  readonly lesson: Lesson;
  readonly section: Section;
  readonly index: number;
}) {
  const summaryHeadingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(headingRef, section.id);
  const sessionId = view.session.id;
  const isEnded = view.session.status === 'ended';
  const visible = section.items.flatMap((item) => {
    const state = view.itemStates.find((s) => s.itemId === item.id);
    return state && state.status !== 'pending' ? [{ item, state }] : [];
  });
  const summary = view.summaries.find((s) => s.sectionId === section.id);
  const awaitingAnswer = new Set(
    view.itemStates
      .filter((s) => s.isRevealed && !view.myAnswers.some((a) => a.itemId === s.itemId))
      .map((s) => s.itemId),
  );
  return (
    <>
      {/* Not a live region: the page's LiveAnnouncer says the section change, once. */}
      <p className="section-count">
        Section {index + 1} of {lesson.sections.length}
      </p>
      <h1 className="section-title" ref={headingRef} tabIndex={-1} lang={lesson.metadata.language}>
        {section.title}
      </h1>
      <ArticleText
        paragraphs={section.paragraphs}
        glossary={lesson.glossary}
        lang={lesson.metadata.language}
      />
      {visible.length === 0 ? (
        <p className="hint">
          {view.session.mode === 'teacher-paced'
            ? 'Read the text. Your teacher will open the questions.'
            : 'This section has no open questions.'}
        </p>
      ) : (
        <div className="items">
          {visible.map(({ item, state }) => {
            if (item.kind === 'statements') {
              return (
                <LiveStatementsCard
                  key={item.id}
                  sessionId={sessionId}
                  item={item}
                  state={state}
                  isEnded={isEnded}
                />
              );
            }
            const held = view.myAnswers.find((a) => a.itemId === item.id);
            return (
              <LiveItemCard
                key={item.id}
                sessionId={sessionId}
                item={item}
                state={state}
                held={held}
                results={view.results.find((r) => r.itemId === item.id)}
                scores={view.forecastScores.find((f) => f.itemId === item.id)}
                feedback={view.writingFeedback.find((f) => f.itemId === item.id)}
                isEnded={isEnded}
              />
            );
          })}
        </div>
      )}
      <ClassWall
        sessionId={sessionId}
        section={section}
        wall={view.wall}
        wallIdentity={view.wallIdentity}
        awaitingAnswer={awaitingAnswer}
        isEnded={isEnded}
      />
      {summary ? (
        <section className="summary" aria-labelledby={summaryHeadingId}>
          <h2 id={summaryHeadingId}>Section summary</h2>
          <p className="summary-text" lang={lesson.metadata.language}>
            {summary.text}
          </p>
        </section>
      ) : null}
    </>
  );
}

/** Self-paced: the student moves between sections and tells the teacher where they are. */
function SelfPacedPager({
  sessionId,
  lesson,
  index,
  onMove,
}: {
  readonly sessionId: string;
  readonly lesson: Lesson;
  readonly index: number;
  readonly onMove: (index: number) => void;
}) {
  const progress = useMutation({
    mutationFn: (sectionId: string) => reportProgress(sessionId, sectionId),
  });
  const previous = lesson.sections[index - 1];
  const next = lesson.sections[index + 1];
  const move = (to: number, section: Section) => {
    onMove(to);
    progress.mutate(section.id);
    window.scrollTo({ top: 0 });
  };
  return (
    <nav className="pager" aria-label="Previous and next section">
      {previous ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            move(index - 1, previous);
          }}
        >
          <span aria-hidden="true">← </span>Previous: {previous.title}
        </button>
      ) : (
        <span />
      )}
      {next ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            move(index + 1, next);
          }}
        >
          Next: {next.title}
          <span aria-hidden="true"> →</span>
        </button>
      ) : null}
    </nav>
  );
}

function LiveSession({
  view,
  lesson,
  connection,
}: {
  readonly view: StudentSessionView;
  readonly lesson: Lesson;
  readonly connection: LiveConnectionState;
}) {
  const { session } = view;
  const isEnded = session.status === 'ended';
  const currentIndex = Math.max(
    0,
    lesson.sections.findIndex((s) => s.id === session.currentSectionId),
  );
  const [movedIndex, setMovedIndex] = useState<number | null>(null);
  const index = session.mode === 'self-paced' && movedIndex !== null ? movedIndex : currentIndex;
  const section = lesson.sections[index];
  const hasForecasts = lesson.sections.some((s) => s.items.some((i) => i.kind === 'forecast'));
  useSessionAnnouncements(lesson, view);
  // A stream cut by a lost network may not fail for a while: believe the browser's offline.
  const isBrowserOnline = useIsBrowserOnline();
  const shownConnection = isBrowserOnline ? connection : 'reconnecting';
  return (
    <>
      <title>{section ? `${section.title}: live class` : 'Live class'}</title>
      <div className="live-bar">
        <p>
          You are <strong>{view.me.label}</strong> in “{lesson.metadata.title}”.
        </p>
        <p className="rejoin-code">
          Your rejoin code: <strong className="code-text">{view.me.rejoinCode}</strong>{' '}
          <span className="hint">(to get back in on another device)</span>
        </p>
        <p className="hint" role="status">
          {isEnded ? '' : CONNECTION_TEXT[shownConnection]}
        </p>
      </div>
      {isEnded ? (
        <div className="ended">
          <h2>The session has ended</h2>
          {session.endedBy === 'idle' ? (
            <p>
              It ended on its own because nobody used it for several hours. Ask your teacher for a
              new code if you still need to work on it.
            </p>
          ) : null}
          <p>
            Thank you for taking part. Your answers were saved and can no longer be changed here.
          </p>
          {hasForecasts ? (
            <p>
              A forecast question may stay open after class, until its close date:{' '}
              <Link to={routes.studentForecasts.build({ sessionId: session.id })}>
                your forecasts and scores
              </Link>
              .
            </p>
          ) : null}
        </div>
      ) : hasForecasts ? (
        <p className="hint">
          <Link to={routes.studentForecasts.build({ sessionId: session.id })}>
            Your forecasts and scores
          </Link>
          : come back after class to update the open ones with a reason as news arrives.
        </p>
      ) : null}
      {section ? <SectionView view={view} lesson={lesson} section={section} index={index} /> : null}
      {session.mode === 'self-paced' ? (
        <SelfPacedPager
          sessionId={session.id}
          lesson={lesson}
          index={index}
          onMove={setMovedIndex}
        />
      ) : null}
    </>
  );
}

/** /live/:sessionId: the student's view of a live or self-paced session. */
export function LiveSessionPage({ sessionId }: { readonly sessionId: string }) {
  return (
    <LiveAnnouncer>
      <LiveSessionContent sessionId={sessionId} />
    </LiveAnnouncer>
  );
}

/**
 * The student's lesson comes without its answer keys; the view carries those of the items the
 * teacher has revealed (and of writing with released feedback), put back here.
 */
function LiveSessionWithKeys({ view, lesson, connection }: Parameters<typeof LiveSession>[0]) {
  const { answerKeys } = view;
  const keyed = useMemo(() => withAnswerKeys(lesson, answerKeys), [lesson, answerKeys]);
  return <LiveSession view={view} lesson={keyed} connection={connection} />;
}

function LiveSessionContent({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...studentSessionQuery(sessionId),
    retry: (failures, error) =>
      !isApiError(
        error,
        'not_joined',
        'participant_removed',
        'participant_deleted',
        'session_not_found',
        'not_found',
      ) && failures < 3,
  });
  // Loaded beside the session, not after it: the lesson is the page's other half.
  const lessonQuery = useSessionLesson(sessionId);
  // Keep the stream and the outbox going through a failed refresh; stop when shut out.
  const isReady =
    query.data !== undefined &&
    !isApiError(query.error, 'participant_removed', 'participant_deleted', 'not_joined');
  const isEnded = query.data?.session.status === 'ended';
  const connection = useLiveStream(
    sessionId,
    {
      onEvent: (event) => {
        applyStudentLiveEvent(queryClient, sessionId, event);
      },
      onOpen: () => {
        resyncStudentSession(queryClient, sessionId);
      },
    },
    isReady && !isEnded,
  );
  useOutboxSender(sessionId, isReady && !isEnded);

  if (query.isPending) return <p role="status">Loading your class…</p>;
  const { error } = query;
  if (error) {
    if (isApiError(error, 'participant_removed')) {
      return (
        <>
          <title>Removed from the session</title>
          <h1>You were removed from this session</h1>
          <p role="alert">{error.message}</p>
          <p>
            Ask your teacher if this is a mistake.{' '}
            <Link to={routes.join.build()}>Join a class</Link>
          </p>
        </>
      );
    }
    if (isApiError(error, 'participant_deleted')) {
      return (
        <>
          <title>Deleted from the session</title>
          <h1>Your teacher deleted you from this session</h1>
          <p role="alert">{error.message}</p>
          <p>
            Nothing of yours is kept in it. Ask your teacher if this is a mistake.{' '}
            <Link to={routes.join.build()}>Join a class</Link>
          </p>
        </>
      );
    }
    if (isApiError(error, 'not_joined', 'session_not_found', 'not_found')) {
      return (
        <>
          <title>Join the session first</title>
          <h1>Join the session first</h1>
          <p role="alert">{error.message}</p>
          {isApiError(error, 'not_joined') ? (
            <p>
              If you rejoined on another device, this one was signed out of the session: one device
              at a time.
            </p>
          ) : null}
          <p>
            <Link to={routes.join.build()}>Join or rejoin a class with its code</Link>
          </p>
        </>
      );
    }
  }
  // A failed refresh (a flaky network) keeps showing what was loaded; the stream will resync.
  if (error && !query.data) {
    return (
      <LoadFailedAlert
        heading="Your class could not be loaded"
        error={error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  const view = query.data;
  return (
    <SessionLessonGate query={lessonQuery}>
      {({ lesson }) => <LiveSessionWithKeys view={view} lesson={lesson} connection={connection} />}
    </SessionLessonGate>
  );
}
