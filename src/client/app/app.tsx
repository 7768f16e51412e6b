import { lazy, Suspense, type ReactElement } from 'react';
import { soleimaniLessonData } from '../../domain/lessons/soleimani-lesson-data';
import { HomePage } from '../features/self-study/components/home-page';
import { ReviewPage } from '../features/self-study/components/review-page';
import { SectionPage } from '../features/self-study/components/section-page';
import { Link, usePathname } from '../shared/lib/router';
import { matchRoute, routes, type RouteMatch } from '../shared/lib/routes';
import { isDocumentRoute, isLiveRoute, isTeacherRoute } from './route-areas';

// Teacher and live-class pages are separate chunks: a student's self-study never loads them.
const TeacherRoutes = lazy(async () => ({
  default: (await import('./teacher-routes')).TeacherRoutes,
}));
const LiveRoutes = lazy(async () => ({ default: (await import('./live-routes')).LiveRoutes }));
const DocumentRoutes = lazy(async () => ({
  default: (await import('./document-routes')).DocumentRoutes,
}));

/** The lesson the app opens with; later issues let a teacher choose among several. */
const lesson = soleimaniLessonData;

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
      return <HomePage lesson={lesson} />;
    case 'review':
      return <ReviewPage lesson={lesson} />;
    case 'section':
      return <SectionPage lesson={lesson} sectionId={route.params.sectionId} />;
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
