import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TeacherForecastsView } from '#domain/api/forecast-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useAnnounce } from '#shared/components/live-announcer';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { refreshForecasts, setForecastTeams } from '../api/teacher-forecasts-api';
import { formatScore } from '../lib/question-text';

type Session = TeacherForecastsView['sessions'][number];
type Team = TeacherForecastsView['teams'][number];

interface TeamDraft {
  readonly name: string;
}

/**
 * A session's teams: the teacher names groups and puts each student in one (or none); a team's
 * forecast is its members' median, scored like a student's. Saving replaces all the session's
 * teams at once.
 */
export function TeamsEditor({
  session,
  teams,
}: {
  readonly session: Session;
  readonly teams: readonly Team[];
}) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [drafts, setDrafts] = useState<readonly TeamDraft[]>(() =>
    teams.map((team) => ({ name: team.name })),
  );
  // Each student's team, by its index in `drafts`; -1 for none.
  const [membership, setMembership] = useState<Readonly<Record<string, number>>>(() =>
    Object.fromEntries(
      teams.flatMap((team, index) => team.members.map((m) => [m.participantId, index] as const)),
    ),
  );
  const save = useMutation({
    mutationFn: () =>
      setForecastTeams(session.id, {
        teams: drafts.map((draft, index) => ({
          name: draft.name,
          participantIds: Object.entries(membership)
            .filter(([, team]) => team === index)
            .map(([participantId]) => participantId),
        })),
      }),
    onSuccess: () => {
      announce('Teams saved.');
      refreshForecasts(queryClient, session.id);
    },
  });
  const removeTeam = (removed: number) => {
    setDrafts((current) => current.filter((_, index) => index !== removed));
    setMembership((current) =>
      Object.fromEntries(
        Object.entries(current).map(([id, team]) => [
          id,
          team === removed ? -1 : team > removed ? team - 1 : team,
        ]),
      ),
    );
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Teams</h3>
      {teams.length > 0 ? (
        <TableScrollBox
          caption="Teams and their scores"
          columns={['Team', 'Members', 'Brier', 'Log']}
        >
          <tbody>
            {teams.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td>{team.members.map((m) => m.label).join(', ') || '–'}</td>
                <td>{formatScore(team.score.timeWeightedBrier)}</td>
                <td>{formatScore(team.score.logScore)}</td>
              </tr>
            ))}
          </tbody>
        </TableScrollBox>
      ) : (
        <p>No teams yet. A team’s forecast is its members’ median, scored like a student’s.</p>
      )}
      <details>
        <summary>Edit teams</summary>
        {drafts.map((draft, index) => (
          <div className="inline-fields" key={index}>
            <div className="form-field">
              <label htmlFor={`${headingId}-team-${index}`}>Team {index + 1} name</label>
              <input
                id={`${headingId}-team-${index}`}
                className="text-input"
                value={draft.name}
                onChange={(event) => {
                  const name = event.target.value;
                  setDrafts((current) => current.map((d, i) => (i === index ? { name } : d)));
                }}
              />
            </div>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                removeTeam(index);
              }}
            >
              Remove team {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => {
            setDrafts((current) => [...current, { name: `Team ${current.length + 1}` }]);
          }}
        >
          Add a team
        </button>
        {drafts.length > 0 && session.participants.length > 0 ? (
          <ul className="plain-list team-members">
            {session.participants.map((participant) => (
              <li key={participant.participantId}>
                <label>
                  {participant.label}:{' '}
                  <select
                    className="text-input"
                    value={membership[participant.participantId] ?? -1}
                    onChange={(event) => {
                      const team = Number(event.target.value);
                      setMembership((current) => ({
                        ...current,
                        [participant.participantId]: team,
                      }));
                    }}
                  >
                    <option value={-1}>No team</option>
                    {drafts.map((draft, index) => (
                      <option key={index} value={index}>
                        {draft.name.trim() || `Team ${index + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={save.isPending}
          onClick={() => {
            save.mutate();
          }}
        >
          Save teams
        </button>
        <ApiErrorAlert error={save.error} />
      </details>
    </section>
  );
}
