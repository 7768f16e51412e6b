import { describeUnsafeText } from '../live/unsafe-text';

/** The longest team name, in characters. */
export const FORECAST_TEAM_NAME_MAX = 60;

/** A team as the teacher sends it: a name and its members' participant ids. */
export interface ForecastTeamDraft {
  readonly name: string;
  readonly participantIds: readonly string[];
}

/** What is wrong with a set of teams, at the field at fault (`teams.2.name`). */
export interface ForecastTeamsProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Checks the teams a teacher sets for a session: each has a one-line name (trimmed, 1 to
 * FORECAST_TEAM_NAME_MAX characters, no unsafe text) unlike every other team's (ignoring case)
 * and members who are participants of the session (`participantIds`), and nobody is in two teams.
 * A team may be empty. Null when they are fine; otherwise the first problem found.
 */
export function checkForecastTeams(
  teams: readonly ForecastTeamDraft[],
  participantIds: ReadonlySet<string>,
): ForecastTeamsProblem | null {
  const names = new Set<string>();
  const teamOf = new Map<string, number>();
  for (const [index, team] of teams.entries()) {
    const name = team.name.trim();
    const field = `teams.${index}.name`;
    if (name === '') return { field, message: 'give the team a name' };
    if (/[\r\n\u2028\u2029]/.test(name)) return { field, message: 'must be one line' };
    if (name.length > FORECAST_TEAM_NAME_MAX) {
      return { field, message: `must be at most ${FORECAST_TEAM_NAME_MAX} characters` };
    }
    const unsafe = describeUnsafeText(name);
    if (unsafe !== null) return { field, message: unsafe };
    if (names.has(name.toLowerCase())) {
      return { field, message: `another team is already called "${name}"` };
    }
    names.add(name.toLowerCase());
    for (const participantId of team.participantIds) {
      const members = `teams.${index}.participantIds`;
      if (!participantIds.has(participantId)) {
        return { field: members, message: `${participantId} is not a student of this session` };
      }
      const other = teamOf.get(participantId);
      if (other !== undefined) {
        const where = other === index ? 'twice in this team' : `also in team ${other + 1}`;
        return {
          field: members,
          message: `${participantId} is ${where}: a student is in one team`,
        };
      }
      teamOf.set(participantId, index);
    }
  }
  return null;
}
