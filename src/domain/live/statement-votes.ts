import type { Vote } from '../discussion/vote-matrix';

/** How a class voted on one statement. */
interface VoteTally {
  readonly agree: number;
  readonly disagree: number;
  readonly pass: number;
}

export const NO_VOTES: VoteTally = { agree: 0, disagree: 0, pass: 0 };

/** Every statement's tally, in one pass over the votes: a large class has a hundred thousand. */
export function tallyVotes(votes: readonly Vote[]): Map<string, VoteTally> {
  const tallies = new Map<string, { agree: number; disagree: number; pass: number }>();
  for (const vote of votes) {
    const tally = tallies.get(vote.statementId) ?? { ...NO_VOTES };
    if (vote.vote === 1) tally.agree += 1;
    else if (vote.vote === -1) tally.disagree += 1;
    else tally.pass += 1;
    tallies.set(vote.statementId, tally);
  }
  return tallies;
}

/** A statement as the choice of the next one to vote on reads it. */
interface VotableStatement {
  readonly id: string;
  /** How many students voted on it. */
  readonly votes: number;
  readonly createdAt: string;
}

/**
 * The statement a student votes on next, among those they have not voted on. The one on their
 * screen (`offered`) stays until they vote on it: classmates' votes would otherwise swap it
 * under the reader, and their vote land on one they never read. Otherwise least voted first,
 * so every statement gets votes; among equals the newest.
 */
export function nextStatementToVoteOn<S extends VotableStatement>(
  unvoted: readonly S[],
  offered?: string,
): S | undefined {
  return (
    unvoted.find((s) => s.id === offered) ??
    [...unvoted].sort(
      (a, b) =>
        a.votes - b.votes || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
    )[0]
  );
}
