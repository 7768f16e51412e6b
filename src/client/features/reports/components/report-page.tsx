import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '#shared/components/confirm-button';
import { PageUnavailable } from '#shared/components/page-unavailable';
import { SessionLessonGate } from '#shared/components/session-lesson-gate';
import { PrintButton } from '#shared/components/print-button';
import { useTeacherSessionLesson } from '#shared/hooks/use-session-lesson';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { useNoticeStore } from '#shared/stores/notice-store';
import {
  deleteSession,
  forgetSession,
  sessionCsvPath,
  teacherReportQuery,
} from '../api/reports-api';
import {
  ForecastsSection,
  ResponsesSection,
  SectionsSection,
  SpeakingTurnsSection,
  StudentsSection,
  WritingSection,
  type SessionSectionProps,
} from './report-sections';
import { LtiGradesSection } from './lti-grades-section';
import { StudentTranscriptPicker } from './student-answers';

function DeleteSessionButton({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const deletion = useMutation({
    mutationFn: () => deleteSession(sessionId),
    onSuccess: () => {
      forgetSession(queryClient, sessionId);
      showNotice('The session and all its answers were deleted.');
      navigate(routes.teach.build());
    },
  });
  return (
    <>
      <ConfirmButton
        isPending={deletion.isPending}
        error={deletion.error}
        title="Delete this session?"
        message="Every student’s answers, the results and the summaries of this session are deleted for good. Download the answers first if you want to keep them."
        confirmLabel="Delete for good"
        onConfirm={() => {
          deletion.mutate();
        }}
      >
        Delete this session
      </ConfirmButton>
    </>
  );
}

function Report({ sessionId, report, lesson }: SessionSectionProps) {
  return (
    <>
      <title>{`Report: ${report.lessonTitle}`}</title>
      <p className="breadcrumbs no-print">
        <Link to={routes.teach.build()}>Your sessions</Link> ·{' '}
        <Link to={routes.teacherSession.build({ sessionId })}>Back to the monitor</Link>
      </p>
      <h1>Report: {report.lessonTitle}</h1>
      <p className="lead">Lesson version {report.lessonVersion}</p>
      <div className="button-row no-print">
        <a className="button" href={sessionCsvPath(sessionId)} download>
          Download answers (CSV)
        </a>
        <PrintButton />
      </div>

      <StudentsSection report={report} />
      <SectionsSection report={report} lesson={lesson} />
      <ForecastsSection report={report} lesson={lesson} />
      <WritingSection sessionId={sessionId} report={report} lesson={lesson} />
      <LtiGradesSection sessionId={sessionId} />
      <SpeakingTurnsSection sessionId={sessionId} report={report} />
      <ResponsesSection report={report} lesson={lesson} />
      <StudentTranscriptPicker sessionId={sessionId} report={report} lesson={lesson} />

      <section aria-labelledby="delete-heading" className="report-section no-print">
        <h2 id="delete-heading">Delete</h2>
        <p>Deleting the session removes every answer in it, for good.</p>
        <DeleteSessionButton sessionId={sessionId} />
      </section>
    </>
  );
}

/** /teach/sessions/:id/report: the session's figures and answers, to print or download. */
export function ReportPage({ sessionId }: { readonly sessionId: string }) {
  const query = useQuery(teacherReportQuery(sessionId));
  const lessonQuery = useTeacherSessionLesson(sessionId);
  if (query.isPending) return <p role="status">Loading the report…</p>;
  const report = query.data;
  if (!report) {
    return (
      <PageUnavailable
        title="Report unavailable"
        error={query.error}
        signInMessage="Sign in to see this report."
      />
    );
  }
  return (
    <SessionLessonGate query={lessonQuery}>
      {({ lesson }) => <Report sessionId={sessionId} report={report} lesson={lesson} />}
    </SessionLessonGate>
  );
}
