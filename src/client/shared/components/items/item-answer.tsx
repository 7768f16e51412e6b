import { lazy, Suspense } from 'react';
import type { Answer, AnswerFor } from '#domain/lesson/answers';
import type { AnswerControlProps } from './answer-control-props';
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

/** The item's answer when it is an answer to an item of this kind (undefined otherwise). */
function answerOfKind<K extends Answer['kind']>(
  kind: K,
  answer: Answer | undefined,
): AnswerFor<K> | undefined {
  return answer?.kind === kind ? (answer as AnswerFor<K>) : undefined;
}

/** The answer controls for any kind of item, given the item's current answer. */
export function ItemAnswer({
  item,
  answer,
  labelId,
  isExplanationShown = true,
  ...control
}: AnswerControlProps<Answer['kind'], Item> & {
  /**
   * Whether the lesson's own answer may show once the question is answered: a poll's note on
   * its options, a claim check's sorting, a writing task's model answer. Off while it could
   * still spoil the question (in class, until the teacher reveals the results).
   */
  readonly isExplanationShown?: boolean;
}) {
  // `control` (where an answer goes, whether it is read-only) is the same for every kind.
  switch (item.kind) {
    case 'prompt':
      return (
        <PromptAnswer
          {...control}
          item={item}
          labelId={labelId}
          answer={answerOfKind('prompt', answer)}
        />
      );
    case 'poll':
      return (
        <PollAnswer
          {...control}
          item={item}
          labelId={labelId}
          answer={answerOfKind('poll', answer)}
          isExplanationShown={isExplanationShown}
        />
      );
    case 'scale':
      return (
        <ScaleAnswer
          {...control}
          item={item}
          labelId={labelId}
          answer={answerOfKind('scale', answer)}
        />
      );
    case 'forecast':
      return (
        <Suspense fallback={<Loading />}>
          <ForecastAnswer {...control} item={item} answer={answerOfKind('forecast', answer)} />
        </Suspense>
      );
    case 'claimCheck':
      return (
        <Suspense fallback={<Loading />}>
          <ClaimCheckAnswer
            {...control}
            item={item}
            answer={answerOfKind('claimCheck', answer)}
            isExplanationShown={isExplanationShown}
          />
        </Suspense>
      );
    case 'writing':
      return (
        <Suspense fallback={<Loading />}>
          <WritingAnswer
            {...control}
            item={item}
            labelId={labelId}
            answer={answerOfKind('writing', answer)}
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
