import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ltiRosterKey, ltiRosterQuery, refreshLtiRoster } from '../api/lti-roster-api';

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * For a session opened from an LMS that shares its class list (LTI NRPS): the course's learners
 * who have not started, when the list was read, and a way to read it again. Nothing otherwise.
 */
export function LtiCourseRoster({
  sessionId,
  joinedCount,
}: {
  readonly sessionId: string;
  readonly joinedCount: number;
}) {
  const queryClient = useQueryClient();
  const query = useQuery(ltiRosterQuery(sessionId, joinedCount));
  const refresh = useMutation({
    mutationFn: () => refreshLtiRoster(sessionId),
    onSuccess: (view) => {
      queryClient.setQueryData(ltiRosterQuery(sessionId, joinedCount).queryKey, view);
      void queryClient.invalidateQueries({ queryKey: ltiRosterKey(sessionId) });
    },
  });
  const service = query.data?.service;
  if (!query.data || !service) return <ApiErrorAlert error={query.error} />;
  const { notStarted, startedCount } = query.data;
  return (
    <section className="panel" aria-labelledby="lti-roster-heading">
      <h2 id="lti-roster-heading">Not started yet, from the LMS course ({notStarted.length})</h2>
      <p className="hint" role="status">
        {service.fetchedAt
          ? `Class list read ${formatTime(service.fetchedAt)}: ${startedCount} of ${startedCount + notStarted.length} learners have started.`
          : 'The class list has not been read yet.'}
      </p>
      {service.error ? (
        <p className="error" role="alert">
          The class list could not be read: {service.error}
        </p>
      ) : null}
      <ApiErrorAlert error={refresh.error} />
      {notStarted.length > 0 ? (
        <ul aria-label="Learners who have not started">
          {notStarted.map((learner, index) => (
            <li key={`${learner.name}-${String(index)}`}>{learner.name}</li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={refresh.isPending}
        onClick={() => {
          refresh.mutate();
        }}
      >
        {refresh.isPending ? 'Reading the class list…' : 'Read the class list again'}
      </button>
    </section>
  );
}
