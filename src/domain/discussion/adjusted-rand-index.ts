function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

/**
 * How well two groupings of the same items agree, corrected for chance (Hubert & Arabie):
 * 1 when they are the same partition whatever the group names, about 0 for unrelated ones,
 * negative when worse than chance. Two trivial partitions that agree (all in one group, or all
 * apart) count as 1.
 */
export function adjustedRandIndex(first: readonly number[], second: readonly number[]): number {
  if (first.length !== second.length) {
    throw new RangeError(`groupings differ in length: ${first.length} and ${second.length}`);
  }
  const together = new Map<string, number>();
  const firstSizes = new Map<number, number>();
  const secondSizes = new Map<number, number>();
  first.forEach((a, i) => {
    const b = second[i]!;
    together.set(`${a}:${b}`, (together.get(`${a}:${b}`) ?? 0) + 1);
    firstSizes.set(a, (firstSizes.get(a) ?? 0) + 1);
    secondSizes.set(b, (secondSizes.get(b) ?? 0) + 1);
  });
  let index = 0;
  for (const count of together.values()) index += pairs(count);
  let firstPairs = 0;
  for (const count of firstSizes.values()) firstPairs += pairs(count);
  let secondPairs = 0;
  for (const count of secondSizes.values()) secondPairs += pairs(count);
  const expected = (firstPairs * secondPairs) / pairs(first.length);
  const maximum = (firstPairs + secondPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
