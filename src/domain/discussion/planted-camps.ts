import { mulberry32, randomIndex, type RandomSource } from './seeded-random';
import type { Vote, VoteValue } from './vote-matrix';

export interface PlantedCampsOptions {
  /** Participants per camp. */
  readonly campSizes: readonly number[];
  readonly statementCount: number;
  /** The chance that a vote differs from the camp's view (to one of the two other votes). */
  readonly flipRate: number;
  /** The chance that a participant did not vote on a statement. */
  readonly missingRate: number;
  readonly seed: number;
}

export interface PlantedCamps {
  readonly participants: string[];
  readonly statements: string[];
  readonly votes: Vote[];
  /** Each participant's camp, in the order of `participants`. */
  readonly campOf: number[];
}

const VOTE_VALUES: readonly VoteValue[] = [1, -1, 0];

/**
 * Camps must differ on at least this share of statements: drawn at random, two camps of a few
 * statements can come out nearly alike, and then no method could tell them apart.
 */
const MIN_VIEW_DIFFERENCE = 0.4;

function drawViews(camps: number, statements: number, random: RandomSource): VoteValue[][] {
  return Array.from({ length: camps }, () =>
    Array.from({ length: statements }, () => (random() < 0.5 ? 1 : -1)),
  );
}

function campsDiffer(views: readonly VoteValue[][], atLeast: number): boolean {
  return views.every((view, a) =>
    views
      .slice(a + 1)
      .every((other) => view.filter((vote, s) => vote !== other[s]).length >= atLeast),
  );
}

/**
 * Votes of a class made of camps: each camp agrees or disagrees with each statement, and its
 * members vote that way but for noise and missing votes. For the tests and the benchmark:
 * the camps are the groups a map should find. Participants are interleaved across camps so
 * that no ordering gives the camps away.
 */
export function plantedCampVotes(options: PlantedCampsOptions): PlantedCamps {
  const random = mulberry32(options.seed);
  const statements = Array.from({ length: options.statementCount }, (_, s) => `s${s + 1}`);
  let views = drawViews(options.campSizes.length, statements.length, random);
  while (!campsDiffer(views, statements.length * MIN_VIEW_DIFFERENCE)) {
    views = drawViews(options.campSizes.length, statements.length, random);
  }
  const campOf: number[] = [];
  const remaining = [...options.campSizes];
  while (remaining.some((left) => left > 0)) {
    remaining.forEach((left, camp) => {
      if (left === 0) return;
      campOf.push(camp);
      remaining[camp] = left - 1;
    });
  }
  const participants = campOf.map((_, p) => `p${p + 1}`);
  const votes: Vote[] = [];
  participants.forEach((participantId, p) => {
    const view = views[campOf[p]!]!;
    statements.forEach((statementId, s) => {
      if (random() < options.missingRate) return;
      let vote = view[s]!;
      if (random() < options.flipRate) {
        const others = VOTE_VALUES.filter((value) => value !== vote);
        vote = others[randomIndex(random, others.length)]!;
      }
      votes.push({ participantId, statementId, vote });
    });
  });
  return { participants, statements, votes, campOf };
}
