import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { ForecastQuestionStatus, TeacherForecastsView } from '#domain/api/forecast-contracts';
import { LiveAnnouncer } from '#shared/components/live-announcer';
import { LoadFailedAlert } from '#shared/components/load-failed-alert';
import { PageUnavailable } from '#shared/components/page-unavailable';
import { isApiError } from '#shared/lib/api-client';
import { formatDate } from '#shared/lib/format';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { teacherForecastsQuery, type ForecastScope } from '../api/teacher-forecasts-api';
import { CalibrationSection } from './calibration-section';
import { ClassHeader } from './class-header';
import { ForecastStyles } from './forecast-styles';
import { ScoringHelp } from './scoring-help';
import { ClassPicker, ForecastsCsvLink, LeaderboardModeForm } from './session-forecast-settings';
import { TeacherQuestionCard } from './teacher-question-card';
import { TeamsEditor } from './teams-editor';

const GROUPS: readonly { status: ForecastQuestionStatus; heading: string }[] = [
  { status: 'closed', heading: 'Past their close date: to resolve' },
  { status: 'open', heading: 'Open' },
  { status: 'resolved', heading: 'Resolved' },
];

type Session = TeacherForecastsView['sessions'][number];

/** Per session: its class, leaderboard, teams and CSV. */
function SessionSettings({
  view,
  session,
}: {
  readonly view: TeacherForecastsView;
  readonly session: Session;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="session-forecast-settings">
      <h2 id={headingId}>
        {view.scope.kind === 'class'
          ? `Session: ${session.lessonTitle}`
          : 'Class, teams and leaderboard'}
      </h2>
      <p>
        Started {formatDate(session.createdAt.slice(0, 10))}
        {session.status === 'ended' ? ', ended' : ', still open'}.{' '}
        <Link to={routes.teacherSession.build({ sessionId: session.id })}>The session</Link>
        {view.scope.kind === 'class' ? (
          <>
            {' · '}
            <Link to={routes.teacherForecasts.build({ sessionId: session.id })}>
              its forecasts alone
            </Link>
          </>
        ) : null}
      </p>
      {view.scope.kind === 'session' ? <ClassPicker sessionId={session.id} /> : null}
      <LeaderboardModeForm key={session.leaderboard} session={session} />
      <TeamsEditor
        key={view.teams.map((t) => t.id).join()}
        session={session}
        teams={view.teams.filter((team) => team.sessionId === session.id)}
      />
      <p>
        <ForecastsCsvLink session={session} />
      </p>
    </section>
  );
}

function TeacherForecasts({ view }: { readonly view: TeacherForecastsView }) {
  const title =
    view.scope.kind === 'class'
      ? `Forecasts: ${view.scope.name}`
      : `Forecasts: ${view.sessions[0]?.lessonTitle ?? 'session'}`;
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p className="lead">
        Forecast questions stay open after the lesson until their close date; students come back
        with their rejoin code at <strong>/forecasts</strong> to update them with a reason. Today is{' '}
        {formatDate(view.today)} (UTC).
      </p>
      {view.scope.kind === 'class' ? (
        <ClassHeader key={view.scope.name} classId={view.scope.classId} name={view.scope.name} />
      ) : null}
      <ScoringHelp />
      {view.questions.length === 0 ? (
        <p>No forecast questions here yet: they come with the lessons’ forecast items.</p>
      ) : (
        // One list, the groups' headings between the cards: a question the teacher resolves
        // moves to its group without being drawn anew, so the focus is not lost with it.
        <div className="forecast-questions">
          {GROUPS.flatMap(({ status, heading }) => {
            const questions = view.questions.filter((q) => q.status === status);
            if (questions.length === 0) return [];
            return [
              <h2 key={`heading-${status}`}>{heading}</h2>,
              ...questions.map((question) => (
                <TeacherQuestionCard
                  key={`${question.sessionId}/${question.itemId}`}
                  question={question}
                  today={view.today}
                  showsLesson={view.scope.kind === 'class'}
                />
              )),
            ];
          })}
        </div>
      )}
      <CalibrationSection
        heading="The class median’s calibration"
        whose="the class median’s"
        calibration={view.classCalibration}
      />
      {view.sessions.map((session) => (
        <SessionSettings key={session.id} view={view} session={session} />
      ))}
    </>
  );
}

function TeacherForecastsContent({ scope }: { readonly scope: ForecastScope }) {
  const query = useQuery(teacherForecastsQuery(scope));
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading the forecasts…
      </p>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 'not_found', 'session_not_found', 'not_signed_in')) {
      return (
        <PageUnavailable
          title="Forecasts unavailable"
          error={query.error}
          signInMessage="Sign in to see your classes’ forecasts."
        />
      );
    }
    return (
      <LoadFailedAlert
        heading="The forecasts could not be loaded"
        error={query.error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  return <TeacherForecasts view={query.data} />;
}

/** /teach/sessions/:sessionId/forecasts and /teach/classes/:classId/forecasts. */
export function TeacherForecastsPage({ scope }: { readonly scope: ForecastScope }) {
  return (
    <LiveAnnouncer>
      <ForecastStyles />
      <TeacherForecastsContent scope={scope} />
    </LiveAnnouncer>
  );
}
