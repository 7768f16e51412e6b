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

function rareWords(paragraphs: readonly ReadParagraph[], wordRank: WordRank): Candidate[] {
  const seen = new Map<string, { rank: number; forms: Set<string>; order: number }>();
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const term of sentence.terms) {
        const word = term.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if (
          word.length < 5 ||
          !/^[\p{Ll}\p{Lu}-]+$/u.test(word) ||
          term.tags.some((t) => SKIP_TAGS.includes(t))
        )
          continue;
        // A capital inside a sentence is a name compromise did not know.
        if (/^\p{Lu}/u.test(word) && sentence.terms[0] !== term) continue;
        const lower = word.toLowerCase();
        // "redesign", "redesigned" and "redesigns" are one term.
        const key = lower.replace(/(?:es|s|ed|d|ing)$/u, '');
        const entry = seen.get(key) ?? {
          rank: rankOf(lower, wordRank),
          forms: new Set<string>(),
          order: seen.size,
        };
        entry.forms.add(lower);
        seen.set(key, entry);
      }
    }
  }
  return [...seen.values()]
    .filter(({ rank }) => rank > RARE_RANK)
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, RARE_WORDS_MAX)
    .map(({ rank, forms }) => {
      const matches = [...forms];
      return {
        term: matches.reduce((a, b) => (b.length < a.length ? b : a)),
        matches,
        note:
          rank === Infinity
            ? 'Rare word: not in the SUBTLEX list of everyday English. Define it, or remove it.'
            : `Rare word: number ${rank.toLocaleString('en-US')} in SUBTLEX's list of everyday English. Define it, or remove it.`,
      };
    });
}

const KIND_NAMES = { person: 'person', place: 'place', organisation: 'organisation' } as const;

function namedTerms(doc: Doc, original: string): Candidate[] {
  const counts = new Map<string, { kind: keyof typeof KIND_NAMES; count: number; order: number }>();
  for (const { kind, text: name } of namedEntities(doc)) {
    // A name is written with a capital ("Grant" the general, not "a grant").
    if (!/^\p{Lu}/u.test(name) || !original.includes(name)) continue;
    const entry = counts.get(name) ?? { kind, count: 0, order: counts.size };
    entry.count += 1;
    counts.set(name, entry);
  }
  const names = [...counts.entries()].sort(
    ([, a], [, b]) => b.count - a.count || a.order - b.order,
  );
  const chosen: Candidate[] = [];
  for (const [name, { kind }] of names) {
    // "Smith" after "Jane Smith": another form of a chosen name, not a term of its own.
    const longer = chosen.find((c) =>
      new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'u').test(c.term),
    );
    if (longer) {
      longer.matches.push(name);
      continue;
    }
    if (chosen.length >= NAMED_TERMS_MAX) continue;
    chosen.push({
      term: name,
      matches: [name],
      note: `Named ${KIND_NAMES[kind]} in the article: say who or what it is, or remove it.`,
    });
  }
  return chosen;
}

/** Glossary terms in the lesson format, each marked drafted, definitions left for the teacher. */
export function glossaryCandidates(
  paragraphs: readonly ReadParagraph[],
  doc: Doc | null,
  wordRank: WordRank,
): Record<string, unknown>[] {
  const text = paragraphs.map((p) => p.text).join('\n');
  const named = doc ? namedTerms(doc, text) : [];
  const candidates = [...named, ...rareWords(paragraphs, wordRank)];
  const ids = new Set<string>();
  return candidates.map(({ term, matches, note }) => {
    let id = slug(term);
    for (let n = 2; ids.has(id); n += 1) id = `${slug(term).slice(0, 44)}-${n}`;
    ids.add(id);
    return { id, term, matches: [...new Set(matches)], definition: '', drafted: note };
  });
}
