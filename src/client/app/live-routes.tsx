import { lazy, Suspense } from 'react';
import { JoinPage } from '../features/live-session/components/join-page';
import type { LiveRoute } from './route-areas';

// The class itself, with TanStack Query and the contract's schemas, is loaded once the student
// has joined: /join downloads only its form.
const LiveClass = lazy(async () => {
  const [{ LiveSessionPage }, { QueryProvider }] = await Promise.all([
    import('../features/live-session/components/live-session-page'),
    import('./query-provider'),
  ]);
  return {
    default: ({ sessionId }: { readonly sessionId: string }) => (
      <QueryProvider>
        <LiveSessionPage sessionId={sessionId} />
      </QueryProvider>
    ),
  };
});

// A student's forecasts past the lesson, each page its own chunk: the way back in is a form, the
// page brings the charts.
const ForecastsSignIn = lazy(async () => {
  const [{ ForecastsSignInPage }, { QueryProvider }] = await Promise.all([
    import('../features/forecasts/components/forecasts-sign-in-page'),
    import('./query-provider'),
  ]);
  return {
    default: () => (
      <QueryProvider>
        <ForecastsSignInPage />
      </QueryProvider>
    ),
  };
});
const StudentForecasts = lazy(async () => {
  const [{ StudentForecastsPage }, { QueryProvider }] = await Promise.all([
    import('../features/forecasts/components/student-forecasts-page'),
    import('./query-provider'),
  ]);
  return {
    default: ({ sessionId }: { readonly sessionId: string }) => (
      <QueryProvider>
        <StudentForecastsPage sessionId={sessionId} />
      </QueryProvider>
    ),
  };
});

function Loading({ text }: { readonly text: string }) {
  return (
    <p role="status" className="loading">
      {text}
    </p>
  );
}

/** The student's class pages, loaded only when a student joins a class or comes back to it. */
export function LiveRoutes({ route }: { readonly route: LiveRoute }) {
  switch (route.name) {
    case 'join':
      return <JoinPage />;
    case 'liveSession':
      return (
        <Suspense fallback={<Loading text="Loading the class…" />}>
          <LiveClass key={route.params.sessionId} sessionId={route.params.sessionId} />
        </Suspense>
      );
    case 'forecastsSignIn':
      return (
        <Suspense fallback={<Loading text="Loading…" />}>
          <ForecastsSignIn />
        </Suspense>
      );
    case 'studentForecasts':
      return (
        <Suspense fallback={<Loading text="Loading your forecasts…" />}>
          <StudentForecasts key={route.params.sessionId} sessionId={route.params.sessionId} />
        </Suspense>
      );
  }
}
