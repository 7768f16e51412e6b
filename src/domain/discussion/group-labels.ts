/** A group from the last computation, as the caller kept it. */
export interface PreviousGroup {
  readonly label: string | number;
  readonly memberIds: readonly string[];
}

/** The letters a group may be called: A to Z, then AA, AB, … as spreadsheet columns go. */
export function nthLabel(n: number): string {
  let label = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  }
  return label;
}

/** Orders labels as they were handed out: A … Z before AA. */
export function compareLabels(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** How many of each previous group a new group's members come from, per candidate. */
interface Candidate {
  readonly previous: number;
  readonly overlap: number;
}

/** Per new group, the previous groups it overlaps, most shared members first (few enough to try all). */
const CANDIDATES_PER_GROUP = 5;

function candidatesFor(
  members: readonly string[],
  previousOf: ReadonlyMap<string, number>,
): Candidate[] {
  const overlaps = new Map<number, number>();
  for (const id of members) {
    const previous = previousOf.get(id);
    if (previous !== undefined) overlaps.set(previous, (overlaps.get(previous) ?? 0) + 1);
  }
  return [...overlaps]
    .map(([previous, overlap]) => ({ previous, overlap }))
    .sort((a, b) => b.overlap - a.overlap || a.previous - b.previous)
    .slice(0, CANDIDATES_PER_GROUP);
}

/**
 * The pairing of new groups with previous ones that keeps the most participants in a group
 * of the same label, tried exhaustively: at most 5 groups with 5 candidates each (6⁵ leaves),
 * which, unlike greedy matching, lets a group keep its label when its closest rival took
 * only slightly more of it. The first best pairing found wins a tie, in a fixed order.
 */
function bestPairing(candidates: readonly Candidate[][]): (number | null)[] {
  let best: (number | null)[] = candidates.map(() => null);
  let bestKept = 0;
  const current: (number | null)[] = [];
  const taken = new Set<number>();
  const search = (group: number, kept: number): void => {
    if (group === candidates.length) {
      if (kept > bestKept) {
        bestKept = kept;
        best = [...current];
      }
      return;
    }
    for (const { previous, overlap } of candidates[group]!) {
      if (taken.has(previous)) continue;
      taken.add(previous);
      current.push(previous);
      search(group + 1, kept + overlap);
      current.pop();
      taken.delete(previous);
    }
    current.push(null);
    search(group + 1, kept);
    current.pop();
  };
  search(0, 0);
  return best;
}

/**
 * Labels for the new groups (given as member lists, in a fixed order): a group that carries on
 * a previous group keeps its label, so a group does not change its name when a few votes
 * change; any other group gets the first label that neither a previous group nor another new
 * group has.
 */
export function labelGroups(
  groups: readonly (readonly string[])[],
  previousGroups: readonly PreviousGroup[] = [],
): string[] {
  // Two previous groups under one label count as one, so no label is handed out twice.
  const previousLabels = [...new Set(previousGroups.map((group) => String(group.label)))];
  const previousOf = new Map<string, number>();
  for (const group of previousGroups) {
    const index = previousLabels.indexOf(String(group.label));
    for (const id of group.memberIds) if (!previousOf.has(id)) previousOf.set(id, index);
  }
  const pairing = bestPairing(groups.map((members) => candidatesFor(members, previousOf)));
  const used = new Set(previousLabels);
  let next = 0;
  return pairing.map((previous) => {
    if (previous !== null) return previousLabels[previous]!;
    while (used.has(nthLabel(next))) next++;
    const label = nthLabel(next);
    used.add(label);
    return label;
  });
}
