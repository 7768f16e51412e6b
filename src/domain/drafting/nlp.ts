import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

/**
 * compromise with its dates plugin, the one place the drafter touches them. compromise tags
 * words (tense, modals, numbers, people, places, organisations); the plugin reads dates
 * ("next month", "in March 2028") against a reference day given as an argument, never the clock.
 */
nlp.plugin(datesPlugin);

/**
 * Abbreviations compromise's own list lacks (it knows Dr., Gen., Lt., Sen., U.S. and the like),
 * each of which would otherwise end a sentence: titles, and ranks joined by a hyphen as some
 * papers write them ("Maj.-Gen. Qasem Soleimani"). Written as compromise keeps them: lower case,
 * without the last period.
 */
const RANKS = ['gen', 'maj', 'lt', 'col', 'brig', 'capt', 'cmdr', 'cdr', 'adm', 'sgt', 'cpl'];
const EXTRA_ABBREVIATIONS = [
  'pres',
  'insp',
  'amb',
  'msgr',
  'cdr',
  'sqn',
  'ldr',
  ...RANKS.flatMap((first) =>
    RANKS.filter((second) => second !== first).map((second) => `${first}.-${second}`),
  ),
];
nlp.plugin({
  model: { one: { abbreviations: Object.fromEntries(EXTRA_ABBREVIATIONS.map((a) => [a, true])) } },
});
// The plugin reads dates on every parse, which makes a parse take half as long again; the
// drafter needs dates only in the few sentences that predict, so it reads them there
// (`datesIn`) and every other parse skips them.
const hooks = nlp.hooks();
hooks.splice(hooks.indexOf('dates'), 1);

/** A parsed text: the article's paragraphs. */
export type Doc = ReturnType<typeof nlp>;

/** A term as compromise holds it. */
interface RawTerm {
  readonly text: string;
  readonly normal: string;
  readonly post: string;
  readonly tags?: ReadonlySet<string>;
}

/** A match pattern compromise has already parsed (parsing one costs more than matching it). */
export type CompiledMatch = ReturnType<typeof nlp.parseMatch>;

/** What the drafter uses of any part of a parsed text (a sentence, a match). */
export interface View {
  text(): string;
  json(): unknown;
  match(pattern: string | CompiledMatch): {
    found: boolean;
    text(): string;
    out(format: 'array'): string[];
  };
  /** The view's terms, sentence by sentence. */
  readonly docs: readonly (readonly RawTerm[])[];
}

/** One term: its text as written, its lower-case form, the punctuation after it, its tags. */
export interface TermJson {
  readonly text: string;
  readonly normal: string;
  readonly post: string;
  readonly tags: readonly string[];
}

interface DatesView {
  json(): { text: string; dates?: { start: string | null; end: string | null } }[];
}

export function compileMatch(pattern: string): CompiledMatch {
  return nlp.parseMatch(pattern);
}

export function parseText(text: string): Doc {
  return nlp(text);
}

/** The terms of a view, in order (read from compromise's own terms: `.json()` is 100× slower). */
export function termsOf(view: View): TermJson[] {
  return view.docs.flat().map(({ text, normal, post, tags }) => ({
    text,
    normal,
    post,
    tags: tags ? [...tags] : [],
  }));
}

/** The dates a text names, read against `today` (YYYY-MM-DD), as ISO day ranges. */
export function datesIn(view: View, today: string): { text: string; start: string; end: string }[] {
  // The plugin adds `dates()` to every view; compromise's own types do not know it.
  const withDates = view as unknown as {
    compute(name: 'dates'): void;
    dates(options: { today: string; timezone: string }): DatesView;
  };
  withDates.compute('dates');
  return withDates
    .dates({ today, timezone: 'UTC' })
    .json()
    .flatMap(({ text, dates }) =>
      dates?.start && dates.end
        ? [{ text, start: dates.start.slice(0, 10), end: dates.end.slice(0, 10) }]
        : [],
    );
}

/** The people, places and organisations a view names, as written (trailing punctuation off). */
export function namedEntities(
  view: Doc,
): { kind: 'person' | 'place' | 'organisation'; text: string }[] {
  const texts = (found: View) =>
    (found.json() as { text: string }[]).map(({ text }) =>
      text.trim().replace(/[\s.,;:!?'"’”)]+$/u, ''),
    );
  return [
    ...texts(view.people()).map((text) => ({ kind: 'person' as const, text })),
    ...texts(view.places()).map((text) => ({ kind: 'place' as const, text })),
    ...texts(view.organizations()).map((text) => ({ kind: 'organisation' as const, text })),
  ].filter(({ text }) => text.length > 1);
}
