import { isItemAnswered, takesAnAnswer, type Answer } from '../lesson/answers';
import type { Lesson } from '../lesson/lesson-schema';
import { mean } from '../scoring/aggregate';

/** Grades go to the LMS out of 100. */
export const GRADE_MAXIMUM = 100;

/** What a student has done that is graded, each part present only when there is something to grade. */
export interface GradeInput {
  /** Whether the student has finished the lesson (see `hasFinished`). */
  readonly isFinished: boolean;
  /** The lesson's core items that take an answer, and how many of them the student answered. */
  readonly completion: { readonly answered: number; readonly of: number } | null;
  /**
   * The mean of the student's time-weighted Brier scores over the forecast questions scored so
   * far (at least one scenario resolved yes or no); null before any is.
   */
  readonly forecast: { readonly meanBrier: number; readonly questions: number } | null;
  /** Rubric points over the writing tasks whose feedback the teacher released; null before any. */
  readonly writing: {
    readonly points: number;
    readonly of: number;
    readonly tasks: number;
  } | null;
  /**
   * Whether part of the grade is still to come: a writing task handed in whose feedback is not
   * released, or a forecast the student made on a question not resolved yet.
   */
  readonly isAwaitingMarks: boolean;
}

/** One part of a grade, out of 100. */
export interface GradeComponent {
  readonly name: 'completion' | 'forecast' | 'writing';
  readonly percent: number;
  /** How it reads in the comment the LMS shows. */
  readonly text: string;
}

/** A grade as sent to the LMS (AGS 2.0, 3.4: a score). */
export interface Grade {
  /** The mean of the components, out of 100, to one decimal; null when there is none. */
  readonly scoreGiven: number | null;
  readonly scoreMaximum: typeof GRADE_MAXIMUM;
  readonly components: readonly GradeComponent[];
  readonly comment: string;
  readonly activityProgress: 'Completed' | 'InProgress';
  readonly gradingProgress: 'FullyGraded' | 'Pending' | 'NotReady';
}

/** To one decimal, halves away from zero, as the teacher's page and the LMS both show it. */
export const oneDecimal = (value: number): number => Math.round(value * 10 + Number.EPSILON) / 10;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The core items of the lesson that take an answer, and how many of them have a complete
 * answer. Extension items (extra work) and class statements count in neither.
 */
export function completionOf(
  lesson: Lesson,
  answers: ReadonlyMap<string, Answer>,
): { readonly answered: number; readonly of: number } | null {
  const items = lesson.sections.flatMap((section) =>
    section.items.filter((item) => takesAnAnswer(item) && item.extension !== true),
  );
  if (items.length === 0) return null;
  const answered = items.filter((item) => isItemAnswered(item, answers.get(item.id))).length;
  return { answered, of: items.length };
}

/**
 * A student has finished when the session has ended (the teacher ended a teacher-paced class,
 * or closed a self-paced one), or, in a self-paced session, once they have answered every core
 * item: there is nothing left for them to do.
 */
export function hasFinished(input: {
  readonly sessionStatus: 'open' | 'ended';
  readonly mode: 'teacher-paced' | 'self-paced';
  readonly completion: { readonly answered: number; readonly of: number } | null;
}): boolean {
  if (input.sessionStatus === 'ended') return true;
  const { completion } = input;
  return input.mode === 'self-paced' && completion !== null && completion.answered >= completion.of;
}

/**
 * The grade: the mean of the components present, each out of 100.
 * - completion = 100 × answered ÷ core items that take an answer;
 * - forecast skill = 100 × (1 − mean time-weighted Brier), so always 50 % scores 75, a perfect
 *   forecast 100 and a forecast wholly wrong 0;
 * - writing = 100 × rubric points given ÷ rubric points possible, over the released tasks.
 * The comment names each component and how it was reached.
 */
export function gradeOf(input: GradeInput): Grade {
  const components: GradeComponent[] = [];
  const { completion, forecast, writing } = input;
  if (completion) {
    const percent = oneDecimal((100 * completion.answered) / completion.of);
    components.push({
      name: 'completion',
      percent,
      text: `Completion ${percent}% (${completion.answered} of ${plural(completion.of, 'item', 'items')} answered)`,
    });
  }
  if (forecast) {
    const percent = oneDecimal(100 * (1 - forecast.meanBrier));
    components.push({
      name: 'forecast',
      percent,
      text: `Forecast skill ${percent}% (100 × (1 − time-weighted Brier ${forecast.meanBrier.toFixed(3)}), ${plural(forecast.questions, 'question', 'questions')} scored)`,
    });
  }
  if (writing) {
    const percent = oneDecimal((100 * writing.points) / writing.of);
    components.push({
      name: 'writing',
      percent,
      text: `Writing ${percent}% (${writing.points} of ${writing.of} rubric points, ${plural(writing.tasks, 'task', 'tasks')})`,
    });
  }
  const average = mean(components.map((component) => component.percent));
  const scoreGiven = average === null ? null : oneDecimal(average);
  const parts = components.map((component) => component.text);
  const comment =
    scoreGiven === null
      ? 'Nothing to grade yet.'
      : `${parts.join('; ')}. Grade ${scoreGiven} = the mean of ${plural(parts.length, 'part', 'parts')}.${input.isAwaitingMarks ? ' More marks to come.' : ''}`;
  return {
    scoreGiven,
    scoreMaximum: GRADE_MAXIMUM,
    components,
    comment,
    activityProgress: input.isFinished ? 'Completed' : 'InProgress',
    gradingProgress:
      scoreGiven === null ? 'NotReady' : input.isAwaitingMarks ? 'Pending' : 'FullyGraded',
  };
}
