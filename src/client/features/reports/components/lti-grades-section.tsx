import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LtiGradeRow } from '#domain/api/lti-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { ltiGradesKey, ltiGradesQuery, retryLtiGrades } from '../api/lti-grades-api';
import { formatDateTime } from '../lib/report-text';

/** How sending a grade goes, in the teacher's words. */
function describeStatus(row: LtiGradeRow): string {
  switch (row.status) {
    case 'not-finished':
      return 'Not sent: not finished yet';
    case 'pending':
      return 'Sending';
    case 'sent':
      return row.sentAt ? `Sent ${formatDateTime(row.sentAt)}` : 'Sent';
    case 'failing':
      return `Failing (attempt ${row.attempts}), tried again${row.nextAttemptAt ? ` at ${formatDateTime(row.nextAttemptAt)}` : ' soon'}: ${row.lastError ?? ''}`;
    case 'failed':
      return `Failed after ${row.attempts} attempts: ${row.lastError ?? ''}`;
    case 'cancelled':
      return 'Not sent: removed from the session';
  }
}

/**
 * The grades sent back to the LMS the session was opened from (LTI), as the LMS received them:
 * each student's grade, its comment, and how sending it goes, with a retry for those that failed.
 * Nothing shows for a session no LMS link opens.
 */
export function LtiGradesSection({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(ltiGradesQuery(sessionId));
  const retry = useMutation({
    mutationFn: (participantId: string | null) => retryLtiGrades(sessionId, participantId),
    onSuccess: (view) => {
      queryClient.setQueryData(ltiGradesKey(sessionId), view);
    },
  });
  const view = query.data;
  if (!view?.link) return null;
  const canRetry = (row: LtiGradeRow) => row.status === 'failed' || row.status === 'failing';
  return (
    <section aria-labelledby="lti-grades-heading" className="report-section">
      <h2 id="lti-grades-heading">Grades sent to the LMS</h2>
      {view.link.hasGradeService ? (
        <p>
          A grade out of 100 goes to the LMS when a student finishes, and again when it changes: the
          mean of completion, forecast skill and released writing marks, with a comment naming each.
        </p>
      ) : (
        <p>The LMS did not offer its grade service to this activity: no grade is sent.</p>
      )}
      {view.link.serviceProblem ? (
        <p className="error" role="alert">
          {view.link.serviceProblem}
        </p>
      ) : null}
      <ApiErrorAlert error={retry.error ?? query.error} />
      {view.students.length === 0 ? (
        <p>No student has come in from the LMS yet.</p>
      ) : (
        <TableScrollBox
          caption="Each student's grade and whether the LMS has it"
          isCaptionHidden
          columns={['Student', 'Grade', 'Sending', 'Comment', 'Retry']}
        >
          <tbody>
            {view.students.map((row) => (
              <tr key={row.participantId}>
                <th scope="row">{row.label}</th>
                <td>{row.grade === null ? '–' : `${row.grade} / 100`}</td>
                <td>{describeStatus(row)}</td>
                <td>{row.comment}</td>
                <td>
                  {canRetry(row) ? (
                    <button
                      type="button"
                      className="button button-quiet button-small no-print"
                      disabled={retry.isPending}
                      // The visible words start the name (WCAG 2.5.3, Label in Name).
                      aria-label={`Send again: ${row.label}’s grade`}
                      onClick={() => {
                        retry.mutate(row.participantId);
                      }}
                    >
                      Send again
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableScrollBox>
      )}
    </section>
  );
}
