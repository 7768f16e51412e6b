import { lazy, Suspense, type ReactElement } from 'react';
import '../features/lesson-library/lesson-library.css';
import { TeachPage } from '../features/teacher/components/teach-page';
import { TeacherBar } from '../features/teacher/components/teacher-bar';
import '../features/teacher/teacher.css';
import { QueryProvider } from './query-provider';
import type { TeacherRoute } from './route-areas';

// /teach (sign in, or the teacher's sessions) comes with the area; each other page is loaded when
// it is opened, so a first visit to /teach downloads only what it shows.
const ForgotPasswordPage = lazy(async () => ({
  default: (await import('../features/teacher/components/password-reset-pages')).ForgotPasswordPage,
}));
const ResetPasswordPage = lazy(async () => ({
  default: (await import('../features/teacher/components/password-reset-pages')).ResetPasswordPage,
}));
const LibraryPage = lazy(async () => ({
  default: (await import('../features/lesson-library/components/library-page')).LibraryPage,
}));
const NewLessonPage = lazy(async () => ({
  default: (await import('../features/lesson-library/components/new-lesson-page')).NewLessonPage,
}));
const EditorPage = lazy(async () => ({
  default: (await import('../features/lesson-library/components/editor-page')).EditorPage,
}));
const SessionControlPage = lazy(async () => ({
  default: (await import('../features/teacher/components/session-control-page')).SessionControlPage,
}));
const ReportPage = lazy(async () => ({
  default: (await import('../features/teacher/components/report-page')).ReportPage,
}));
const ProjectorPage = lazy(async () => ({
  default: (await import('../features/teacher/components/projector-page')).ProjectorPage,
}));

function TeacherPage({ route }: { readonly route: TeacherRoute }): ReactElement {
  switch (route.name) {
    case 'teach':
      return <TeachPage />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage />;
    case 'lessonLibrary':
      return <LibraryPage />;
    case 'newLesson':
      return <NewLessonPage />;
    case 'lessonEditor': {
      const { lessonId } = route.params;
      return <EditorPage key={lessonId} lessonId={lessonId} />;
    }
    case 'teacherSession': {
      const { sessionId } = route.params;
      return <SessionControlPage key={sessionId} sessionId={sessionId} />;
    }
    case 'teacherReport': {
      const { sessionId } = route.params;
      return <ReportPage key={sessionId} sessionId={sessionId} />;
    }
    case 'teacherProjector': {
      const { sessionId } = route.params;
      return <ProjectorPage key={sessionId} sessionId={sessionId} />;
    }
  }
}

/** The teacher's pages, loaded only when a teacher opens /teach. */
export function TeacherRoutes({ route }: { readonly route: TeacherRoute }) {
  return (
    <QueryProvider>
      <TeacherBar isCompact={route.name === 'teacherProjector'} />
      <Suspense
        fallback={
          <p role="status" className="loading">
            Loading…
          </p>
        }
      >
        <TeacherPage route={route} />
      </Suspense>
    </QueryProvider>
  );
}
