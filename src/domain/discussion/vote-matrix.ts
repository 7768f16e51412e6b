/** Agree = 1, disagree = -1, pass = 0. */
export type VoteValue = 1 | -1 | 0;

export interface Vote {
  readonly participantId: string;
  readonly statementId: string;
  readonly vote: VoteValue;
}

/** A participant needs this many votes (passes count) to be placed on the map. */
export const MIN_VOTES_PER_PARTICIPANT = 3;
/** Fewer placed participants than this, and there is no map yet. Pol.is waits for 7. */
export const MIN_PARTICIPANTS_FOR_MAP = 4;
/** A map needs at least two statements with votes: one statement is a poll, not a map. */
export const MIN_STATEMENTS_FOR_MAP = 2;

/**
 * The votes of the participants on the map (rows) on the statements they voted on (columns),
 * both in the order the caller listed them. `values` holds 0 where `voted` is 0.
 */
export interface VoteMatrix {
  readonly participantIds: readonly string[];
  readonly statementIds: readonly string[];
  readonly values: Float64Array;
  readonly voted: Uint8Array;
  readonly votesPerParticipant: Int32Array;
  readonly voteCount: number;
}

export interface VoteMatrixInput {
  readonly participants: readonly string[];
  readonly statements: readonly string[];
  readonly votes: readonly Vote[];
}

/**
 * The votes each participant must cast to be placed: three, or both statements of a
 * two-statement discussion, so that it can still be mapped (and a lone statement's votes
 * place nobody).
 */
export function votesNeededPerParticipant(statementCount: number): number {
  return Math.min(MIN_VOTES_PER_PARTICIPANT, Math.max(statementCount, MIN_STATEMENTS_FOR_MAP));
}

function indexById(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const id of ids) if (!index.has(id)) index.set(id, index.size);
  return index;
}

/**
 * Builds the matrix of the participants who voted enough. A later vote by the same
 * participant on the same statement replaces the earlier one (a changed mind); votes naming a
 * participant or statement that is not listed are left out.
 */
export function buildVoteMatrix(input: VoteMatrixInput): VoteMatrix {
  const participantIndex = indexById(input.participants);
  const statementIndex = indexById(input.statements);
  const allParticipants = [...participantIndex.keys()];
  const allStatements = [...statementIndex.keys()];
  const width = allStatements.length;
  const cast = new Int8Array(allParticipants.length * width);
  const castAny = new Uint8Array(allParticipants.length * width);
  for (const { participantId, statementId, vote } of input.votes) {
    const row = participantIndex.get(participantId);
    const column = statementIndex.get(statementId);
    if (row === undefined || column === undefined) continue;
    cast[row * width + column] = vote;
    castAny[row * width + column] = 1;
  }

  const needed = votesNeededPerParticipant(width);
  const rows: number[] = [];
  for (let row = 0; row < allParticipants.length; row++) {
    let count = 0;
    for (let column = 0; column < width; column++) count += castAny[row * width + column]!;
    if (count >= needed) rows.push(row);
  }
  const columns: number[] = [];
  for (let column = 0; column < width; column++) {
    if (rows.some((row) => castAny[row * width + column] === 1)) columns.push(column);
  }

  const values = new Float64Array(rows.length * columns.length);
  const voted = new Uint8Array(rows.length * columns.length);
  const votesPerParticipant = new Int32Array(rows.length);
  let voteCount = 0;
  rows.forEach((row, i) => {
    columns.forEach((column, j) => {
      if (castAny[row * width + column] === 0) return;
      values[i * columns.length + j] = cast[row * width + column]!;
      voted[i * columns.length + j] = 1;
      votesPerParticipant[i]!++;
      voteCount++;
    });
  });
  return {
    participantIds: rows.map((row) => allParticipants[row]!),
    statementIds: columns.map((column) => allStatements[column]!),
    values,
    voted,
    votesPerParticipant,
    voteCount,
  };
}
