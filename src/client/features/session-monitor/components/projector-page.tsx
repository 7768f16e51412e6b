import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Lesson, StatementsItem } from '#domain/lesson/lesson-schema';
import type { ProjectorView } from '#domain/api/dashboard-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ForecastScoresView } from '#shared/components/items/forecast-scores';
import { ItemResultsView } from '#shared/components/items/item-results';
import { SessionLessonGate } from '#shared/components/session-lesson-gate';
import { useLiveStream } from '#shared/hooks/use-live-stream';
import { useTeacherSessionLesson } from '#shared/hooks/use-session-lesson';
import { findLessonItem } from '#shared/lib/find-lesson-item';
import { queryKeys } from '#shared/lib/query-keys';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { OpinionMapView } from '#shared/components/charts/opinion-map-chart';
import {
  sessionQrPath,
  teacherProjectorQuery,
  teacherStatementsQuery,
} from '../api/session-monitor-api';
import { applyTeacherLiveEvent } from '../api/teacher-live-events';
import { PageUnavailable } from '#shared/components/page-unavailable';

/** A class-statements item's map on the classroom screen: dots and groups, never a name. */
function ProjectorMap({
  sessionId,
  item,
}: {
  readonly sessionId: string;
  readonly item: StatementsItem;
}) {
  const query = useQuery(teacherStatementsQuery(sessionId, item.id));
  return (
    <section className="projector-block" aria-label={`Opinion map: ${item.question}`}>
      <h2>{item.question}</h2>
      {query.data ? (
        <OpinionMapView map={query.data.map} />
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} lead="The opinion map could not be loaded: " />
      ) : (
        <p role="status">Loading the opinion map…</p>
      )}
    </section>
  );
}

function Projector({
  sessionId,
  view,
  lesson,
}: {
  readonly sessionId: string;
  readonly view: ProjectorView;
  readonly lesson: Lesson;
}) {
  const section = lesson.sections.find((s) => s.id === view.currentSectionId);
  const isOpen = view.status === 'open';
  // The lesson's own words are read in its language (WCAG 3.1.2); the page's in English.
  const lang = lesson.metadata.language;
  return (
    <div className="projector">
      <title>{`Projector: ${view.lessonTitle}`}</title>
      <p className="projector-back no-print">
        <Link to={routes.teacherSession.build({ sessionId })}>Back to the monitor</Link>
      </p>
      <header className="projector-header">
        <h1 lang={lang}>{view.lessonTitle}</h1>
        {section ? (
          <p className="projector-section">
            Now: <span lang={lang}>{section.title}</span>
          </p>
        ) : null}
      </header>
      {isOpen ? (
        <section className="projector-join" aria-labelledby="projector-join-heading">
          <div>
            <h2 id="projector-join-heading">Join the class</h2>
            <p>
              Go to <strong className="projector-url">{view.joinUrl}</strong>
            </p>
            <p>
              Code <strong className="join-code">{view.joinCode}</strong>
            </p>
            <p>
              {view.participantCount} {view.participantCount === 1 ? 'student' : 'students'} joined
            </p>
          </div>
          <img
            className="projector-qr"
            src={sessionQrPath(sessionId)}
            alt={`QR code to join session ${view.joinCode}`}
            width={320}
            height={320}
          />
        </section>
      ) : (
        <p className="projector-ended">This session has ended.</p>
      )}
      {view.results.length > 0 ? (
        <section aria-labelledby="projector-results-heading">
          <h2 id="projector-results-heading">Results</h2>
          {view.results.map((results) => {
            const found = findLessonItem(lesson, results.itemId);
            if (!found) return null;
            return (
              <div key={results.itemId} className="projector-block">
                <h3 lang={lang}>{getItemQuestion(found.item)}</h3>
                <ItemResultsView item={found.item} results={results} caption="Class results" />
              </div>
            );
          })}
        </section>
      ) : null}
      {view.spotlight.length > 0 ? (
        <section aria-labelledby="projector-spotlight-heading">
          <h2 id="projector-spotlight-heading">Spotlight</h2>
          <ul className="wall-list projector-spotlight" aria-label="Spotlighted responses">
            {view.spotlight.map((response) => (
              <li key={response.responseId} className="wall-card wall-card-spotlight">
                <p className="wall-text">{response.text}</p>
                {response.label ? <p className="wall-author">{response.label}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.summary ? (
        <section aria-labelledby="projector-summary-heading">
          <h2 id="projector-summary-heading">Summary</h2>
          <p className="summary-text" lang={lang}>
            {view.summary}
          </p>
        </section>
      ) : null}
      {section?.items.map((item) =>
        item.kind === 'statements' ? (
          <ProjectorMap key={item.id} sessionId={sessionId} item={item} />
        ) : null,
      )}
      {view.forecastScores.map((scores) => {
        const found = findLessonItem(lesson, scores.itemId);
        if (found?.item.kind !== 'forecast') return null;
        // The classroom screen never shows one student's score: only the class's figures.
        const { students: _students, ...classScores } = scores;
        return (
          <section key={scores.itemId} className="projector-block" aria-label="Forecast outcomes">
            <ForecastScoresView item={found.item} scores={classScores} headingLevel={2} />
          </section>
        );
      })}
    </div>
  );
}

/** /teach/sessions/:id/projector: the classroom screen, in large type, with no controls. */
export function ProjectorPage({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(teacherProjectorQuery(sessionId));
  const lessonQuery = useTeacherSessionLesson(sessionId);
  useLiveStream(
    sessionId,
    {
      onEvent: (event) => {
        applyTeacherLiveEvent(queryClient, sessionId, event);
      },
      onOpen: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.teacherProjector(sessionId) });
      },
    },
    // An ended session still changes (a student deleted): a screen left open follows it.
    query.data !== undefined,
  );
  if (query.isPending) return <p role="status">Loading the classroom screen…</p>;
  const view = query.data;
  // A failed refresh keeps the screen as it was; the stream's next event tries again.
  if (!view) {
    return (
      <PageUnavailable
        title="Classroom screen unavailable"
        error={query.error}
        signInMessage="Sign in to show this session."
      />
    );
  }
  return (
    <SessionLessonGate query={lessonQuery}>
      {({ lesson }) => <Projector sessionId={sessionId} view={view} lesson={lesson} />}
    </SessionLessonGate>
  );
}
