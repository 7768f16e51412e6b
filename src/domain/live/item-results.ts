import type { Answer } from '../lesson/answers';
import { SCALE_LABELS } from '../lesson/lesson-constants';
import type { Item } from '../lesson/lesson-schema';
import { distribution, mean, median, percentHistogram } from '../scoring/aggregate';
import type { ItemResults } from '../api/live-contracts';

/**
 * The class's results for one item from everyone's answers: counts per option for polls and
 * scales, mean and median per forecast scenario, the share sorting each claim as expected.
 * Answers of another kind than the item are ignored.
 */
export function computeItemResults(item: Item, answers: readonly Answer[]): ItemResults {
  switch (item.kind) {
    case 'poll': {
      const chosen = answers.flatMap((a) => (a.kind === 'poll' ? a.optionIds : []));
      const responses = answers.filter((a) => a.kind === 'poll').length;
      const counts = distribution(
        item.options.map((o) => o.id),
        chosen,
      ).map(({ key, count }) => ({ key, count }));
      return { kind: 'choice', itemId: item.id, responses, counts };
    }
    case 'scale': {
      const values = answers.flatMap((a) => (a.kind === 'scale' ? [a.value] : []));
      const counts = distribution(
        SCALE_LABELS.map((_, i) => i + 1),
        values,
      ).map(({ key, count }) => ({ key: String(key), count }));
      return { kind: 'choice', itemId: item.id, responses: values.length, counts };
    }
    case 'forecast': {
      const forecasts = answers.flatMap((a) => (a.kind === 'forecast' ? [a.probabilities] : []));
      return {
        kind: 'forecast',
        itemId: item.id,
        responses: forecasts.length,
        scenarios: item.scenarios.map((scenario) => {
          const values = forecasts.flatMap((p) => {
            const value = p[scenario.id];
            return value === undefined ? [] : [value];
          });
          return {
            scenarioId: scenario.id,
            mean: mean(values),
            median: median(values),
            count: values.length,
            buckets: percentHistogram(values, 10).map((bucket) => bucket.count),
          };
        }),
      };
    }
    case 'claimCheck': {
      const sorts = answers.flatMap((a) => (a.kind === 'claimCheck' ? [a.categories] : []));
      return {
        kind: 'claimCheck',
        itemId: item.id,
        responses: sorts.length,
        claims: item.claims.map((claim) => ({
          claimId: claim.id,
          asExpected: sorts.filter((s) => s[claim.id] === claim.expected).length,
        })),
      };
    }
    case 'statements':
      // Its votes are not answers: the opinion map (discussion/) is its result.
      return { kind: 'text', itemId: item.id, responses: 0 };
    case 'prompt':
    case 'writing':
      return {
        kind: 'text',
        itemId: item.id,
        responses: answers.filter((a) => a.kind === item.kind).length,
      };
  }
}
