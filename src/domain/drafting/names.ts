import type { TermJson } from './nlp';

/**
 * The names an article uses, for its glossary: compromise's people, places and organisations,
 * and every run of capitalised words written inside a sentence (compromise does not know
 * "Qasem Soleimani" or "Khamenei"; a word the writer capitalises mid-sentence is a name). The
 * forms of one name are offered once, under its fullest form: "Soleimani" is a form of "Qasem
 * Soleimani", "Dr. Alvarez" of "Dr. Rebecca Alvarez", "US" of "United States" when the text
 * writes it out.
 */
export type NameKind = 'person' | 'place' | 'organisation';

export interface NameFound {
  /** As written in the text, trailing punctuation and possessive off. */
  readonly text: string;
  /** What compromise took it for, or null when it did not know the name. */
  readonly kind: NameKind | null;
}

export interface NameGroup {
  /** The fullest form, as written. */
  readonly term: string;
  /** Every form of it the text writes, the term first. */
  readonly forms: string[];
  readonly kind: NameKind | null;
  /** How often the text names it, by its most used form (a surname counts its full name too). */
  readonly count: number;
  /** The order it is first named in, for ties. */
  readonly order: number;
}

/** Job titles and honorifics that precede a name but are not part of it. */
const TITLE =
  /^(?:(?:US|U\.S\.|Former|former)\s+)?(?:President|Vice President|Prime Minister|Secretary|Minister|Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Judge|Justice|Chancellor|King|Queen|Pope|Mr\.|Mrs\.|Ms\.|Prof\.|Gen\.|Maj\.-Gen\.)\s+(?=\p{Lu})/u;

const MONTH =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u;

/** Small words that join the parts of a name ("Bureau of Reclamation"). */
const JOINERS = new Set(['of', 'and', 'the', 'for', 'de', 'la', 'van', 'von', 'bin', 'al']);

const NOT_A_NAME = ['Date', 'Month', 'WeekDay', 'Demonym', 'Pronoun', 'Honorific', 'Value'];

/** Job titles written after a body's name ("NOAA Administrator Jane Doe"): not part of a name. */
const TITLE_WORDS = new Set(
  'Administrator Director Chief Commissioner Chair Chairman Chairwoman Secretary Spokesperson Spokesman Spokeswoman President Minister'.split(
    ' ',
  ),
);

/** A term's word without the punctuation around it and its possessive ("Trump’s" -> "Trump"). */
const bare = (text: string) =>
  text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/(?:['’]s)?[^\p{L}\p{N}.]*$/u, '');

function isNameTerm(term: TermJson): boolean {
  const word = bare(term.text);
  return (
    /^\p{Lu}/u.test(word) &&
    !TITLE_WORDS.has(word) &&
    (term.tags.includes('ProperNoun') || term.tags.includes('Acronym')) &&
    !term.tags.some((tag) => NOT_A_NAME.includes(tag))
  );
}

/**
 * The last words of a body's or a programme's name: compromise takes "Block Grant Program" for
 * a person (Grant is a first name), but a name ending in one of these is never a person's.
 */
const BODY_ENDINGS = new Set(
  `Program Programme Act Agency Department Council Committee Service Administration Commission
  Fund Grant Office Institute University Bank Association`
    .split(/\s+/u)
    .filter(Boolean),
);

/** The kind of a name: a body's or a programme's ending outweighs what compromise took it for. */
function kindOf(name: string, tagged: NameKind | null): NameKind | null {
  const last = name.split(/\s+/u).pop() ?? '';
  return /\s/u.test(name) && BODY_ENDINGS.has(last) ? 'organisation' : tagged;
}

const KIND_OF_TAG: [string, NameKind][] = [
  ['Person', 'person'],
  ['Place', 'place'],
  ['Organization', 'organisation'],
];

/**
 * The runs of capitalised words inside each sentence (not its first word, which any sentence
 * capitalises), each with the kind compromise gave a word of it, if any.
 */
export function capitalisedRuns(sentences: readonly (readonly TermJson[])[]): NameFound[] {
  const found: NameFound[] = [];
  for (const terms of sentences) {
    let run: TermJson[] = [];
    const close = () => {
      if (run.length > 0) {
        const text = run
          .map((t, k) => (k === run.length - 1 ? bare(t.text) : t.text + t.post.trim()))
          .join(' ')
          .replace(/- /gu, '-');
        // A person by a first or last name ("Donald Trump", not the "Grant" of "Block Grant
        // Program"), a place or a body by its last word ("US Embassy" is no place).
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const tagged = KIND_OF_TAG.find(([tag]) =>
          (tag === 'Person' ? [first, last] : [last]).some((t) => t.tags.includes(tag)),
        );
        found.push({ text, kind: tagged?.[1] ?? null });
      }
      run = [];
    };
    terms.forEach((term, index) => {
      if (index === 0 || !isNameTerm(term)) {
        close();
        return;
      }
      run.push(term);
      // A comma, a possessive or a full stop ends the name: "Benghazi, Libya" is two.
      const joined = term.post === ' ' || term.post === '-';
      if (!joined || /['’]s$/u.test(term.text)) close();
    });
    close();
  }
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How many times the text writes `name` as whole words (no regular expression to compile per name). */
export function occurrences(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + name.length);
    if (!(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after))) count += 1;
  }
  return count;
}

/** The words that identify a name: its capitalised words, titles and joiners off. */
function nameWords(name: string): string[] {
  return name
    .replace(TITLE, '')
    .split(/[\s,]+/u)
    .map(bare)
    .filter((word) => word && !JOINERS.has(word.toLowerCase()) && !/^\p{Lu}\p{Ll}*\.$/u.test(word));
}

/** "US" stands for "United States" when its letters are the initials of the name's words. */
function isAcronymOf(short: string, long: string): boolean {
  const letters = short.replace(/\./gu, '');
  if (!/^\p{Lu}{2,6}$/u.test(letters)) return false;
  const words = nameWords(long);
  return words.length === letters.length && words.every((w, k) => w.startsWith(letters[k]!));
}

function formOf(short: string, long: string): boolean {
  const words = nameWords(short);
  const longWords = nameWords(long);
  return (
    (words.length > 0 &&
      words.length <= longWords.length &&
      words.every((word) => longWords.includes(word))) ||
    isAcronymOf(short, long)
  );
}

/**
 * The names grouped under their fullest form. A shorter name joins a longer one whose words hold
 * all of its own when both are the same kind of name (or one kind is unknown and the longer is a
 * person's name, as a surname is), or when it is the longer one's acronym. A run of capitalised
 * words whose last word the text also uses alone ("Qasem Soleimani", then "Soleimani") is taken
 * for a person when that word is not an everyday one (`isCommonWord`).
 */
export function groupNames(
  names: readonly NameFound[],
  text: string,
  isCommonWord: (word: string) => boolean,
): NameGroup[] {
  const kinds = new Map<string, NameKind | null>();
  const order = new Map<string, number>();
  for (const { text: raw, kind } of names) {
    const name = bare(raw.replace(TITLE, '').trim());
    // compromise reads "In May, Iran attacked" as a place "May, Iran".
    if (!/^\p{Lu}/u.test(name) || name.length < 2 || !text.includes(name) || MONTH.test(name))
      continue;
    if (!order.has(name)) order.set(name, order.size);
    kinds.set(name, kindOf(name, kinds.get(name) ?? kind));
  }
  for (const name of kinds.keys()) {
    const words = nameWords(name);
    const last = words[words.length - 1];
    // A surname is seldom an everyday word: "Soleimani" is, "Program" ("the Program") is not.
    if (
      kinds.get(name) === null &&
      words.length > 1 &&
      last &&
      kinds.has(last) &&
      !isCommonWord(last)
    ) {
      kinds.set(name, 'person');
    }
  }
  const longestFirst = [...kinds.keys()].sort(
    (a, b) => nameWords(b).length - nameWords(a).length || b.length - a.length,
  );
  const groups: (NameGroup & { kind: NameKind | null })[] = [];
  for (const name of longestFirst) {
    const kind = kinds.get(name) ?? null;
    const count = occurrences(text, name);
    // "Center" alone is too common a word to mark as a form of "Johnson Space Center".
    const single = !/\s/u.test(name) && !/^\p{Lu}[\p{Lu}.]+$/u.test(name);
    const home = groups.find(
      (group) =>
        !(single && isCommonWord(name)) &&
        formOf(name, group.term) &&
        (kind === group.kind ||
          (group.kind === 'person' && kind === null) ||
          isAcronymOf(name, group.term)),
    );
    if (!home && single && isCommonWord(name)) continue;
    if (home) {
      home.forms.push(name);
      Object.assign(home, {
        count: Math.max(home.count, count),
        order: Math.min(home.order, order.get(name)!),
      });
    } else {
      groups.push({ term: name, forms: [name], kind, count, order: order.get(name)! });
    }
  }
  return groups;
}
