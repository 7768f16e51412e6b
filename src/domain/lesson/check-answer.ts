import type { Answer } from './answers';
import { CLAIM_CATEGORIES, SCALE_LABELS } from './lesson-constants';
import type { PollItem } from './lesson-schema';
import type {
  StudentClaimCheckItem as ClaimCheckItem,
  StudentForecastItem as ForecastItem,
  StudentItem as Item,
} from './answer-key-schemas';

/** Why an answer does not fit its item. */
export interface AnswerProblem {
  /** The answer's field at fault, e.g. "optionIds" or "probabilities.strikes". */
  readonly field: string;
  /** What is wrong, for a person: "choose exactly one option of this poll". */
  readonly message: string;
}

export interface CheckAnswerOptions {
  /**
   * Accept a forecast or claim check that leaves some scenarios or claims out: work in progress
   * kept on the device. What the server stores must be complete, so it counts every answer the
   * same way.
   */
  readonly allowIncomplete?: boolean;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

function checkPoll(item: PollItem, optionIds: readonly string[]): AnswerProblem | null {
  const known = new Set(item.options.map((o) => o.id));
  const unknown = optionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return { field: 'optionIds', message: `this poll has no option ${quoted(unknown)}` };
  }
  const repeated = optionIds.filter((id, index) => optionIds.indexOf(id) !== index);
  if (repeated.length > 0) {
    return {
      field: 'optionIds',
      message: `each option may be chosen once (repeated: ${quoted([...new Set(repeated)])})`,
    };
  }
  // A multiple-choice answer may be empty: the student unticked every option.
  if (item.mode === 'single' && optionIds.length !== 1) {
    return { field: 'optionIds', message: 'choose exactly one option of this poll' };
  }
  return null;
}

/** Keys must be the item's own; every one of them unless the answer may be incomplete. */
function checkKeys(
  field: string,
  given: Readonly<Record<string, unknown>>,
  expected: readonly string[],
  what: string,
  options: CheckAnswerOptions,
): AnswerProblem | null {
  const unknown = Object.keys(given).filter((key) => !expected.includes(key));
  if (unknown.length > 0) {
    return { field, message: `this item has no ${what} ${quoted(unknown)}` };
  }
  const missing = expected.filter((key) => !Object.hasOwn(given, key));
  if (missing.length > 0 && !options.allowIncomplete) {
    return { field, message: `give an answer for every ${what} (missing: ${quoted(missing)})` };
  }
  return null;
}

function checkForecast(
  item: ForecastItem,
  probabilities: Readonly<Record<string, number>>,
  options: CheckAnswerOptions,
): AnswerProblem | null {
  const ids = item.scenarios.map((s) => s.id);
  const keyProblem = checkKeys('probabilities', probabilities, ids, 'scenario', options);
  if (keyProblem) return keyProblem;
  for (const [id, percent] of Object.entries(probabilities)) {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      return { field: `probabilities.${id}`, message: 'must be a number from 0 to 100' };
    }
  }
  return null;
}

function checkClaims(
  item: ClaimCheckItem,
  categories: Readonly<Record<string, string>>,
  options: CheckAnswerOptions,
): AnswerProblem | null {
  const ids = item.claims.map((c) => c.id);
  const keyProblem = checkKeys('categories', categories, ids, 'claim', options);
  if (keyProblem) return keyProblem;
  const known: readonly string[] = CLAIM_CATEGORIES;
  for (const [id, category] of Object.entries(categories)) {
    if (!known.includes(category)) {
      return { field: `categories.${id}`, message: `must be one of ${known.join(', ')}` };
    }
  }
  return null;
}

/**
 * Whether an answer fits the item it answers: a single-choice poll takes exactly one of its
 * option ids and a multiple-choice poll distinct ids of its own; a scale a point on its scale;
 * a forecast every scenario of the item, each 0-100; a claim check every claim of the item,
 * each sorted into a known category. A prompt's or a piece of
 * writing's text may be empty: the student cleared it.
 */
export function checkAnswerForItem(
  item: Item,
  answer: Answer,
  options: CheckAnswerOptions = {},
): AnswerProblem | null {
  if (answer.kind !== item.kind) {
    return { field: 'kind', message: `this item takes a ${item.kind} answer` };
  }
  switch (answer.kind) {
    case 'prompt':
    case 'writing':
      return null;
    case 'poll':
      return item.kind === 'poll' ? checkPoll(item, answer.optionIds) : null;
    case 'scale':
      return Number.isInteger(answer.value) &&
        answer.value >= 1 &&
        answer.value <= SCALE_LABELS.length
        ? null
        : { field: 'value', message: `must be a whole number from 1 to ${SCALE_LABELS.length}` };
    case 'forecast':
      return item.kind === 'forecast' ? checkForecast(item, answer.probabilities, options) : null;
    case 'claimCheck':
      return item.kind === 'claimCheck' ? checkClaims(item, answer.categories, options) : null;
  }
}
