import { soleimaniLesson } from '../../domain/lessons/soleimani-lesson';
import { HomePage } from '../features/self-study/components/home-page';
import { ReviewPage } from '../features/self-study/components/review-page';
import { SectionPage } from '../features/self-study/components/section-page';
import { Link, usePathname } from '../shared/lib/router';

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
  const match = /^\/study\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A malformed address is a page that does not exist, not a crash.
    return null;
  }
}

function Route({ pathname }: { readonly pathname: string }) {
  if (pathname === '/') return <HomePage lesson={lesson} />;
  if (pathname === '/review') return <ReviewPage lesson={lesson} />;
  const sectionId = readSectionId(pathname);
  if (sectionId !== null) return <SectionPage lesson={lesson} sectionId={sectionId} />;
  return <NotFoundPage />;
}

export function App() {
  const pathname = usePathname();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Article Discussion
        </Link>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Route pathname={pathname} />
      </main>
      <footer className="site-footer">
        <p>Your answers are saved on this device only. No account, no tracking.</p>
      </footer>
    </>
  );
}
