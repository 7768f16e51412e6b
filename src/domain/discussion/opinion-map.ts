import { findGroups } from './find-groups';
import { compareLabels, labelGroups, type PreviousGroup } from './group-labels';
import type { MapPoint, OpinionGroup, OpinionMap, TooFewVotes } from './opinion-map-schema';
import { centredVotes, principalAxes, projectParticipants } from './pca';
import { roundTo } from './rounding';
import { DEFAULT_SEED, mulberry32 } from './seeded-random';
import {
  consensusStatements,
  divisiveStatements,
  representativeStatements,
  tallyVotes,
} from './statement-stats';
import {
  buildVoteMatrix,
  MIN_PARTICIPANTS_FOR_MAP,
  MIN_STATEMENTS_FOR_MAP,
  votesNeededPerParticipant,
  type VoteMatrix,
  type VoteMatrixInput,
} from './vote-matrix';

/** Statements listed per group and direction, and as consensus or divisive. */
export const REPRESENTATIVE_PER_GROUP = 3;
export const LISTED_STATEMENTS = 5;

export interface OpinionMapInput extends VoteMatrixInput {
  /** The groups of the last computation, so that a group that carries on keeps its label. */
  readonly previousGroups?: readonly PreviousGroup[];
  /** Seeds k-means++ and the power iteration's start; the same seed, the same map. */
  readonly seed?: number;
}

/**
 * The map's axes are its first two principal components; x and y share one scale (the
 * largest distance from the centre along either is 1), so distances read the same both ways.
 */
const MAP_DIMENSIONS = 2;
const COORDINATE_DECIMALS = 3;

function tooFewVotes(input: OpinionMapInput, matrix: VoteMatrix): TooFewVotes | null {
  const statementCount = new Set(input.statements).size;
  const participants = matrix.participantIds.length;
  if (
    participants >= MIN_PARTICIPANTS_FOR_MAP &&
    matrix.statementIds.length >= MIN_STATEMENTS_FOR_MAP
  ) {
    return null;
  }
  return {
    status: 'too-few-votes',
    // With two statements or more, the placed participants' votes already cover two of them
    // (each votes on at least two), so statements only fall short when too few are written.
    needed: {
      participants: Math.max(0, MIN_PARTICIPANTS_FOR_MAP - participants),
      votesEach: votesNeededPerParticipant(statementCount),
      statements: Math.max(0, MIN_STATEMENTS_FOR_MAP - statementCount),
    },
    counts: { participants, statements: matrix.statementIds.length, votes: matrix.voteCount },
  };
}

function scaleToUnit(points: Float64Array): Float64Array {
  let largest = 0;
  for (const value of points) largest = Math.max(largest, Math.abs(value));
  return largest === 0 ? points : points.map((value) => value / largest);
}

/**
 * Renumbers groups so that group i has the i-th label in label order, which is the order of
 * the output's groups and of every per-group record.
 */
function orderByLabel(assignments: Int32Array, labels: readonly string[]) {
  const sorted = [...labels].sort(compareLabels);
  const renumbered = labels.map((label) => sorted.indexOf(label));
  return { assignments: assignments.map((group) => renumbered[group]!), labels: sorted };
}

/**
 * A Pol.is-style opinion map of a discussion's votes: where each participant stands (the
 * first two principal components of the vote matrix, missing votes imputed as the
 * statement's mean), the groups they fall into (k-means on the map, k chosen by silhouette),
 * what each group thinks more than the rest, what all groups agree on and what divides them.
 * Pure and deterministic: the same input and seed give the same map.
 */
export function computeOpinionMap(input: OpinionMapInput): OpinionMap {
  const matrix = buildVoteMatrix(input);
  const notYet = tooFewVotes(input, matrix);
  if (notYet !== null) return notYet;

  const random = mulberry32(input.seed ?? DEFAULT_SEED);
  const rows = matrix.participantIds.length;
  const columns = matrix.statementIds.length;
  const centred = centredVotes(matrix);
  const axes = principalAxes(centred, rows, columns, MAP_DIMENSIONS, random);
  const points = scaleToUnit(projectParticipants(matrix, centred, axes));

  // Groups are found on the 2-D map itself, not the full vote matrix: on planted camps
  // (15 statements, 10-15 % of votes flipped) the map recovered two and three camps as well
  // as the full matrix or 3-5 components did, or better, and a group is then always a region
  // of the map the class sees. The price: more than three camps need not fit in two
  // dimensions, and two of them can merge (the benchmark's four camps come out as three).
  const found = findGroups(points, MAP_DIMENSIONS, random);
  const members: string[][] = Array.from({ length: found.count }, () => []);
  found.assignments.forEach((group, row) => members[group]!.push(matrix.participantIds[row]!));
  const { assignments, labels } = orderByLabel(
    found.assignments,
    labelGroups(members, input.previousGroups),
  );

  const tallies = tallyVotes(matrix, assignments, labels.length);
  const groups: OpinionGroup[] = labels.map((label, g) => {
    const memberIds = matrix.participantIds.filter((_, row) => assignments[row] === g);
    return {
      label,
      memberIds,
      size: memberIds.length,
      agreesMore: representativeStatements(
        tallies,
        matrix.statementIds,
        g,
        'agree',
        REPRESENTATIVE_PER_GROUP,
      ),
      disagreesMore: representativeStatements(
        tallies,
        matrix.statementIds,
        g,
        'disagree',
        REPRESENTATIVE_PER_GROUP,
      ),
    };
  });
  const mapPoints: MapPoint[] = matrix.participantIds.map((participantId, row) => ({
    participantId,
    x: roundTo(points[row * MAP_DIMENSIONS]!, COORDINATE_DECIMALS),
    y: roundTo(points[row * MAP_DIMENSIONS + 1]!, COORDINATE_DECIMALS),
    groupLabel: labels[assignments[row]!]!,
  }));
  return {
    status: 'ready',
    groups,
    points: mapPoints,
    consensus: consensusStatements(tallies, matrix.statementIds, labels, LISTED_STATEMENTS),
    divisive: divisiveStatements(tallies, matrix.statementIds, labels, LISTED_STATEMENTS),
    counts: { participants: rows, statements: columns, votes: matrix.voteCount },
  };
}
