import { capitalisedRuns, groupNames, occurrences, type NameGroup, type NameKind } from './names';
import { namedEntities, type Doc } from './nlp';
import type { ReadParagraph } from './read-article';

/**
 * Glossary candidates: the article's rarest words (by the word-frequency rank the caller gives,
 * SUBTLEX on the server) and the people, places and organisations it names most. Definitions
 * are left "" for the teacher: the draft cannot know what a class needs explained.
 */
export const RARE_WORDS_MAX = 5;
export const NAMED_TERMS_MAX = 3;
/** A word past this rank (of about 74,000 in SUBTLEX) is rare enough to explain. */
export const RARE_RANK = 10_000;
/** A word within this rank is an everyday word, even capitalised. */
const COMMON_RANK = 3_000;

export type WordRank = (word: string) => number | undefined;

const SKIP_TAGS = [
  'ProperNoun',
  'Person',
  'Place',
  'Organization',
  'Value',
  'Acronym',
  'Date',
  'Url',
  'Email',
];

/** The word's rank, its inflections tried too ("outlooks" as "outlook"); a compound by its rarest part. */
export function rankOf(word: string, wordRank: WordRank): number {
  const parts = word.split('-').filter(Boolean);
  if (parts.length > 1) return Math.max(...parts.map((part) => rankOf(part, wordRank)));
  const forms = [word];
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['es', ''],
    ['s', ''],
    ['ied', 'y'],
    ['ed', ''],
    ['ed', 'e'],
    ['ing', ''],
    ['ing', 'e'],
    ['ly', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      forms.push(word.slice(0, -suffix.length) + replacement);
    }
  }
  const ranks = forms.map(wordRank).filter((rank): rank is number => rank !== undefined);
  return ranks.length > 0 ? Math.min(...ranks) : Infinity;
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 48) || 'term';

interface Candidate {
  term: string;
  matches: string[];
  note: string;
}

/** A term's word, the punctuation around it off. */
const wordOf = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/**
 * The words the text writes with a capital inside a sentence, lower-cased: names, even those
 * compromise did not know, so never rare words ("Soleimani" opening one sentence is a name
 * because another writes it mid-sentence).
 */
function capitalisedMidSentence(paragraphs: readonly ReadParagraph[]): Set<string> {
  const names = new Set<string>();
  for (const sentence of paragraphs.flatMap((p) => p.sentences)) {
    sentence.terms.forEach((term, index) => {
      const word = wordOf(term.text);
      if (index > 0 && /^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
    });
  }
  return names;
}

function rareWords(paragraphs: readonly ReadParagraph[], wordRank: WordRank): Candidate[] {
  const names = capitalisedMidSentence(paragraphs);
  const seen = new Map<
    string,
    { rank: number; forms: Set<string>; lower: Set<string>; order: number }
  >();
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const term of sentence.terms) {
        const word = wordOf(term.text);
        const lower = word.toLowerCase();
        if (
          word.length < 5 ||
          !/^[\p{Ll}\p{Lu}-]+$/u.test(word) ||
          term.tags.some((t) => SKIP_TAGS.includes(t)) ||
          names.has(lower)
        )
          continue;
        // "redesign", "redesigned" and "redesigns" are one term.
        const key = lower.replace(/(?:es|s|ed|d|ing)$/u, '');
        const entry = seen.get(key) ?? {
          rank: rankOf(lower, wordRank),
          forms: new Set<string>(),
          lower: new Set<string>(),
          order: seen.size,
        };
        // Matches as written: the lesson finds them in the text letter for letter.
        entry.forms.add(word);
        entry.lower.add(lower);
        seen.set(key, entry);
      }
    }
  }
  return [...seen.values()]
    .filter(({ rank }) => rank > RARE_RANK)
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, RARE_WORDS_MAX)
    .map(({ rank, forms, lower }) => {
      // The term as a dictionary gives it: its shortest form, lower case (it may open a sentence).
      const term = [...lower].reduce((a, b) => (b.length < a.length ? b : a));
      return {
        term,
        matches: [...forms],
        note:
          rank === Infinity
            ? 'Rare word: not in the SUBTLEX list of everyday English. Define it, or remove it.'
            : `Rare word: number ${rank.toLocaleString('en-US')} in SUBTLEX's list of everyday English. Define it, or remove it.`,
      };
    });
}

const KIND_NOTES: Record<NameKind | 'unknown', string> = {
  person: 'Named person in the article: say who they are, or remove it.',
  place: 'Named place in the article: say where and what it is, or remove it.',
  organisation: 'Named organisation or programme in the article: say what it is, or remove it.',
  unknown: 'Name in the article: say who or what it is, or remove it.',
};

/**
 * The names the article uses most, each once under its fullest form: those its headline names
 * first (the article is about them), then by how often the text names them.
 */
function namedTerms(
  doc: Doc,
  paragraphs: readonly ReadParagraph[],
  text: string,
  headline: string,
  wordRank: WordRank,
): Candidate[] {
  const names = [
    ...namedEntities(doc),
    ...capitalisedRuns(paragraphs.flatMap((p) => p.sentences.map((s) => s.terms))),
  ];
  const inHeadline = (group: NameGroup) =>
    group.forms.some((form) => occurrences(headline, form) > 0);
  // A word among the most common few thousand ("Center", "Health") is an everyday word too.
  const isCommonWord = (word: string) => rankOf(word.toLowerCase(), wordRank) <= COMMON_RANK;
  const known = (group: NameGroup) => Number(group.kind !== null);
  return groupNames(names, text, isCommonWord)
    .sort(
      (a, b) =>
        Number(inHeadline(b)) - Number(inHeadline(a)) ||
        known(b) - known(a) ||
        b.count - a.count ||
        a.order - b.order,
    )
    .slice(0, NAMED_TERMS_MAX)
    .map((group) => ({
      term: group.term,
      matches: group.forms,
      note: KIND_NOTES[group.kind ?? 'unknown'],
    }));
}

/** Glossary terms in the lesson format, each marked drafted, definitions left for the teacher. */
export function glossaryCandidates(
  paragraphs: readonly ReadParagraph[],
  doc: Doc | null,
  wordRank: WordRank,
  headline = '',
): Record<string, unknown>[] {
  const text = paragraphs.map((p) => p.text).join('\n');
  const named = doc ? namedTerms(doc, paragraphs, text, headline, wordRank) : [];
  const candidates = [...named, ...rareWords(paragraphs, wordRank)];
  const ids = new Set<string>();
  return candidates.map(({ term, matches, note }) => {
    let id = slug(term);
    for (let n = 2; ids.has(id); n += 1) id = `${slug(term).slice(0, 44)}-${n}`;
    ids.add(id);
    return { id, term, matches: [...new Set(matches)], definition: '', drafted: note };
  });
}
