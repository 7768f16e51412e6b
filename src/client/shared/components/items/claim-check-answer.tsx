import { useId } from 'react';
import { isItemAnswered, type AnswerFor } from '#domain/lesson/answers';
import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS } from '#domain/lesson/lesson-constants';
import type { ClaimCategory } from '#domain/lesson/lesson-schema';
import { keyedClaimCheck } from '#domain/lesson/answer-keys';
import type {
  StudentClaim as Claim,
  StudentClaimCheckItem as ClaimCheckItem,
} from '#domain/lesson/answer-key-schemas';

function ClaimChoice({
  itemId,
  claim,
  chosen,
  onChoose,
  disabled,
}: {
  readonly itemId: string;
  readonly claim: Claim;
  readonly chosen: ClaimCategory | undefined;
  readonly onChoose: (category: ClaimCategory) => void;
  readonly disabled: boolean;
}) {
  const quoteId = useId();
  return (
    <div className="claim">
      <blockquote id={quoteId} className="claim-quote">
        {claim.quote}
      </blockquote>
      <div role="radiogroup" aria-labelledby={quoteId} className="choices inline">
        {CLAIM_CATEGORIES.map((category) => (
          <label key={category} className="choice">
            <input
              type="radio"
              name={`claim-${itemId}-${claim.id}`}
              value={category}
              checked={chosen === category}
              disabled={disabled}
              onChange={() => {
                onChoose(category);
              }}
            />
            <span>{CLAIM_CATEGORY_LABELS[category]}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

export function ClaimCheckAnswer({
  item,
  answer,
  onAnswer,
  disabled = false,
  isExplanationShown = true,
}: {
  readonly item: ClaimCheckItem;
  readonly answer: AnswerFor<'claimCheck'> | undefined;
  readonly onAnswer: (answer: AnswerFor<'claimCheck'>) => void;
  /** Shows the sorting read-only, e.g. once the teacher has closed the question. */
  readonly disabled?: boolean;
  /**
   * Whether a complete answer may open the lesson's own sorting. In class the teacher reveals it
   * when the discussion is over, so a live session turns this off until then.
   */
  readonly isExplanationShown?: boolean;
}) {
  const categories = answer?.categories ?? {};
  const isDone = isItemAnswered(item, answer);
  // The lesson's sorting is the item's answer key: it arrives once the item is done.
  const keyed = keyedClaimCheck(item);
  return (
    <div className="field">
      {item.claims.map((claim) => (
        <ClaimChoice
          key={claim.id}
          itemId={item.id}
          claim={claim}
          chosen={categories[claim.id]}
          disabled={disabled}
          onChoose={(category) => {
            onAnswer({ kind: 'claimCheck', categories: { ...categories, [claim.id]: category } });
          }}
        />
      ))}
      {!isExplanationShown ? null : isDone && keyed ? (
        <details className="compare">
          <summary>Compare with the lesson’s sorting</summary>
          <ul>
            {keyed.claims.map((claim) => (
              <li key={claim.id}>
                <q>{claim.quote}</q>: you said{' '}
                <strong>{CLAIM_CATEGORY_LABELS[categories[claim.id] ?? claim.expected]}</strong>;
                the lesson says <strong>{CLAIM_CATEGORY_LABELS[claim.expected]}</strong>.{' '}
                {claim.explanation}
              </li>
            ))}
          </ul>
        </details>
      ) : isDone ? (
        <p className="hint">The lesson’s sorting shows once this device is online.</p>
      ) : (
        <p className="hint">Sort every sentence to compare with the lesson’s sorting.</p>
      )}
    </div>
  );
}
