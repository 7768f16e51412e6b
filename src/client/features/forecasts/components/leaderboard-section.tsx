import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { StudentForecastsView } from '#domain/api/forecast-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { queryKeys } from '#shared/lib/query-keys';
import { setLeaderboardOptIn } from '../api/student-forecasts-api';
import { formatScore } from '../lib/question-text';

/** The student's team and its score, when the teacher has put them in one. */
export function TeamSection({ team }: { readonly team: StudentForecastsView['team'] }) {
  const headingId = useId();
  if (team === null) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Your team: {team.name}</h2>
      <p>With {team.memberLabels.join(', ')}. The team’s forecast is its members’ median.</p>
      <p>
        Team time-weighted Brier score: <strong>{formatScore(team.score.timeWeightedBrier)}</strong>
        ; log score: <strong>{formatScore(team.score.logScore)}</strong>.
      </p>
    </section>
  );
}

/**
 * The class's leaderboard, when the teacher turned it on: nobody is on it who did not opt in,
 * and by a pseudonym unless the teacher chose names (said beside the choice).
 */
export function LeaderboardSection({
  sessionId,
  leaderboard,
}: {
  readonly sessionId: string;
  readonly leaderboard: StudentForecastsView['leaderboard'];
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  // The box follows the click at once (the mutation's state arrives a tick later, and a
  // controlled box would spring back meanwhile); a refusal puts it back to what is saved.
  const [choice, setChoice] = useState<boolean | null>(null);
  const optIn = useMutation({
    mutationFn: (isIn: boolean) => setLeaderboardOptIn(sessionId, isIn),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.studentForecasts(sessionId) }),
    onError: () => {
      setChoice(null);
    },
  });
  if (leaderboard.mode === 'off') return null;
  const shown = choice ?? leaderboard.isOptedIn;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Leaderboard</h2>
      <div className="form-field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={shown}
            disabled={optIn.isPending}
            onChange={(event) => {
              setChoice(event.target.checked);
              optIn.mutate(event.target.checked);
            }}
          />{' '}
          Show me on the class leaderboard
        </label>
        <p className="hint">
          {leaderboard.mode === 'names'
            ? 'Your teacher chose to show names: classmates would see your name and score.'
            : 'You appear under a pseudonym, never your name.'}{' '}
          Ranked by mean time-weighted Brier score over resolved questions (lower is better).
        </p>
        <ApiErrorAlert error={optIn.error} />
      </div>
      {leaderboard.entries.length === 0 ? (
        <p>Nobody on the leaderboard yet: it fills as students opt in and questions resolve.</p>
      ) : (
        <TableScrollBox
          caption="Leaderboard"
          isCaptionHidden
          columns={['Rank', 'Forecaster', 'Time-weighted Brier', 'Resolved questions']}
        >
          <tbody>
            {leaderboard.entries.map((entry) => (
              <tr key={`${entry.rank}-${entry.name}`}>
                <td>{entry.rank}</td>
                <th scope="row">
                  {entry.name}
                  {entry.isMe ? ' (you)' : ''}
                </th>
                <td>{formatScore(entry.timeWeightedBrier)}</td>
                <td>{entry.resolvedQuestionCount}</td>
              </tr>
            ))}
          </tbody>
        </TableScrollBox>
      )}
    </section>
  );
}
