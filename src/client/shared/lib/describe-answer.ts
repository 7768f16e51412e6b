import type { Answer } from '#domain/lesson/answers';
import { CLAIM_CATEGORY_LABELS, SCALE_LABELS } from '#domain/lesson/lesson-constants';
import type { StudentItem as Item } from '#domain/lesson/answer-key-schemas';

export const ITEM_KIND_LABELS: Record<Item['kind'], string> = {
  prompt: 'Discussion',
  poll: 'Poll',
  scale: 'Agree or disagree',
  forecast: 'Forecast',
  claimCheck: 'Claim check',
  statements: 'Class statements',
  writing: 'Writing task',
};

/** The student's answer to a poll, prompt or scale as plain text (forecasts and claim checks are tables). */
export function describeSimpleAnswer(item: Item, answer: Answer | undefined): string | null {
  if (!answer) return null;
  if (item.kind === 'prompt' && answer.kind === 'prompt') return answer.text.trim() || null;
  if (item.kind === 'writing' && answer.kind === 'writing') return answer.text.trim() || null;
  if (item.kind === 'poll' && answer.kind === 'poll') {
    const labels = item.options.filter((o) => answer.optionIds.includes(o.id)).map((o) => o.label);
    return labels.length > 0 ? labels.join('; ') : null;
  }
  if (item.kind === 'scale' && answer.kind === 'scale') {
    return SCALE_LABELS[answer.value - 1] ?? null;
  }
  return null;
}

/** What a forecast scenario shows for its outcome while the lesson does not know it. */
export const NOT_RESOLVED = 'Not resolved yet';

export function formatBrier(value: number): string {
  return value.toFixed(3);
}

export function formatCategory(category: keyof typeof CLAIM_CATEGORY_LABELS): string {
  return CLAIM_CATEGORY_LABELS[category];
}
