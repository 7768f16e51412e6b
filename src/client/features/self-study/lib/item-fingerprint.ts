import type {
  StudentItem as Item,
  StudentLesson as Lesson,
} from '#domain/lesson/answer-key-schemas';

/**
 * A short fingerprint of what an item asks, kept with each answer: when a new version of the
 * lesson arrives, an answer whose item's fingerprint is unchanged is kept, and one whose question
 * changed (or went) is dropped, since it answered a question the lesson no longer asks. A hint,
 * an explanation, an outcome or a rubric corrected in the new version keeps the answers.
 */

/** JSON with every object's keys sorted, so the same content always reads the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * cyrb53, a fast 53-bit string hash (public domain, bryc): not cryptographic, which it need not
 * be: it tells versions of one item apart, it does not keep a secret.
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** What an item asks: the part a student's answer responds to. */
function askedOf(item: Item): unknown {
  switch (item.kind) {
    case 'prompt':
      return [item.kind, item.id, item.question];
    case 'poll':
      return [item.kind, item.id, item.question, item.mode, item.options];
    case 'scale':
      return [item.kind, item.id, item.statement];
    case 'forecast':
      return [
        item.kind,
        item.id,
        item.question,
        item.asOf,
        item.horizon,
        item.scenarios.map((scenario) => [scenario.id, scenario.statement]),
      ];
    case 'claimCheck':
      return [item.kind, item.id, item.instructions, item.claims.map((c) => [c.id, c.quote])];
    case 'writing':
      return [item.kind, item.id, item.task];
    case 'statements':
      return [item.kind, item.id, item.question];
  }
}

/** The item's fingerprint: about ten letters and digits. */
export function itemFingerprint(item: Item): string {
  return hash53(stableJson(askedOf(item))).toString(36);
}

/**
 * The fingerprint of the whole item, as work saved before 2026-11-27 kept it: such work is
 * still the item's when the item is unchanged.
 */
export function wholeItemFingerprint(item: Item): string {
  return hash53(stableJson(item)).toString(36);
}

const byLesson = new WeakMap<Lesson, ReadonlyMap<string, string>>();

/** Every item's fingerprint by item id, worked out once per lesson object. */
export function lessonFingerprints(lesson: Lesson): ReadonlyMap<string, string> {
  let fingerprints = byLesson.get(lesson);
  if (!fingerprints) {
    fingerprints = new Map(
      lesson.sections.flatMap((section) =>
        section.items.map((item) => [item.id, itemFingerprint(item)] as const),
      ),
    );
    byLesson.set(lesson, fingerprints);
  }
  return fingerprints;
}
