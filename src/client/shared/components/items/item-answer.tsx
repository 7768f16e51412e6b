import { lazy, Suspense } from 'react';
import type { Answer } from '#domain/lesson/answers';
import type { StudentItem as Item } from '#domain/lesson/answer-key-schemas';
import { PollAnswer } from './poll-answer';
import { PromptAnswer } from './prompt-answer';
import { ScaleAnswer } from './scale-answer';

// Forecasts, claim checks and writing tasks come in a few sections only: their controls load
// when one shows, keeping them out of the first download (the service worker has them for
// offline use).
const ForecastAnswer = lazy(async () => ({
  default: (await import('./forecast-answer')).ForecastAnswer,
}));
const ClaimCheckAnswer = lazy(async () => ({
  default: (await import('./claim-check-answer')).ClaimCheckAnswer,
}));
const WritingAnswer = lazy(async () => ({
  default: (await import('./writing-answer')).WritingAnswer,
}));

const StatementsAlone = lazy(async () => ({
  default: (await import('./statements-alone')).StatementsAlone,
}));

function Loading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

/** The answer controls for any kind of item, given the item's current answer. */
export function ItemAnswer({
  item,
  labelId,
  answer,
  onAnswer,
  disabled = false,
  isExplanationShown = true,
}: {
  readonly item: Item;
  /** The id of the element that names the question (its heading). */
  readonly labelId: string;
  readonly answer: Answer | undefined;
  readonly onAnswer: (answer: Answer) => void;
  /** Shows the answer read-only: answering is closed. */
  readonly disabled?: boolean;
  /**
   * Whether the lesson's own answer may show once the question is answered: a poll's note on
   * its options, a claim check's sorting, a writing task's model answer. Off while it could
   * still spoil the question (in class, until the teacher reveals the results).
   */
  readonly isExplanationShown?: boolean;
}) {
  switch (item.kind) {
    case 'prompt':
      return (
        <PromptAnswer
          item={item}
          labelId={labelId}
          answer={answer?.kind === 'prompt' ? answer : undefined}
          onAnswer={onAnswer}
          disabled={disabled}
        />
      );
    case 'poll':
      return (
        <PollAnswer
          item={item}
          labelId={labelId}
          answer={answer?.kind === 'poll' ? answer : undefined}
          onAnswer={onAnswer}
          disabled={disabled}
          isExplanationShown={isExplanationShown}
        />
      );
    case 'scale':
      return (
        <ScaleAnswer
          item={item}
          labelId={labelId}
          answer={answer?.kind === 'scale' ? answer : undefined}
          onAnswer={onAnswer}
          disabled={disabled}
        />
      );
    case 'forecast':
      return (
        <Suspense fallback={<Loading />}>
          <ForecastAnswer
            item={item}
            answer={answer?.kind === 'forecast' ? answer : undefined}
            onAnswer={onAnswer}
            disabled={disabled}
          />
        </Suspense>
      );
    case 'claimCheck':
      return (
        <Suspense fallback={<Loading />}>
          <ClaimCheckAnswer
            item={item}
            answer={answer?.kind === 'claimCheck' ? answer : undefined}
            onAnswer={onAnswer}
            disabled={disabled}
            isExplanationShown={isExplanationShown}
          />
        </Suspense>
      );
    case 'writing':
      return (
        <Suspense fallback={<Loading />}>
          <WritingAnswer
            item={item}
            labelId={labelId}
            answer={answer?.kind === 'writing' ? answer : undefined}
            onAnswer={onAnswer}
            disabled={disabled}
            isModelAnswerShown={isExplanationShown}
          />
        </Suspense>
      );
    case 'statements':
      return (
        <Suspense fallback={<Loading />}>
          <StatementsAlone item={item} />
        </Suspense>
      );
  }
}
