import type { Answer } from '#domain/lesson/answers';
import { keyedClaimCheck, keyedForecast } from '#domain/lesson/answer-keys';
import type { StudentClaimCheckItem, StudentForecastItem } from '#domain/lesson/answer-key-schemas';

/**
 * What the review (on the page and in the Markdown download) shows of a forecast or a claim
 * check: the student's answer, and the item with its key, or null while the key is not due
 * (`isRevealed` false) or has not arrived yet.
 */
export function forecastReview(
  item: StudentForecastItem,
  answer: Answer | undefined,
  isRevealed: boolean,
) {
  return {
    probabilities: answer?.kind === 'forecast' ? answer.probabilities : {},
    keyed: isRevealed ? keyedForecast(item) : null,
  };
}

export function claimCheckReview(
  item: StudentClaimCheckItem,
  answer: Answer | undefined,
  isRevealed: boolean,
) {
  return {
    categories: answer?.kind === 'claimCheck' ? answer.categories : {},
    keyed: isRevealed ? keyedClaimCheck(item) : null,
  };
}
