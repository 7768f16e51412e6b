import type {
  ConsensusStatement,
  DivisiveStatement,
  GroupShare,
  RepresentativeStatement,
} from './opinion-map-schema';
import { percentOf, roundTo } from './rounding';
import type { VoteMatrix } from './vote-matrix';

/** Per group and statement (index group × statements + statement): the raw votes, not imputed. */
export interface GroupTallies {
  readonly groupCount: number;
  readonly statementCount: number;
  readonly agree: Int32Array;
  readonly disagree: Int32Array;
  /** Votes cast, passes included. */
  readonly votes: Int32Array;
}

export function tallyVotes(
  matrix: VoteMatrix,
  assignments: Int32Array,
  groupCount: number,
): GroupTallies {
  const statementCount = matrix.statementIds.length;
  const agree = new Int32Array(groupCount * statementCount);
  const disagree = new Int32Array(groupCount * statementCount);
  const votes = new Int32Array(groupCount * statementCount);
  assignments.forEach((group, row) => {
    for (let s = 0; s < statementCount; s++) {
      const cell = row * statementCount + s;
      if (matrix.voted[cell] === 0) continue;
      const at = group * statementCount + s;
      votes[at]!++;
      if (matrix.values[cell] === 1) agree[at]!++;
      else if (matrix.values[cell] === -1) disagree[at]!++;
    }
  });
  return { groupCount, statementCount, agree, disagree, votes };
}

function groupShare(tallies: GroupTallies, group: number, statement: number): GroupShare {
  const at = group * tallies.statementCount + statement;
  const votes = tallies.votes[at]!;
  return {
    agreePercent: percentOf(tallies.agree[at]!, votes),
    disagreePercent: percentOf(tallies.disagree[at]!, votes),
    votes,
  };
}

function sharesByGroup(
  tallies: GroupTallies,
  labels: readonly string[],
  statement: number,
): Record<string, GroupShare> {
  return Object.fromEntries(labels.map((label, g) => [label, groupShare(tallies, g, statement)]));
}

function sum(counts: Int32Array, tallies: GroupTallies, statement: number): number {
  let total = 0;
  for (let g = 0; g < tallies.groupCount; g++)
    total += counts[g * tallies.statementCount + statement]!;
  return total;
}

/**
 * The statements group `group` votes `direction` on more than the rest of the map, Pol.is
 * style: with the group's count c of such votes among its n, and the rest's c' among n',
 * p = (c + 1) / (n + 2) and p' = (c' + 1) / (n' + 2) (smoothed, so one vote is not 100 %),
 * a statement qualifies when more than half the group's votes go that way and p / p' > 1,
 * and ranks by (p / p') × p: how distinctive times how widely held. The product is chosen over
 * a z-test because a class's groups are small, where a test's threshold mostly says "too few".
 * Ties go to the earlier statement. A lone group has no rest to differ from: none.
 */
export function representativeStatements(
  tallies: GroupTallies,
  statementIds: readonly string[],
  group: number,
  direction: 'agree' | 'disagree',
  limit: number,
): RepresentativeStatement[] {
  if (tallies.groupCount < 2) return [];
  const counts = direction === 'agree' ? tallies.agree : tallies.disagree;
  const ranked: { statement: RepresentativeStatement; rank: number }[] = [];
  for (let s = 0; s < tallies.statementCount; s++) {
    const at = group * tallies.statementCount + s;
    const inside = counts[at]!;
    const insideVotes = tallies.votes[at]!;
    if (2 * inside <= insideVotes) continue;
    const rest = sum(counts, tallies, s) - inside;
    const restVotes = sum(tallies.votes, tallies, s) - insideVotes;
    const pInside = (inside + 1) / (insideVotes + 2);
    const ratio = pInside / ((rest + 1) / (restVotes + 2));
    if (ratio <= 1) continue;
    ranked.push({
      statement: {
        statementId: statementIds[s]!,
        direction,
        percent: percentOf(inside, insideVotes),
        restPercent: percentOf(rest, restVotes),
        ratio: roundTo(ratio, 2),
      },
      rank: ratio * pInside,
    });
  }
  return ranked
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map(({ statement }) => statement);
}

/**
 * Statements ranked by how much every group agrees: the product over groups of
 * (agree + 1) / (votes + 2), Pol.is's consensus score (one reluctant group sinks it). A
 * statement is flagged as consensus when every group voted on it and more than half of each
 * group's votes (passes included) agree. Ties go to the earlier statement.
 */
export function consensusStatements(
  tallies: GroupTallies,
  statementIds: readonly string[],
  labels: readonly string[],
  limit: number,
): ConsensusStatement[] {
  const scored: ConsensusStatement[] = [];
  for (let s = 0; s < tallies.statementCount; s++) {
    let score = 1;
    let isConsensus = true;
    for (let g = 0; g < tallies.groupCount; g++) {
      const at = g * tallies.statementCount + s;
      const agree = tallies.agree[at]!;
      const votes = tallies.votes[at]!;
      score *= (agree + 1) / (votes + 2);
      if (2 * agree <= votes || votes === 0) isConsensus = false;
    }
    scored.push({
      statementId: statementIds[s]!,
      score,
      isConsensus,
      byGroup: sharesByGroup(tallies, labels, s),
    });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((statement) => ({ ...statement, score: roundTo(statement.score, 3) }));
}

/**
 * Statements ranked by how far apart the groups are on them: each group's net agreement is
 * (agree − disagree) / votes, from −1 to 1, and divisiveness is half the spread between the
 * most and the least agreeing group, from 0 (all groups alike) to 1 (one group all agree,
 * another all disagree). Net agreement, not the agree share alone, so that a group that
 * passes is halfway between one that agrees and one that disagrees. Only groups that voted on
 * the statement count, and it needs two; statements where the groups do not differ at all
 * are left out. Ties go to the earlier statement.
 */
export function divisiveStatements(
  tallies: GroupTallies,
  statementIds: readonly string[],
  labels: readonly string[],
  limit: number,
): DivisiveStatement[] {
  const scored: DivisiveStatement[] = [];
  for (let s = 0; s < tallies.statementCount; s++) {
    let highest = -Infinity;
    let lowest = Infinity;
    let groupsVoting = 0;
    for (let g = 0; g < tallies.groupCount; g++) {
      const at = g * tallies.statementCount + s;
      const votes = tallies.votes[at]!;
      if (votes === 0) continue;
      const net = (tallies.agree[at]! - tallies.disagree[at]!) / votes;
      highest = Math.max(highest, net);
      lowest = Math.min(lowest, net);
      groupsVoting++;
    }
    if (groupsVoting < 2 || highest === lowest) continue;
    scored.push({
      statementId: statementIds[s]!,
      divisiveness: (highest - lowest) / 2,
      byGroup: sharesByGroup(tallies, labels, s),
    });
  }
  return scored
    .sort((a, b) => b.divisiveness - a.divisiveness)
    .slice(0, limit)
    .map((statement) => ({ ...statement, divisiveness: roundTo(statement.divisiveness, 2) }));
}
