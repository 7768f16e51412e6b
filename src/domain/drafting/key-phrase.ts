import type { TermJson } from './nlp';

/**
 * The noun phrase a passage is most about, for a drafted section title and its prompt: the
 * runs of adjectives and nouns compromise tags (ending in a noun), scored by how often their
 * head noun comes back in the passage, then how often the phrase itself does.
 */

/** Not topic words; a person's name is who a passage quotes more often than what it is about. */
const SKIP_TAGS = [
  'Pronoun',
  'Value',
  // Not 'Date': compromise tags "season" a date; a day or a month is no topic.
  'Month',
  'WeekDay',
  'Year',
  'Determiner',
  'Possessive',
  'Honorific',
  'Person',
  'Preposition',
];
/** Nouns too general to name what a passage is about. */
const VAGUE = new Set(
  `thing things way ways time times year years day days people percent part lot kind number
  week weeks month months hour hours minute minutes today statement release news officials
  official`
    .split(/\s+/)
    .filter(Boolean),
);

const isNoun = (term: TermJson) =>
  term.tags.includes('Noun') && !SKIP_TAGS.some((t) => term.tags.includes(t));
/** Words that count or compare rather than describe: "all bridges" is about bridges. */
const QUANTIFIERS = new Set(
  'all many most some more less other such several each every own same few much further near enough'.split(
    ' ',
  ),
);
const isModifier = (term: TermJson) =>
  (term.tags.includes('Adjective') || isNoun(term)) &&
  !QUANTIFIERS.has(term.normal) &&
  !SKIP_TAGS.some((t) => term.tags.includes(t));

/** Tags of a name: its capitals are part of it ("US Embassy", "Bar-Ilan University"). */
const NAME_TAGS = ['ProperNoun', 'Acronym', 'Person', 'Place', 'Organization'];
/** Longer than this, a word in capitals is shouting ("MOURNERS ATTEND"), not an acronym. */
const ACRONYM_MAX_LETTERS = 6;

/**
 * A word as a title shows it: acronyms and names as the text writes them ("US", "NASA",
 * "McAllen"), any other word in lower case, so that only the title's first letter is a capital.
 */
function asWritten(term: TermJson, opensSentence: boolean): string {
  const word = term.text.replace(/[^\p{L}\p{N}'’-]/gu, '');
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) {
    return letters.length <= ACRONYM_MAX_LETTERS ? word : word.toLowerCase();
  }
  const isName =
    NAME_TAGS.some((tag) => term.tags.includes(tag)) ||
    /\p{Ll}\p{Lu}/u.test(word) ||
    // A capital inside a sentence is the writer's: a name compromise did not tag.
    (!opensSentence && /^\p{Lu}/u.test(word));
  return isName ? word : word.toLowerCase();
}

/** A head noun's plural folded to its singular, so "storms" and "storm" count together. */
const headKey = (normal: string) => normal.replace(/(?<=[^s])s$/u, '');

interface Phrase {
  readonly words: string[];
  readonly head: string;
  /** A singular common noun reads with "the" in a sentence: "the new bill". */
  readonly needsArticle: boolean;
  readonly order: number;
}

export interface KeyPhrase {
  /** As a title would show it: "new bill", "highway bridges". */
  readonly text: string;
  /** As a question would use it: "the new bill", "highway bridges". */
  readonly inProse: string;
}

function phrasesOf(sentences: readonly (readonly TermJson[])[]): Phrase[] {
  const phrases: Phrase[] = [];
  let order = 0;
  for (const terms of sentences) {
    let run: TermJson[] = [];
    const close = () => {
      // A phrase ends in its noun: drop trailing adjectives.
      while (run.length > 0 && !isNoun(run[run.length - 1]!)) run.pop();
      const kept = run.slice(-3);
      const words = kept.map((t) => asWritten(t, t === terms[0]));
      const head = headKey(run[run.length - 1]?.normal ?? '');
      const last = run[run.length - 1];
      if (last && head.length > 2 && !VAGUE.has(last.normal)) {
        const needsArticle = !last.tags.includes('Plural') && !last.tags.includes('ProperNoun');
        phrases.push({ words, head, needsArticle, order: (order += 1) });
      }
      run = [];
    };
    for (const term of terms) {
      if (isModifier(term) && /^[\p{L}'’-]+$/u.test(term.text)) {
        run.push(term);
        // Punctuation after a word ends its phrase.
        if (/[,;:.!?)]/u.test(term.post)) close();
      } else {
        close();
      }
    }
    close();
  }
  return phrases;
}

/** The passage's key noun phrase as written, e.g. "hurricane season", or null for none. */
export function keyPhrase(sentences: readonly (readonly TermJson[])[]): KeyPhrase | null {
  return keyPhrases(sentences)[0] ?? null;
}

/** The passage's noun phrases, best first, each text once (compared without case). */
export function keyPhrases(sentences: readonly (readonly TermJson[])[]): KeyPhrase[] {
  const phrases = phrasesOf(sentences);
  const heads = new Map<string, number>();
  const texts = new Map<string, number>();
  const textOf = (phrase: Phrase) => phrase.words.join(' ').toLowerCase();
  for (const phrase of phrases) {
    heads.set(phrase.head, (heads.get(phrase.head) ?? 0) + 1);
    texts.set(textOf(phrase), (texts.get(textOf(phrase)) ?? 0) + 1);
  }
  // Two words name a topic best ("hurricane season"), then three, then one.
  const lengthRank = (phrase: Phrase) => [2, 0, 1][phrase.words.length - 1] ?? 2;
  const ranked = [...phrases].sort(
    (a, b) =>
      heads.get(b.head)! - heads.get(a.head)! ||
      texts.get(textOf(b))! - texts.get(textOf(a))! ||
      lengthRank(a) - lengthRank(b) ||
      a.order - b.order,
  );
  const seen = new Set<string>();
  return ranked.flatMap((phrase) => {
    const text = phrase.words.join(' ');
    if (seen.has(text.toLowerCase())) return [];
    seen.add(text.toLowerCase());
    return [{ text, inProse: phrase.needsArticle ? `the ${text}` : text }];
  });
}

/** A phrase as a title: its first letter a capital. */
export function asTitle(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
