import { lazy, Suspense, useLayoutEffect, type ReactElement } from 'react';
import { SelfStudyLesson } from '../features/self-study/components/self-study-lesson';
import { Link, redirect, usePathname } from '#shared/lib/router';
import { matchRoute, routes, type RouteMatch } from '#shared/lib/routes';
import { isDocumentRoute, isLiveRoute, isTeacherRoute } from './route-areas';
import { WaysIn } from './ways-in';

// Teacher and live-class pages are separate chunks: a student's self-study never loads them.
const TeacherRoutes = lazy(async () => ({
  default: (await import('./teacher-routes')).TeacherRoutes,
}));
const LiveRoutes = lazy(async () => ({ default: (await import('./live-routes')).LiveRoutes }));
const DocumentRoutes = lazy(async () => ({
  default: (await import('./document-routes')).DocumentRoutes,
}));

/**
 * The built-in lesson the app opens with, by its share key (a built-in lesson's is its id):
 * loaded as data like any shared lesson, never compiled into the app.
 */
export const BUILT_IN_SHARE_KEY = 'soleimani-2020';

function NotFoundPage() {
  return (
    <>
      <title>Page not found</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={routes.home.build()}>Go to the lesson</Link>.
      </p>
    </>
  );
}

/** An old address: the page moves to its current one, as if it had always been there. */
function Redirect({ to }: { readonly to: string }) {
  useLayoutEffect(() => {
    redirect(to);
  }, [to]);
  return null;
}

function LoadingPage() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

function Page({ route }: { readonly route: RouteMatch | null }): ReactElement {
  if (route === null) return <NotFoundPage />;
  if (isTeacherRoute(route)) {
    return (
      <Suspense fallback={<LoadingPage />}>
        <TeacherRoutes route={route} />
      </Suspense>
    );
  }
  if (isLiveRoute(route)) {
    return (
      <Suspense fallback={<LoadingPage />}>
        <LiveRoutes route={route} />
      </Suspense>
    );
  }
  if (isDocumentRoute(route)) {
    return (
      <Suspense fallback={<LoadingPage />}>
        <DocumentRoutes route={route} />
      </Suspense>
    );
  }
  switch (route.name) {
    case 'home':
      // The front door: what the app offers, shown at once, before the lesson has arrived.
      return (
        <>
          <WaysIn />
          <SelfStudyLesson shareKey={BUILT_IN_SHARE_KEY} view={{ page: 'home' }} />
        </>
      );
    case 'lessonHome':
      return <SelfStudyLesson shareKey={route.params.shareKey} view={{ page: 'home' }} />;
    case 'lessonSection': {
      const { shareKey, sectionId } = route.params;
      return <SelfStudyLesson shareKey={shareKey} view={{ page: 'section', sectionId }} />;
    }
    case 'lessonReview':
      return <SelfStudyLesson shareKey={route.params.shareKey} view={{ page: 'review' }} />;
    case 'builtInSection': {
      const { sectionId } = route.params;
      return (
        <Redirect to={routes.lessonSection.build({ shareKey: BUILT_IN_SHARE_KEY, sectionId })} />
      );
    }
    case 'builtInReview':
      return <Redirect to={routes.lessonReview.build({ shareKey: BUILT_IN_SHARE_KEY })} />;
  }
}

export function App() {
  const route = matchRoute(usePathname());
  // The classroom screen: the page alone, without the site's header and footer.
  if (route?.name === 'teacherProjector') {
    return (
      <main id="main" className="page page-projector" tabIndex={-1}>
        <Page route={route} />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to={routes.home.build()} className="brand">
          Article Discussion
        </Link>
        <nav aria-label="Main" className="site-nav">
          <Link to={routes.join.build()}>Join a class</Link>
          <Link to={routes.teach.build()}>For teachers</Link>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="site-footer">
        <p>
          {isTeacherRoute(route) || isLiveRoute(route)
            ? 'In a class, your answers are sent to your teacher’s session. No tracking.'
            : 'Your answers are saved on this device only. No account, no tracking.'}
        </p>
        <nav aria-label="About this app" className="footer-nav">
          <Link to={routes.privacy.build()}>Privacy</Link>
          <Link to={routes.accessibility.build()}>Accessibility</Link>
          <Link to={routes.dataInventory.build()}>Data inventory</Link>
        </nav>
      </footer>
    </>
  );
}
