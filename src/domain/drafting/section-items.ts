import type { ClaimCategory } from './claim-cues';
import type { KeyPhrase } from './key-phrase';
import type { ReadSentence } from './read-article';

/**
 * The items drafted for each section: a discussion prompt whose level climbs through the lesson
 * (recall first, evaluation last), and claim checks quoting the article's own sentences.
 */
export type PromptLevel = 'recall' | 'analysis' | 'evaluation';

/** Claims a claim check holds; a quote longer than CLAIM_WORDS_MAX is too long to sort at a glance. */
export const CLAIMS_PER_CHECK_MAX = 4;
const CLAIM_WORDS_MIN = 6;
const CLAIM_WORDS_MAX = 40;
/** An opinion short enough to quote inside an evaluation question. */
const QUOTED_OPINION_WORDS_MAX = 30;

const MIN_WORDS: Record<PromptLevel, number> = { recall: 25, analysis: 40, evaluation: 50 };

const LABELS: Record<ClaimCategory, string> = {
  fact: 'Fact',
  opinion: 'Opinion',
  prediction: 'Prediction',
};

export interface SectionReading {
  readonly index: number;
  readonly count: number;
  /** What the section is most about, e.g. "hurricane season"; null when nothing stands out. */
  readonly phrase: KeyPhrase | null;
  /** The section's heading in the article, named when no phrase is left for its prompt. */
  readonly heading?: string | null;
  readonly sentences: readonly ReadSentence[];
}

const has = (reading: SectionReading, category: ClaimCategory) =>
  reading.sentences.some((s) => s.cue?.category === category);

/** The prompt's level: recall to open, evaluation to close, and judged passages in between. */
export function promptLevel(reading: SectionReading, previous: PromptLevel | null): PromptLevel {
  if (reading.index === 0) return 'recall';
  if (reading.index === reading.count - 1) return 'evaluation';
  if (has(reading, 'opinion') && previous !== 'evaluation') return 'evaluation';
  return 'analysis';
}

export function draftPrompt(
  reading: SectionReading,
  level: PromptLevel,
  id: string,
): Record<string, unknown> {
  const topic =
    reading.phrase?.inProse ??
    (reading.heading ? `the part headed “${reading.heading}”` : 'this part of the article');
  const opinion = reading.sentences
    .filter((s) => s.cue?.category === 'opinion' && s.words <= QUOTED_OPINION_WORDS_MAX)
    .sort((a, b) => a.cue!.rank - b.cue!.rank)[0];
  let question: string;
  let hint: string;
  if (level === 'recall') {
    question = `What does the article report about ${topic}? Name two facts it gives.`;
    hint = 'Quote or point to the sentence each fact comes from.';
  } else if (level === 'analysis' && has(reading, 'prediction')) {
    question = `What does the article expect to happen with ${topic}, and what evidence does it give for expecting it?`;
    hint = 'Look for words such as “will”, “expected to” and “likely”, and for who says so.';
  } else if (level === 'analysis') {
    question = `Why does the article give these details about ${topic}? What do they add to what you have read so far?`;
    hint = 'Say what a reader would miss if this part were left out.';
  } else if (opinion && reading.index < reading.count - 1) {
    // A quoted remark's own marks give way to the question's: “"…"” would quote it twice.
    const remark = opinion.text.replace(/^["“]([^"“”]*)["”]$/u, '$1');
    question = `The article says: “${remark}” Do you agree? Give one reason from the article and one of your own.`;
    hint = 'Separate what the sentence reports from what it judges.';
  } else if (reading.index < reading.count - 1) {
    // A judged passage with no opinion short enough to quote: a question of its own, so it
    // never repeats the closing one.
    question = `Which sentences about ${topic} in this part judge rather than report? Do you find their reasons convincing?`;
    hint = 'Quote one judgement and say what evidence the article gives for it.';
  } else {
    question = `Having read this far, what is the most important thing the article says about ${topic}? What would you ask its author?`;
    hint = 'Back your answer with a sentence from the article.';
  }
  return {
    kind: 'prompt',
    id,
    question,
    level,
    guidance: { minWords: MIN_WORDS[level], hint },
    drafted: `Drafted ${level} question about ${reading.phrase ? `“${reading.phrase.text}”` : 'this section'}: check it suits your class.`,
  };
}

/** Sentences fit to quote in a claim check: decided by a cue, and of a readable length. */
function claimable(sentence: ReadSentence): boolean {
  return (
    sentence.cue !== null && sentence.words >= CLAIM_WORDS_MIN && sentence.words <= CLAIM_WORDS_MAX
  );
}

/** What the lesson has already used of the article, so no sentence is quoted twice. */
export interface Quoted {
  /** Sentences already quoted as claims (by text: a standfirst may repeat a paragraph). */
  readonly claims: Set<string>;
  /** Sentences the lesson's forecasts state as scenarios. */
  readonly scenarios: ReadonlySet<string>;
}

/**
 * Up to CLAIMS_PER_CHECK_MAX sentences not yet quoted: the clearest of each category first, so a
 * check asks the student to tell them apart, then the clearest of the rest (a prediction the
 * forecasts do not already state before one they do); returned in reading order.
 */
export function chooseClaims(sentences: readonly ReadSentence[], quoted: Quoted): ReadSentence[] {
  const texts = new Set<string>();
  const candidates = sentences.filter((s) => {
    if (!claimable(s) || quoted.claims.has(s.text) || texts.has(s.text)) return false;
    texts.add(s.text);
    return true;
  });
  const clearest = [...candidates].sort(
    (a, b) =>
      a.cue!.rank - b.cue!.rank ||
      Number(quoted.scenarios.has(a.text)) - Number(quoted.scenarios.has(b.text)),
  );
  const chosen = new Set<ReadSentence>();
  for (const category of ['prediction', 'opinion', 'fact'] as const) {
    const first = clearest.find((s) => s.cue?.category === category);
    if (first) chosen.add(first);
  }
  for (const sentence of clearest) {
    if (chosen.size >= CLAIMS_PER_CHECK_MAX) break;
    chosen.add(sentence);
  }
  return candidates.filter((s) => chosen.has(s));
}

export function claimOf(sentence: ReadSentence, id: string): Record<string, unknown> {
  const { category, cue, why, kind } = sentence.cue!;
  return {
    id,
    quote: sentence.text,
    expected: category,
    explanation: `${LABELS[category]}: “${cue}”${kind ? ` (${kind})` : ''} ${why}.`,
    drafted: kind
      ? `${LABELS[category]}: names "${cue}" (${kind})`
      : `${LABELS[category]}: "${cue}"`,
  };
}

export function draftClaimCheck(
  sentences: readonly ReadSentence[],
  id: string,
  quoted: Quoted,
): Record<string, unknown> | null {
  const claims = chooseClaims(sentences, quoted);
  if (claims.length < 2) return null;
  for (const claim of claims) quoted.claims.add(claim.text);
  return {
    kind: 'claimCheck',
    id,
    instructions:
      'Sort each quoted sentence: is it a fact that could be checked, an opinion, or a prediction? ' +
      'Name the words that told you.',
    claims: claims.map((sentence, c) => claimOf(sentence, `${id}-${c + 1}`)),
    drafted: `Drafted from ${claims.length} sentences of the article: check each category and its cue.`,
  };
}

/** A draft of the section's recap: its opening sentences, for the teacher to rewrite. */
export function draftSummary(sentences: readonly ReadSentence[], fallback: string): string {
  const opening = sentences.slice(0, 2).map((s) => s.text);
  return opening.length > 0 ? opening.join(' ') : fallback;
}
