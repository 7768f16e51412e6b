import { compileMatch, type CompiledMatch, type TermJson, type View } from './nlp';

/**
 * The cues that sort a sentence of the article into a fact, an opinion or a prediction (issue
 * 22: "fact: dates, numbers, named people and bodies, reported events; opinion: evaluative
 * words, should/must, first-person judgement; prediction: future tense, likely, expected to").
 * compromise tags the words; these lists say which tagged words count as which cue. The first
 * rule that matches decides, so the order is the priority: an obligation ("should") is an
 * opinion even about the future; a future ("will") is a prediction even with a number in it or
 * after "I believe"; a first-person judgement outweighs a mere possibility ("could").
 */
export type ClaimCategory = 'fact' | 'opinion' | 'prediction';

export interface CueRule {
  readonly category: ClaimCategory;
  /** What the cue is, in the explanation the student reads after answering. */
  readonly why: string;
  /** A compromise match pattern… */
  readonly pattern?: string;
  /** …or a test on one term (its lower-case word and compromise's tags) and the one before it… */
  readonly term?: (term: TermJson, previous: TermJson | undefined) => boolean;
  /** …or a search that returns the cue's words. */
  readonly find?: (sentence: View) => string | null;
  /** What kind of word the term found is, when the word alone is a weak cue ("a place"). */
  readonly kindOf?: (term: TermJson) => string;
}

/** Words that judge rather than report: a writer's evaluation, not a checkable record. */
const EVALUATIVE = new Set(
  `good better best bad worse worst great terrible awful excellent remarkable impressive
  outstanding wonderful welcome unwelcome alarming troubling worrying disturbing shocking
  disappointing encouraging promising dangerous reckless irresponsible foolish wise smart
  misguided wrong right unfair fair unjust just shameful disgraceful disgrace outrageous
  unacceptable acceptable essential vital crucial critical important necessary unnecessary
  needless pointless wasteful costly valuable worthwhile worthless useful useless
  successful unsuccessful failure failed success mistake blunder triumph disaster disastrous
  tragic tragedy sad sadly fortunately unfortunately regrettably rightly wrongly clearly
  obviously surely undoubtedly arguably admirable commendable laudable bold timid weak strong
  brave cowardly ridiculous absurd sensible reasonable unreasonable realistic unrealistic naive
  ambitious difficult impossible miscalculated miscalculation miscalculations misjudged
  misperceived misperception misperceptions blundered
  overdue long-overdue too better-off beautiful ugly inspiring heartening bleak grim
  landmark historic visionary short-sighted shortsighted welcome elegant clumsy`
    .split(/\s+/)
    .filter(Boolean),
);

/** Reporting verbs: someone on the record said or found something, which a record can confirm. */
const REPORTING = new Set(
  `said says told reported reports announced announces found finds released releases published
  confirmed confirms estimated estimates recorded records measured measures showed shows
  according testified issued issues approved approves signed signs passed passes voted awarded
  launched completed observed detected documented surveyed counted`
    .split(/\s+/)
    .filter(Boolean),
);

/** Verbs of expecting: "NOAA expects 14 storms" (as verbs only: "the project" is no cue). */
const FORESEEING = new Set(
  `expect expects predict predicts forecast forecasts project projects anticipate anticipates
  foresee foresees`
    .split(/\s+/)
    .filter(Boolean),
);

const hasTag = (term: TermJson, tag: string) => term.tags.includes(tag);

/** In priority order: the first rule that matches a sentence decides its category. */
export const CUE_RULES: readonly CueRule[] = [
  {
    category: 'opinion',
    why: 'says what ought to be done, a judgement rather than a record',
    pattern: "(should|must|ought|shouldn't|mustn't)",
  },
  {
    category: 'prediction',
    why: 'says what is expected to happen, which cannot be checked yet',
    pattern:
      '#Copula #Adverb? (expected|projected|forecast|predicted|likely|unlikely|poised|set|scheduled|bound) to',
  },
  {
    category: 'prediction',
    why: 'is in the future tense: it says what will happen',
    pattern: "(will|shall|wo|won't) #Adverb? not? #Adverb? #Verb",
  },
  {
    category: 'prediction',
    why: 'says what would follow if something happens',
    find: (sentence) =>
      /^if\b/iu.test(sentence.text().trim())
        ? (sentence.match(compiled('would #Adverb? #Verb')).out('array')[0] ?? null)
        : null,
  },
  {
    category: 'prediction',
    why: 'says what is going to happen',
    pattern: 'going to #Verb',
  },
  {
    category: 'prediction',
    why: 'says what someone wants or may choose to do, which only what they do next can show',
    // "Iran would like to see a Democrat win … and may opt for measures": an actor's intention
    // read forward, not a record.
    pattern: "(would|'d) #Adverb? (like|love|prefer|rather) to",
  },
  {
    category: 'prediction',
    why: 'says what someone wants or may choose to do, which only what they do next can show',
    // compromise's patterns take no choice between sequences: "would like to" is the rule above.
    pattern:
      '(may|might) #Adverb? (opt|choose|decide|try|seek|attempt|pursue|respond|retaliate|strike|escalate|withdraw|move|act|turn|push|sue|appeal|want|prefer|refuse|resist|insist|demand)',
  },
  {
    category: 'prediction',
    why: 'says what someone intends to do, which has not happened yet',
    pattern: '(plan|plans|intend|intends|aim|aims|hopes|vow|vows|pledges|promises) to #Verb',
  },
  {
    category: 'opinion',
    why: 'offers the writer’s explanation of what has happened, a judgement rather than a record',
    // "The answer may be found in missed perceptions": a hedge about the past, no forecast.
    pattern:
      '(answer|answers|reason|reasons|explanation|explanations|cause|causes|root|roots|origin|origins) (may|might|could) #Adverb? (be|lie)',
  },
  {
    category: 'opinion',
    why: 'offers the writer’s explanation of what has happened, a judgement rather than a record',
    pattern:
      '(may|might|could) #Adverb? be (found|explained|traced|attributed|blamed|understood|rooted)',
  },
  {
    category: 'prediction',
    why: 'gives a probability of something happening',
    pattern: '(likely|unlikely|probably|possibly)',
  },
  {
    category: 'prediction',
    why: 'says what someone expects to happen',
    term: (term, previous) =>
      FORESEEING.has(term.normal) &&
      // "It is difficult to forecast the next steps" speaks of forecasting without making one.
      previous?.normal !== 'to' &&
      // "the Hurricane Analysis and Forecast System" is a name, not a forecast.
      // A verb: "the forecast" names a prediction without making one.
      !hasTag(term, 'ProperNoun') &&
      hasTag(term, 'Verb'),
  },
  {
    category: 'prediction',
    why: 'names a time still to come',
    pattern:
      '(next|coming) (year|month|week|decade|season|spring|summer|fall|autumn|winter|century)',
  },
  {
    category: 'opinion',
    why: 'is the writer’s own judgement, in the first person',
    pattern:
      '(i|we) #Adverb? (think|believe|feel|argue|contend|doubt|hope|fear|urge|suspect|worry|consider)',
  },
  {
    category: 'opinion',
    why: 'is the writer’s own judgement',
    pattern: 'in (my|our) (view|opinion|judgment|judgement)',
  },
  {
    category: 'prediction',
    why: 'says what could happen',
    pattern: '(could|might) #Adverb? #Verb',
  },
  {
    category: 'prediction',
    why: 'says what may happen',
    // "may" alone is as often a permission ("States may use the money"): only with a change.
    pattern:
      'may #Adverb? (be|become|rise|fall|increase|decrease|grow|drop|lead|cause|save|cost|reach|face|need|lose|gain|end|stop)',
  },
  {
    category: 'opinion',
    why: 'uses an evaluative word, which judges rather than reports',
    term: (term) => EVALUATIVE.has(term.normal),
  },
  {
    category: 'fact',
    why: 'reports what someone said or found, which a record can confirm',
    term: (term) => REPORTING.has(term.normal),
  },
  {
    category: 'fact',
    why: 'gives a date or a number, which a record can confirm',
    find: (sentence) => {
      const date = sentence
        .match(compiled('#Date+'))
        .out('array')
        .find((text) => /\d/u.test(text));
      if (date) return date;
      return (
        sentence
          .match(compiled('#Value+ (percent|million|billion|trillion|thousand|hundred)?'))
          .out('array')
          .find((text) => /\d/u.test(text) || /\s/u.test(text.trim())) ?? null
      );
    },
  },
  {
    category: 'fact',
    why: 'names a person, a place or a body, whose record can be checked',
    term: (term) =>
      hasTag(term, 'Person') ||
      hasTag(term, 'Organization') ||
      hasTag(term, 'Place') ||
      hasTag(term, 'Acronym'),
    // A bare "Iran" says little: the teacher is told it was read as a name, and of what.
    kindOf: (term) =>
      hasTag(term, 'Person')
        ? 'a person'
        : hasTag(term, 'Place')
          ? 'a place'
          : hasTag(term, 'Organization')
            ? 'an organisation'
            : 'an abbreviation',
  },
  {
    category: 'fact',
    why: 'reports an event in the past tense',
    term: (term) => hasTag(term, 'PastTense'),
  },
];

export interface ClaimCue {
  readonly category: ClaimCategory;
  /** The deciding rule's place in CUE_RULES: within a category, a lower rank is a clearer cue. */
  readonly rank: number;
  /** The words of the sentence that decided it, e.g. "is expected to". */
  readonly cue: string;
  readonly why: string;
  /** For a name: what it names ("a place"), said beside the cue. */
  readonly kind?: string;
}

/** Each rule's pattern, parsed once. */
const COMPILED = new Map<string, CompiledMatch>();
const compiled = (pattern: string) => {
  let found = COMPILED.get(pattern);
  if (!found) {
    found = compileMatch(pattern);
    COMPILED.set(pattern, found);
  }
  return found;
};

/** Quotation marks and punctuation around a cue's words. */
const TRIM = /^[\s"“‘(]+|[\s.,;:!?"”’)]+$/gu;

/** The cue that decides a sentence's category, or null when nothing in it is a cue. */
export function findCue(sentence: View, terms: readonly TermJson[]): ClaimCue | null {
  for (const [rank, rule] of CUE_RULES.entries()) {
    if (rule.find) {
      const cue = rule.find(sentence)?.trim().replace(TRIM, '');
      if (cue) return { category: rule.category, rank, cue, why: rule.why };
    } else if (rule.pattern !== undefined) {
      const found = sentence.match(compiled(rule.pattern));
      if (found.found) {
        // The first match only: a sentence may have the cue twice.
        const cue = (found.out('array')[0] ?? '').trim().replace(TRIM, '');
        if (cue) return { category: rule.category, rank, cue, why: rule.why };
      }
    } else if (rule.term) {
      const test = rule.term;
      const term = terms.find((t, k) => test(t, terms[k - 1]));
      if (term) {
        const cue = term.text.trim().replace(TRIM, '');
        const kind = rule.kindOf?.(term);
        if (cue)
          return { category: rule.category, rank, cue, why: rule.why, ...(kind && { kind }) };
      }
    }
  }
  return null;
}
