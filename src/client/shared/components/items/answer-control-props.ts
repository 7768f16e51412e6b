import type { Answer, AnswerFor } from '#domain/lesson/answers';

/**
 * What the answer controls of an item kind are given: the item, the id of the element that
 * names its question, the answer so far, and where a changed answer goes.
 */
export interface AnswerControlProps<Kind extends Answer['kind'], KindItem> {
  readonly item: KindItem;
  readonly labelId: string;
  readonly answer: AnswerFor<Kind> | undefined;
  readonly onAnswer: (answer: AnswerFor<Kind>) => void;
  /** Shows the answer read-only, e.g. once the teacher has closed the question. */
  readonly disabled?: boolean;
}
