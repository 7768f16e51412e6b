import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { ForecastQuestionStatus, StudentForecastsView } from '#domain/api/forecast-contracts';
import { LiveAnnouncer, useAnnounce } from '#shared/components/live-announcer';
import { LoadFailedAlert } from '#shared/components/load-failed-alert';
import { useLiveStream } from '#shared/hooks/use-live-stream';
import { isApiError } from '#shared/lib/api-client';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { queryKeys } from '#shared/lib/query-keys';
import { applyForecastLiveEvent, myForecastsQuery } from '../api/student-forecasts-api';
import { useNewRejoinCodes } from '../stores/new-rejoin-code-store';
import { CalibrationSection } from './calibration-section';
import { ForecastStyles } from './forecast-styles';
import { LeaderboardSection, TeamSection } from './leaderboard-section';
import { ScoringHelp } from './scoring-help';
import { StudentQuestionCard } from './student-question-card';

const GROUPS: readonly { status: ForecastQuestionStatus; heading: string }[] = [
  { status: 'open', heading: 'Open questions' },
  { status: 'closed', heading: 'Closed, waiting for the outcome' },
  { status: 'resolved', heading: 'Resolved' },
];

function NewRejoinCode({ sessionId }: { readonly sessionId: string }) {
  const code = useNewRejoinCodes((state) => state.codes[sessionId]);
  const dismiss = useNewRejoinCodes((state) => state.dismissRejoinCode);
  if (code === undefined) return null;
  return (
    <div className="notice" role="status">
      <p>
        Your rejoin code is now <strong className="code-text">{code}</strong>: the old one no longer
        works. Write it down to come back on another device.
      </p>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          dismiss(sessionId);
        }}
      >
        I have noted it
      </button>
    </div>
  );
}

function QuestionGroups({ view }: { readonly view: StudentForecastsView }) {
  if (view.questions.length === 0) {
    return <p>This class has no forecast questions.</p>;
  }
  return GROUPS.map(({ status, heading }) => {
    const questions = view.questions.filter((question) => question.status === status);
    if (questions.length === 0) return null;
    return (
      <section key={status} aria-label={heading}>
        <h2>{heading}</h2>
        {questions.map((question) => (
          <StudentQuestionCard
            key={question.itemId}
            sessionId={view.sessionId}
            question={question}
            today={view.today}
          />
        ))}
      </section>
    );
  });
}

function StudentForecasts({ view }: { readonly view: StudentForecastsView }) {
  const leadId = useId();
  return (
    <>
      <title>{`Your forecasts: ${view.lessonTitle}`}</title>
      <h1 aria-describedby={leadId}>Your forecasts</h1>
      <p id={leadId} className="lead">
        “{view.lessonTitle}”, as <strong>{view.me.label}</strong>. Come back any day before a
        question closes to update your forecast and say why.
      </p>
      <NewRejoinCode sessionId={view.sessionId} />
      <ScoringHelp />
      <QuestionGroups view={view} />
      <CalibrationSection
        heading="Your calibration"
        whose="your"
        calibration={view.myCalibration}
      />
      <CalibrationSection
        heading="The class median’s calibration"
        whose="the class median’s"
        calibration={view.classCalibration}
      />
      <TeamSection team={view.team} />
      <LeaderboardSection sessionId={view.sessionId} leaderboard={view.leaderboard} />
    </>
  );
}

function StudentForecastsContent({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const query = useQuery(myForecastsQuery(sessionId));
  const isSignedOut = isApiError(
    query.error,
    'not_joined',
    'participant_removed',
    'participant_deleted',
  );
  // The stream tells of resolutions, also after the session ended.
  useLiveStream(
    sessionId,
    {
      onEvent: (event) => {
        applyForecastLiveEvent(queryClient, sessionId, event);
        if (event.type === 'forecast.resolved') {
          announce('A question was resolved: your scores are updated.');
        }
      },
      onOpen: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.studentForecasts(sessionId) });
      },
    },
    query.data !== undefined && !isSignedOut,
  );

  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading your forecasts…
      </p>
    );
  }
  if (query.error && (isSignedOut || isApiError(query.error, 'session_not_found', 'not_found'))) {
    return (
      <>
        <title>Come back to your forecasts</title>
        <h1>Come back to your forecasts</h1>
        <p role="alert">{query.error.message}</p>
        <p>
          <Link to={routes.forecastsSignIn.build()}>
            Sign in with your class code, name and rejoin code
          </Link>
        </p>
      </>
    );
  }
  if (query.error && !query.data) {
    return (
      <LoadFailedAlert
        heading="Your forecasts could not be loaded"
        error={query.error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  return <StudentForecasts view={query.data} />;
}

/** /forecasts/:sessionId: a student's forecast questions of one class, past the lesson. */
export function StudentForecastsPage({ sessionId }: { readonly sessionId: string }) {
  return (
    <LiveAnnouncer>
      <ForecastStyles />
      <StudentForecastsContent sessionId={sessionId} />
    </LiveAnnouncer>
  );
}
