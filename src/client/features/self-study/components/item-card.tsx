import { getItemQuestion } from '#domain/lesson/item-question';
import { useId, type Ref } from 'react';
import { isItemAnswered, takesAnAnswer, type Answer } from '#domain/lesson/answers';
import type { StudentItem as Item } from '#domain/lesson/answer-key-schemas';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import { ItemAnswer } from '#shared/components/items/item-answer';

/** One question of a section: its kind, the question, the answer controls and skip. */
export function ItemCard({
  item,
  position,
  count,
  answer,
  isSkipped,
  headingRef,
  onAnswer,
  onSkip,
}: {
  readonly item: Item;
  readonly position: number;
  readonly count: number;
  readonly answer: Answer | undefined;
  readonly isSkipped: boolean;
  /** The question's heading, where focus moves when the question before it is skipped. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly onAnswer: (answer: Answer) => void;
  readonly onSkip: () => void;
}) {
  const headingId = useId();
  const isAnswered = isItemAnswered(item, answer);
  return (
    <section className="item" aria-labelledby={headingId}>
      <p className="item-kind">
        {ITEM_KIND_LABELS[item.kind]} · question {position} of {count}
        {item.extension === true ? ' · extension: if you have time' : ''}
      </p>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="item-question">
        {getItemQuestion(item)}
      </h2>
      <ItemAnswer item={item} labelId={headingId} answer={answer} onAnswer={onAnswer} />
      {takesAnAnswer(item) ? (
        <div className="item-footer">
          {isAnswered ? (
            <p className="status status-done">Answered and saved on this device.</p>
          ) : isSkipped ? (
            <p className="status">Skipped. You can still answer it.</p>
          ) : (
            <button type="button" className="button button-quiet" onClick={onSkip}>
              Skip this question
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
