import { lazy, Suspense } from 'react';
import { soleimaniLesson } from '../../domain/lessons/soleimani-lesson';
import { HomePage } from '../features/self-study/components/home-page';
import { ReviewPage } from '../features/self-study/components/review-page';
import { SectionPage } from '../features/self-study/components/section-page';
import { Link, usePathname } from '../shared/lib/router';
import { readPathParam } from './route-params';

// Teacher and live-class pages are separate chunks: a student's self-study never loads them.
const TeacherRoutes = lazy(async () => ({
  default: (await import('./teacher-routes')).TeacherRoutes,
}));
const LiveRoutes = lazy(async () => ({ default: (await import('./live-routes')).LiveRoutes }));

/** The lesson the app opens with; later issues let a teacher choose among several. */
const lesson = soleimaniLesson;

function NotFoundPage() {
  return (
    <>
      <title>Page not found</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the lesson</Link>.
      </p>
    </>
  );
}

function readSectionId(pathname: string): string | null {
  return readPathParam(pathname, /^\/study\/([^/]+)\/?$/);
}

const isTeacherPath = (pathname: string) =>
  pathname === '/teach' ||
  pathname === '/teach/' ||
  /^\/teach\/(?:forgot|reset)-password\/?$/.test(pathname) ||
  /^\/teach\/sessions\/[^/]+(?:\/(?:report|projector))?\/?$/.test(pathname);
/** The classroom screen: the page alone, without the site's header and footer. */
const isProjectorPath = (pathname: string) =>
  /^\/teach\/sessions\/[^/]+\/projector\/?$/.test(pathname);
const isLivePath = (pathname: string) =>
  pathname === '/join' || pathname === '/join/' || /^\/live\/[^/]+\/?$/.test(pathname);

function LoadingPage() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

function Route({ pathname }: { readonly pathname: string }) {
  if (pathname === '/') return <HomePage lesson={lesson} />;
  if (pathname === '/review') return <ReviewPage lesson={lesson} />;
  const sectionId = readSectionId(pathname);
  if (sectionId !== null) return <SectionPage lesson={lesson} sectionId={sectionId} />;
  if (isTeacherPath(pathname)) {
    return (
      <Suspense fallback={<LoadingPage />}>
        <TeacherRoutes pathname={pathname} />
      </Suspense>
    );
  }
  if (isLivePath(pathname)) {
    return (
      <Suspense fallback={<LoadingPage />}>
        <LiveRoutes pathname={pathname} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}

export function App() {
  const pathname = usePathname();
  if (isProjectorPath(pathname)) {
    return (
      <main id="main" className="page page-projector" tabIndex={-1}>
        <Route pathname={pathname} />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Article Discussion
        </Link>
        <nav aria-label="Main" className="site-nav">
          <Link to="/join">Join a class</Link>
          <Link to="/teach">For teachers</Link>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Route pathname={pathname} />
      </main>
      <footer className="site-footer">
        <p>
          {isTeacherPath(pathname) || isLivePath(pathname)
            ? 'In a class, your answers are sent to your teacher’s session. No tracking.'
            : 'Your answers are saved on this device only. No account, no tracking.'}
        </p>
      </footer>
    </>
  );
}
