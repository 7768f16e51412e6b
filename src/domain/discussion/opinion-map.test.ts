import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand-index';
import { computeOpinionMap, type OpinionMapInput } from './opinion-map';
import { opinionMapSchema, type ReadyOpinionMap } from './opinion-map-schema';
import { plantedCampVotes, type PlantedCamps } from './planted-camps';
import type { Vote } from './vote-matrix';

function readyMap(input: OpinionMapInput): ReadyOpinionMap {
  const map = computeOpinionMap(input);
  if (map.status !== 'ready') throw new Error(`expected a map, got ${JSON.stringify(map)}`);
  return map;
}

/** How far the map's groups agree with the planted camps. */
function campRecovery(camps: PlantedCamps, map: ReadyOpinionMap): number {
  const labels = [...new Set(map.points.map((point) => point.groupLabel))];
  const groupOf = new Map(map.points.map((point) => [point.participantId, point.groupLabel]));
  const found = camps.participants.map((id) => labels.indexOf(groupOf.get(id) ?? ''));
  return adjustedRandIndex(camps.campOf, found);
}

/** The label most of a camp's members carry. */
function campLabels(camps: PlantedCamps, map: ReadyOpinionMap): string[] {
  const groupOf = new Map(map.points.map((point) => [point.participantId, point.groupLabel]));
  const campCount = Math.max(...camps.campOf) + 1;
  return Array.from({ length: campCount }, (_, camp) => {
    const tally = new Map<string, number>();
    camps.participants.forEach((id, p) => {
      const label = groupOf.get(id);
      if (camps.campOf[p] === camp && label !== undefined) {
        tally.set(label, (tally.get(label) ?? 0) + 1);
      }
    });
    return [...tally].sort((a, b) => b[1] - a[1])[0]![0];
  });
}

/** Flips the first `count` votes between agree and disagree (a pass becomes agree). */
function changeVotes(votes: readonly Vote[], count: number): Vote[] {
  return votes.map((vote, index) =>
    index < count ? { ...vote, vote: vote.vote === 1 ? -1 : 1 } : vote,
  );
}

const SEEDS = [1, 2, 3, 4, 5];
const twoCamps = (seed: number) =>
  plantedCampVotes({
    campSizes: [24, 18],
    statementCount: 16,
    flipRate: 0.1,
    missingRate: 0.15,
    seed,
  });
const threeCamps = (seed: number) =>
  plantedCampVotes({
    campSizes: [16, 14, 12],
    statementCount: 18,
    flipRate: 0.1,
    missingRate: 0.15,
    seed,
  });

describe('computeOpinionMap: planted camps', () => {
  // Measured: ARI 1 for every seed with two camps; 1, 1, 1, 0.92, 1 with three.
  it.each(SEEDS)('finds two camps despite flipped and missing votes (seed %i)', (seed) => {
    const camps = twoCamps(seed);
    const map = readyMap(camps);
    expect(map.groups).toHaveLength(2);
    expect(campRecovery(camps, map)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(SEEDS)('finds three camps despite flipped and missing votes (seed %i)', (seed) => {
    const camps = threeCamps(seed);
    const map = readyMap(camps);
    expect(map.groups).toHaveLength(3);
    expect(campRecovery(camps, map)).toBeGreaterThanOrEqual(0.9);
  });

  it('gives a map the schema accepts, on one scale from −1 to 1', () => {
    const map = readyMap(threeCamps(1));
    expect(opinionMapSchema.parse(map)).toEqual(map);
    const extent = Math.max(
      ...map.points.flatMap((point) => [Math.abs(point.x), Math.abs(point.y)]),
    );
    expect(extent).toBe(1);
    expect(map.counts).toEqual({
      participants: 42,
      statements: 18,
      votes: threeCamps(1).votes.length,
    });
  });

  it('lists what each group thinks more than the others, and what divides them', () => {
    const map = readyMap(twoCamps(1));
    for (const group of map.groups) {
      expect(group.size).toBe(group.memberIds.length);
      expect(group.agreesMore.length + group.disagreesMore.length).toBeGreaterThan(0);
      for (const statement of [...group.agreesMore, ...group.disagreesMore]) {
        expect(statement.percent).toBeGreaterThan(50);
        expect(statement.percent).toBeGreaterThan(statement.restPercent);
      }
    }
    // Camps that disagree on a statement: the most divisive one splits them nearly fully.
    expect(map.divisive[0]!.divisiveness).toBeGreaterThan(0.6);
    expect(map.points.map((point) => point.groupLabel)).toEqual(
      map.points.map(
        (point) =>
          map.groups.find((group) => group.memberIds.includes(point.participantId!))!.label,
      ),
    );
  });

  it('is deterministic: the same votes give the same map', () => {
    const camps = threeCamps(2);
    expect(JSON.stringify(computeOpinionMap(camps))).toBe(JSON.stringify(computeOpinionMap(camps)));
    expect(JSON.stringify(computeOpinionMap({ ...camps, seed: 42 }))).toBe(
      JSON.stringify(computeOpinionMap({ ...camps, seed: 42 })),
    );
  });
});

describe('computeOpinionMap: group labels', () => {
  it('keeps each camp its label when a few votes change', () => {
    const camps = threeCamps(3);
    const before = readyMap(camps);
    const after = readyMap({
      ...camps,
      votes: changeVotes(camps.votes, 3),
      previousGroups: before.groups,
    });
    expect(campLabels(camps, after)).toEqual(campLabels(camps, before));
  });

  it('keeps labels that were not handed out in A, B order', () => {
    const camps = twoCamps(4);
    const before = readyMap(camps);
    const swapped = before.groups.map((group) => ({
      label: group.label === 'A' ? 'B' : 'A',
      memberIds: group.memberIds,
    }));
    const after = readyMap({
      ...camps,
      votes: changeVotes(camps.votes, 2),
      previousGroups: swapped,
    });
    const [firstCamp, secondCamp] = campLabels(camps, before);
    expect(campLabels(camps, after)).toEqual([
      firstCamp === 'A' ? 'B' : 'A',
      secondCamp === 'A' ? 'B' : 'A',
    ]);
    expect(after.groups.map((group) => group.label)).toEqual(['A', 'B']);
  });

  it('gives a camp that was not there before a label no previous group had', () => {
    const camps = threeCamps(1);
    const previousGroups = [{ label: 'C', memberIds: camps.participants.slice(0, 3) }];
    const labels = readyMap({ ...camps, previousGroups }).groups.map((group) => group.label);
    expect(labels).toHaveLength(3);
    expect(labels.filter((label) => label !== 'C')).toEqual(['A', 'B']);
  });
});

describe('computeOpinionMap: small and plain classes', () => {
  const statements = ['s1', 's2', 's3', 's4'];
  const votesOf = (participantId: string, count: number): Vote[] =>
    statements.slice(0, count).map((statementId) => ({ participantId, statementId, vote: 1 }));

  it('says how many more students must vote, and on how many statements', () => {
    const map = computeOpinionMap({
      participants: ['p1', 'p2', 'p3', 'p4'],
      statements,
      votes: [...votesOf('p1', 3), ...votesOf('p2', 4), ...votesOf('p3', 2)],
    });
    expect(map).toEqual({
      status: 'too-few-votes',
      needed: { participants: 2, votesEach: 3, statements: 0 },
      counts: { participants: 2, statements: 4, votes: 7 },
    });
  });

  it('asks for every statement when there are fewer than three, and for a second one', () => {
    expect(
      computeOpinionMap({ participants: ['p1'], statements: ['s1'], votes: votesOf('p1', 1) }),
    ).toMatchObject({ needed: { participants: 4, votesEach: 2, statements: 1 } });
    const twoStatements = computeOpinionMap({
      participants: ['p1', 'p2', 'p3', 'p4'],
      statements: ['s1', 's2'],
      votes: ['p1', 'p2', 'p3', 'p4'].flatMap((id) => votesOf(id, 2)),
    });
    expect(twoStatements.status).toBe('ready');
  });

  it('leaves out votes on unknown statements, and counts a changed vote once', () => {
    const votes: Vote[] = [
      ...votesOf('p1', 2),
      { participantId: 'p1', statementId: 'elsewhere', vote: 1 },
      { participantId: 'p1', statementId: 's1', vote: -1 },
    ];
    const map = computeOpinionMap({ participants: ['p1'], statements, votes });
    expect(map.counts).toEqual({ participants: 0, statements: 0, votes: 0 });
  });

  it('shows a class that voted as one as one group, agreeing on everything', () => {
    const participants = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const map = readyMap({
      participants,
      statements,
      votes: participants.flatMap((id) => votesOf(id, 4)),
    });
    expect(map.groups).toEqual([
      { label: 'A', memberIds: participants, size: 5, agreesMore: [], disagreesMore: [] },
    ]);
    expect(map.points.every((point) => point.x === 0 && point.y === 0)).toBe(true);
    expect(map.consensus.map((statement) => statement.isConsensus)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(map.divisive).toEqual([]);
  });
});
