import { lazy, Suspense } from 'react';
import { QueryProvider } from './query-provider';
import type { ForecastRoute } from './route-areas';

// Each page its own chunk: the way in is a form; the page itself brings the charts.
const ForecastsSignInPage = lazy(async () => ({
  default: (await import('../features/forecasts/components/forecasts-sign-in-page'))
    .ForecastsSignInPage,
}));
const StudentForecastsPage = lazy(async () => ({
  default: (await import('../features/forecasts/components/student-forecasts-page'))
    .StudentForecastsPage,
}));

/** A student's forecasts past the lesson, loaded only when a student comes back to them. */
export function ForecastRoutes({ route }: { readonly route: ForecastRoute }) {
  return (
    <QueryProvider>
      <Suspense
        fallback={
          <p role="status" className="loading">
            Loading your forecasts…
          </p>
        }
      >
        {route.name === 'forecastsSignIn' ? (
          <ForecastsSignInPage />
        ) : (
          <StudentForecastsPage key={route.params.sessionId} sessionId={route.params.sessionId} />
        )}
      </Suspense>
    </QueryProvider>
  );
}
