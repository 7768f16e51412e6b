/**
 * Frequent key phrases in students' open responses, for the teacher's summary composer.
 *
 * Everything is computed locally (no outside service): student text never leaves the app, and
 * the same responses always give the same themes, so a teacher can trust what they see.
 */

/** One recurring phrase and how many distinct responses contain it. */
export interface Theme {
  /** The phrase in lowercase, its words separated by single spaces. */
  readonly phrase: string;
  /** Number of distinct responses containing the phrase (not the number of occurrences). */
  readonly responses: number;
}

export interface ExtractThemesOptions {
  /** At most this many themes are returned (default 8). */
  readonly maxThemes?: number;
  /** A phrase must appear in at least this many distinct responses (default 2). */
  readonly minResponses?: number;
}

const DEFAULT_MAX_THEMES = 8;
const DEFAULT_MIN_RESPONSES = 2;
/** Longest phrase considered: longer n-grams are almost never shared word for word. */
const MAX_PHRASE_WORDS = 3;
/**
 * Tokens shorter than two code points (the `u` flag counts code points, not UTF-16 units) are
 * dropped: single letters and digits ("i", "a", the "b" of "plan b") say nothing. Two-letter
 * tokens are kept because many content words of other scripts are that short (Arabic "خط" line,
 * Chinese "选举" election); the English two-letter function words are in the stop list instead.
 */
const LONG_ENOUGH = /^.{2,}$/su;
/**
 * A shorter phrase is dropped when a longer phrase containing it is found in at least this share
 * of its responses: "red line" in 5 responses says more than "red" in 5 (or 6) responses.
 */
const SUBSUMED_SHARE = 0.8;

/**
 * Common English function words (plus a few verbal tics of student writing such as "think" and
 * "really") that would otherwise top every list without saying anything about the content.
 * Contractions are written with a straight apostrophe; tokens are normalised to it.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any',
  'are', "aren't", 'as', 'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between',
  'both', 'but', 'by', 'can', "can't", 'cannot', 'could', "couldn't", 'did', "didn't", 'do',
  'does', "doesn't", 'doing', "don't", 'down', 'during', 'each', 'even', 'every', 'few', 'for',
  'from', 'further', 'get', 'got', 'had', "hadn't", 'has', "hasn't", 'have', "haven't", 'having',
  'he', "he's", 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'however', 'i',
  "i'm", "i've", "i'd", "i'll", 'if', 'in', 'into', 'is', "isn't", 'it', "it's", 'its', 'itself',
  'just', 'like', 'many', 'may', 'maybe', 'me', 'might', 'more', 'most', 'much', 'must', 'my',
  'myself', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'one', 'only', 'or', 'other',
  'our', 'ours', 'out', 'over', 'own', 'really', 'same', 'said', 'says', 'she', "she's", 'should',
  "shouldn't", 'so', 'some', 'such', 'than', 'that', "that's", 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', "there's", 'these', 'they', "they're", 'thing', 'things',
  'think', 'this', 'those', 'though', 'through', 'to', 'too', 'under', 'until', 'up', 'us',
  'very', 'was', "wasn't", 'we', "we're", 'were', "weren't", 'what', 'when', 'where', 'whether',
  'which', 'while', 'who', 'whom', 'why', 'will', 'with', "won't", 'would', "wouldn't", 'yes',
  'yet', 'you', "you're", 'your', 'yours', 'yourself',
]); // prettier-ignore

/**
 * Characters that end a phrase: everything except letters, digits, combining marks, apostrophes,
 * whitespace, hyphens and slashes. So sentence and clause punctuation of any script (. , ; ! ?
 * ، ؟ 。 ， quotes, brackets, dashes) splits the text, while "election-year" still reads as two
 * adjacent words.
 */
const PHRASE_BREAK = /[^\p{L}\p{N}\p{M}'\s\-/]+/u;
/** A word: letters/digits of any script, with apostrophes allowed inside ("don't", "iran's"). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
/** Typographic apostrophes students' keyboards produce, normalised to the straight one. */
const APOSTROPHES = /[\u2018\u2019\u02BC\uFF07]/gu;

/**
 * Splits one response into segments (runs between punctuation), each a list of lowercase words.
 * Exported for tests and for callers that want to highlight the same words the themes use.
 */
export function tokenizeSegments(text: string): string[][] {
  const normalized = text.normalize('NFC').replace(APOSTROPHES, "'").toLowerCase();
  return normalized
    .split(PHRASE_BREAK)
    .map((segment) => segment.match(WORD) ?? [])
    .filter((words) => words.length > 0)
    .map((words) => words.map(stripPossessive));
}

/** "iran's" and "iran" are the same theme. (A plural possessive's trailing apostrophe, as in
 * "students'", is already outside the word pattern.) */
function stripPossessive(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  return word;
}

/** True for words that cannot carry a theme: stop words and very short tokens. */
function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || !LONG_ENOUGH.test(word);
}

/** The distinct candidate phrases (1 to 3 consecutive content words) of one response. */
function phrasesOf(response: string): Set<string> {
  const phrases = new Set<string>();
  for (const segment of tokenizeSegments(response)) {
    // A stop word breaks a run as punctuation does, so "threat of war" yields "threat" and
    // "war" but never the misleading "threat war".
    let run: string[] = [];
    const flush = (): void => {
      for (let start = 0; start < run.length; start++) {
        for (let size = 1; size <= MAX_PHRASE_WORDS && start + size <= run.length; size++) {
          phrases.add(run.slice(start, start + size).join(' '));
        }
      }
      run = [];
    };
    for (const word of segment) {
      if (isStopWord(word)) flush();
      else run.push(word);
    }
    flush();
  }
  return phrases;
}

function wordCount(phrase: string): number {
  return phrase.split(' ').length;
}

/** Orders by responses (most first), then longer phrases first, then by code units (stable
 * across machines, unlike localeCompare). */
function compareThemes(a: Theme, b: Theme): number {
  if (a.responses !== b.responses) return b.responses - a.responses;
  const lengthDifference = wordCount(b.phrase) - wordCount(a.phrase);
  if (lengthDifference !== 0) return lengthDifference;
  if (a.phrase < b.phrase) return -1;
  return a.phrase > b.phrase ? 1 : 0;
}

function checkPositiveInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer of at least ${minimum}, got ${value}`);
  }
}

/**
 * The most frequent key phrases of a set of open responses.
 *
 * Each phrase of 1 to 3 consecutive content words (stop words and punctuation break phrases) is
 * counted once per response that contains it, so one student repeating a word does not make a
 * theme. Phrases found in fewer than `minResponses` responses are dropped, and so is a phrase
 * when a longer phrase containing it is found in at least 80 % as many responses. The result is
 * ordered by responses, then phrase length (longer first), then alphabetically, and holds at
 * most `maxThemes` themes. Phrases are lowercase.
 *
 * @throws RangeError when `maxThemes` is not an integer ≥ 0 or `minResponses` not an integer ≥ 1.
 */
export function extractThemes(
  responses: readonly string[],
  options: ExtractThemesOptions = {},
): Theme[] {
  const maxThemes = options.maxThemes ?? DEFAULT_MAX_THEMES;
  const minResponses = options.minResponses ?? DEFAULT_MIN_RESPONSES;
  checkPositiveInteger('maxThemes', maxThemes, 0);
  checkPositiveInteger('minResponses', minResponses, 1);

  const counts = new Map<string, number>();
  for (const response of responses) {
    for (const phrase of phrasesOf(response)) {
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }

  const frequent: Theme[] = [];
  for (const [phrase, count] of counts) {
    if (count >= minResponses) frequent.push({ phrase, responses: count });
  }

  // For each phrase, the largest response count of a longer frequent phrase containing it.
  // Enumerating the sub-phrases of each frequent phrase keeps this linear in the phrase count.
  const bestLonger = new Map<string, number>();
  for (const { phrase, responses: count } of frequent) {
    const words = phrase.split(' ');
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= words.length; end++) {
        if (end - start === words.length) continue;
        const sub = words.slice(start, end).join(' ');
        bestLonger.set(sub, Math.max(bestLonger.get(sub) ?? 0, count));
      }
    }
  }
  // Compare the share itself: a/b is the double nearest the true ratio, so exactly 80 % is kept.
  const kept = frequent.filter(
    ({ phrase, responses: count }) => (bestLonger.get(phrase) ?? 0) / count < SUBSUMED_SHARE,
  );

  return kept.sort(compareThemes).slice(0, maxThemes);
}
