import type { ReactElement } from 'react';
import { EditorPage } from '../features/lesson-library/components/editor-page';
import { LibraryPage } from '../features/lesson-library/components/library-page';
import { NewLessonPage } from '../features/lesson-library/components/new-lesson-page';
import '../features/lesson-library/lesson-library.css';
import {
  ForgotPasswordPage,
  ResetPasswordPage,
} from '../features/teacher/components/password-reset-pages';
import { ProjectorPage } from '../features/teacher/components/projector-page';
import { ReportPage } from '../features/teacher/components/report-page';
import { SessionControlPage } from '../features/teacher/components/session-control-page';
import { TeachPage } from '../features/teacher/components/teach-page';
import { TeacherBar } from '../features/teacher/components/teacher-bar';
import '../features/teacher/teacher.css';
import { QueryProvider } from './query-provider';
import type { TeacherRoute } from './route-areas';

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
      <TeacherPage route={route} />
    </QueryProvider>
  );
}
