/**
 * Lesson format version 1 → 2. Released: never edit it (files in the wild were written to it).
 * It keeps its own copies of the numbers it uses, so a later change elsewhere cannot change it.
 *
 * Version 2 drops `metadata.estimatedMinutes` (time is computed from the lesson) and gives each
 * section `minutes: { core, extension }`. The v1 lesson's `estimatedMinutes.classroom` is shared
 * among its sections in proportion to each one's weight, its words / 200 + its number of items,
 * each section getting at least 1 minute (and at most 240), with the minutes summing to the v1
 * total where those bounds allow (largest remainder). `extension` is 0: v1 had no extension
 * items. Without a valid v1 total the sections get no minutes, and the validation that follows
 * the migration says so.
 */

type Json = Record<string, unknown>;

const WORDS_PER_MINUTE = 200;
const MIN_MINUTES = 1;
const MAX_MINUTES = 240;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** A section's weight in 200ths of a minute (words + 200 per item): an integer, so exact. */
function sectionWeight(section: Json): number {
  const { paragraphs, items } = section;
  let words = 0;
  if (Array.isArray(paragraphs)) {
    for (const paragraph of paragraphs) {
      if (isObject(paragraph) && typeof paragraph.text === 'string') {
        words += countWords(paragraph.text);
      }
    }
  }
  const itemCount = Array.isArray(items) ? items.length : 0;
  return words + itemCount * WORDS_PER_MINUTE;
}

/**
 * Shares `total` whole minutes among sections in proportion to their weights, each share between
 * `min` and `max`, summing to `total` whenever `min * n <= total <= max * n` (else every share is
 * at the bound crossed).
 *
 * The exact shares are clamp(λ × weight, min, max) for the one λ at which they sum to `total`;
 * rounded down, the minutes left go to the largest remainders, the earlier section first on a tie.
 */
export function shareMinutes(
  total: number,
  weights: readonly number[],
  min = MIN_MINUTES,
  max = MAX_MINUTES,
): number[] {
  const n = weights.length;
  if (total <= min * n) return weights.map(() => min);
  if (total >= max * n) return weights.map(() => max);
  const valid = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  // No weight at all (every section empty): share equally.
  const used = valid.some((w) => w > 0) ? valid : weights.map(() => 1);

  // λ where a section reaches a bound; the shares' sum grows with λ and bends only there.
  const bends = [...new Set(used.flatMap((w) => (w > 0 ? [min / w, max / w] : [])))].sort(
    (a, b) => a - b,
  );
  const sumAt = (lambda: number) =>
    used.reduce((sum, w) => sum + Math.min(max, Math.max(min, lambda * w)), 0);
  const upper = bends.find((lambda) => sumAt(lambda) >= total);
  // Sections of no weight stay at `min`: the others may not reach the total even at `max`.
  if (upper === undefined) return used.map((w) => (w > 0 ? max : min));
  const lower = bends.filter((lambda) => lambda < upper).at(-1) ?? 0;
  // Between two neighbouring bends each section is pinned to a bound or free, the same throughout.
  const middle = (lower + upper) / 2;
  const shares: (number | null)[] = used.map((w) =>
    middle * w <= min ? min : middle * w >= max ? max : null,
  );
  const free = used.flatMap((_, i) => (shares[i] === null ? [i] : []));
  const left = total - shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  const freeWeight = free.reduce((sum, i) => sum + (used[i] ?? 0), 0);
  // A free section's exact share is left × weight / freeWeight: integers, compared exactly.
  const numerator = (i: number) => left * (used[i] ?? 0);
  let spare = left - free.reduce((sum, i) => sum + Math.floor(numerator(i) / freeWeight), 0);
  const byRemainder = [...free].sort(
    (a, b) => (numerator(b) % freeWeight) - (numerator(a) % freeWeight) || a - b,
  );
  for (const i of byRemainder) {
    shares[i] = Math.floor(numerator(i) / freeWeight) + (spare > 0 ? 1 : 0);
    spare -= 1;
  }
  return shares.map((share) => share ?? min);
}

/** The v1 classroom minutes, when they are what v1 required: a whole number above 0. */
function classroomTotal(metadata: unknown): number | null {
  if (!isObject(metadata) || !isObject(metadata.estimatedMinutes)) return null;
  const { classroom } = metadata.estimatedMinutes;
  return typeof classroom === 'number' && Number.isInteger(classroom) && classroom > 0
    ? classroom
    : null;
}

export function migrateLessonV1ToV2(lesson: Readonly<Json>): Json {
  const { metadata, sections } = lesson;
  const total = classroomTotal(metadata);
  const migrated: Json = { ...lesson };

  if (isObject(metadata)) {
    const { estimatedMinutes: _dropped, ...rest } = metadata;
    migrated.metadata = rest;
  }
  if (Array.isArray(sections) && total !== null) {
    // Shared among the sections that are groups of fields; the validation reports any other.
    const weights = sections.filter(isObject).map(sectionWeight);
    const shares = shareMinutes(total, weights);
    let next = 0;
    migrated.sections = sections.map((section: unknown) => {
      if (!isObject(section)) return section;
      const core = shares[next] ?? MIN_MINUTES;
      next += 1;
      return { ...section, minutes: { core, extension: 0 } };
    });
  }
  return migrated;
}
