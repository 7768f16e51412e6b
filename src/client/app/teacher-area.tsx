import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactElement } from 'react';
import type { Teacher } from '#domain/api/live-contracts';
import '../features/lesson-library/lesson-library.css';
import { TeachPage } from './teach-page';
import { draftsOnThisDevice } from '../features/lesson-library/stores/local-drafts-store';
import { TeacherBar } from '../features/account/components/teacher-bar';
import { AdministrationLink } from '../features/administration/components/administration-link';
import '#shared/styles/teacher.css';
import { queryKeys } from '#shared/lib/query-keys';
import { QueryProvider } from './query-provider';
import type { TeacherRoute } from './route-areas';

// /teach (sign in, or the teacher's sessions) comes with the area; each other page is loaded when
// it is opened, so a first visit to /teach downloads only what it shows.
const ForgotPasswordPage = lazy(async () => ({
  default: (await import('../features/account/components/password-reset-pages')).ForgotPasswordPage,
}));
const ResetPasswordPage = lazy(async () => ({
  default: (await import('../features/account/components/password-reset-pages')).ResetPasswordPage,
}));
const ConfirmSignUpPage = lazy(async () => ({
  default: (await import('../features/account/components/confirm-sign-up-page')).ConfirmSignUpPage,
}));
const AcceptInvitationPage = lazy(async () => ({
  default: (await import('../features/account/components/accept-invitation-page'))
    .AcceptInvitationPage,
}));
const AdministrationPage = lazy(async () => ({
  default: (await import('../features/administration/components/administration-page'))
    .AdministrationPage,
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
  default: (await import('../features/session-monitor/components/session-control-page'))
    .SessionControlPage,
}));
const ReportPage = lazy(async () => ({
  default: (await import('../features/reports/components/report-page')).ReportPage,
}));
const TeacherForecastsPage = lazy(async () => ({
  default: (await import('../features/forecasts/components/teacher-forecasts-page'))
    .TeacherForecastsPage,
}));
const ProjectorPage = lazy(async () => ({
  default: (await import('../features/session-monitor/components/projector-page')).ProjectorPage,
}));

/** The query parameter of /teach naming an LMS's deep-linking request (server: lti-deep-linking.routes.ts). */
const LTI_REQUEST_PARAMETER = 'lti-request';
const LessonPickerPage = lazy(async () => ({
  default: (await import('../features/lti-deep-linking/components/lesson-picker-page'))
    .LessonPickerPage,
}));

function TeacherPage({ route }: { readonly route: TeacherRoute }): ReactElement {
  switch (route.name) {
    case 'teach': {
      // LTI deep linking's picker is /teach?lti-request=<id>, not a path of its own: the route
      // table is part of every student's first download, which must not grow (README, Budgets).
      const ltiRequest = new URLSearchParams(window.location.search).get(LTI_REQUEST_PARAMETER);
      return ltiRequest ? (
        <LessonPickerPage key={ltiRequest} requestId={ltiRequest} />
      ) : (
        <TeachPage onAccountDeleted={draftsOnThisDevice.forget} />
      );
    }
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage />;
    case 'confirmSignUp':
      return <ConfirmSignUpPage />;
    case 'acceptInvitation':
      return <AcceptInvitationPage />;
    case 'administration':
      return <AdministrationPage />;
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
    case 'teacherForecasts': {
      const { sessionId } = route.params;
      return <TeacherForecastsPage key={sessionId} scope={{ kind: 'session', sessionId }} />;
    }
    case 'classForecasts': {
      const { classId } = route.params;
      return <TeacherForecastsPage key={classId} scope={{ kind: 'class', classId }} />;
    }
  }
}

/** Who the light /teach page found signed in, so the pages do not ask again. */
function KnownTeacher({ teacher }: { readonly teacher: Teacher | null | undefined }) {
  const queryClient = useQueryClient();
  useState(() => {
    if (teacher !== undefined && queryClient.getQueryData(queryKeys.teacherMe()) === undefined) {
      queryClient.setQueryData(queryKeys.teacherMe(), teacher);
    }
  });
  return null;
}

/**
 * The teacher's pages, with TanStack Query and the API's schemas: loaded by TeacherRoutes once
 * a teacher is signed in or opens any page but /teach.
 */
export function TeacherArea({
  route,
  knownTeacher,
}: {
  readonly route: TeacherRoute;
  readonly knownTeacher?: Teacher | null;
}) {
  return (
    <QueryProvider>
      <KnownTeacher teacher={knownTeacher} />
      <TeacherBar
        isCompact={route.name === 'teacherProjector'}
        workOnThisDevice={draftsOnThisDevice}
        links={<AdministrationLink />}
      />
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
