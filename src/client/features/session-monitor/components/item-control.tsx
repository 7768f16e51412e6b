import { useId, useRef, type ReactNode } from 'react';
import { takesAnAnswer } from '#domain/lesson/answers';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Item } from '#domain/lesson/lesson-schema';
import type { ForecastScores } from '#domain/api/dashboard-contracts';
import type { ItemResults, ItemState } from '#domain/api/live-contracts';
import { ItemResultsView } from '#shared/components/items/item-results';
import { useFocusWhenLost } from '#shared/hooks/use-focus-when-lost';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import { ForecastOutcomes } from './reveal-outcomes-form';
import { useSessionAction } from './use-session-action';
import { SessionActionButton } from './session-action-button';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

const STATUS_TEXT: Record<ItemState['status'], string> = {
  pending: 'not opened',
  open: 'open',
  closed: 'closed',
};

/** One question of the current section: its state, how many answered, and the teacher's controls. */
export function ItemControl({
  sessionId,
  item,
  state,
  answered,
  participantCount,
  results,
  scores,
  isEnded,
  children,
}: {
  readonly sessionId: string;
  readonly item: Item;
  readonly state: ItemState;
  readonly answered: number;
  readonly participantCount: number;
  readonly results: ItemResults | undefined;
  /** A forecast's revealed outcomes and the class's scores. */
  readonly scores: ForecastScores | undefined;
  readonly isEnded: boolean;
  /** What the item's kind adds below the controls (class statements: their panel). */
  readonly children?: ReactNode;
}) {
  const headingId = useId();
  const action = useSessionAction(sessionId);
  const { status, isRevealed } = state;
  // "Reveal results" goes once results are revealed: the line that says so takes the focus.
  const stateLineRef = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(stateLineRef, `${status} ${String(isRevealed)} ${String(action.isPending)}`);
  return (
    <section className="item" aria-labelledby={headingId}>
      <p className="item-kind">
        {ITEM_KIND_LABELS[item.kind]}
        {item.extension === true ? ' · extension' : ''}
      </p>
      <h3 id={headingId} className="item-question">
        {getItemQuestion(item)}
      </h3>
      <p className="item-state" ref={stateLineRef} tabIndex={-1}>
        <span className={`pill pill-${status}`}>Status: {STATUS_TEXT[status]}</span>
        {isRevealed ? <span className="pill pill-revealed">Results revealed</span> : null}
        {takesAnAnswer(item) ? (
          <span role="status" className="answer-count">
            {answered} of {participantCount} answered
          </span>
        ) : null}
      </p>
      {isEnded ? null : (
        <div className="button-row">
          {status !== 'open' ? (
            <SessionActionButton
              action={action}
              request={{ type: 'open-item', itemId: item.id }}
              isPrimary
            >
              {status === 'closed' ? 'Reopen' : 'Open'}
            </SessionActionButton>
          ) : (
            <SessionActionButton action={action} request={{ type: 'close-item', itemId: item.id }}>
              Close
            </SessionActionButton>
          )}
          {isRevealed || !takesAnAnswer(item) ? null : (
            <SessionActionButton action={action} request={{ type: 'reveal-item', itemId: item.id }}>
              Reveal results
            </SessionActionButton>
          )}
        </div>
      )}
      <ApiErrorAlert error={action.error} />
      {results && results.responses > 0 ? (
        <ItemResultsView
          item={item}
          results={results}
          caption={isRevealed ? 'Results (shown to the class)' : 'Results (only you see these)'}
        />
      ) : null}
      {item.kind === 'forecast' ? (
        <ForecastOutcomes sessionId={sessionId} item={item} scores={scores} />
      ) : null}
      {children}
    </section>
  );
}
