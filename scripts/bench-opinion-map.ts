/**
 * Times the opinion map for a large class: 1,000 participants × 200 statements with 60 % of
 * the votes cast, as four camps with noisy votes, and as votes with no camps at all (where
 * the power iteration converges slowest). Prints the median of 5 runs of each.
 *
 *   npx tsx scripts/bench-opinion-map.ts
 */
import { adjustedRandIndex } from '#domain/discussion/adjusted-rand-index';
import { computeOpinionMap } from '#domain/discussion/opinion-map';
import { plantedCampVotes, type PlantedCamps } from '#domain/discussion/planted-camps';

const RUNS = 5;
const PARTICIPANTS = 1000;
const STATEMENTS = 200;
const MISSING_RATE = 0.4;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function bench(name: string, data: PlantedCamps): void {
  const times: number[] = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const map = computeOpinionMap(data);
    times.push(performance.now() - start);
    if (map.status !== 'ready') throw new Error(`no map: ${JSON.stringify(map.needed)}`);
    const groupOf = new Map(map.points.map((point) => [point.participantId, point.groupLabel]));
    const labels = map.groups.map((group) => group.label);
    const found = data.participants.map((id) => labels.indexOf(groupOf.get(id) ?? ''));
    summary =
      `${map.groups.length} groups (${map.groups.map((group) => group.size).join(', ')}), ` +
      `ARI against the camps ${adjustedRandIndex(data.campOf, found).toFixed(3)}, ` +
      `${(JSON.stringify(map).length / 1024).toFixed(0)} KiB as JSON`;
  }
  const runs = times.map((time) => time.toFixed(0)).join(', ');
  console.log(`${name}: median ${median(times).toFixed(0)} ms (runs: ${runs}); ${summary}`);
}

const votes = (campSizes: readonly number[], flipRate: number) =>
  plantedCampVotes({
    campSizes,
    statementCount: STATEMENTS,
    flipRate,
    missingRate: MISSING_RATE,
    seed: 1,
  });

console.log(
  `${PARTICIPANTS} participants × ${STATEMENTS} statements, ${(1 - MISSING_RATE) * 100} % voted`,
);
bench('four camps, 15 % of votes flipped', votes([350, 300, 200, 150], 0.15));
// Every vote flipped with probability 2/3 to one of the other two: uniformly random votes.
bench('no camps (random votes)', votes([PARTICIPANTS], 2 / 3));
