import type { Answer } from './answers';
import { CLAIM_CATEGORY_LABELS, SCALE_LABELS } from './lesson-constants';
import type { Item } from './lesson-schema';

/**
 * An answer as one line of plain text, for exports and transcripts: a prompt's text, a poll's
 * option labels, a scale's point, each forecast scenario with its percentage, each claim with
 * the category chosen. Parts are separated by "; ".
 */
export function formatAnswerText(item: Item, answer: Answer): string {
  if (answer.kind !== item.kind) return '';
  switch (answer.kind) {
    case 'prompt':
    case 'writing':
      return answer.text;
    case 'poll': {
      if (item.kind !== 'poll') return '';
      return item.options
        .filter((o) => answer.optionIds.includes(o.id))
        .map((o) => o.label)
        .join('; ');
    }
    case 'scale':
      return `${answer.value} (${SCALE_LABELS[answer.value - 1] ?? '?'})`;
    case 'forecast': {
      if (item.kind !== 'forecast') return '';
      return item.scenarios
        .flatMap((s) => {
          const percent = answer.probabilities[s.id];
          return percent === undefined ? [] : [`${s.statement} ${percent} %`];
        })
        .join('; ');
    }
    case 'claimCheck': {
      if (item.kind !== 'claimCheck') return '';
      return item.claims
        .flatMap((c) => {
          const category = answer.categories[c.id];
          return category === undefined ? [] : [`"${c.quote}": ${CLAIM_CATEGORY_LABELS[category]}`];
        })
        .join('; ');
    }
  }
}
