import type { StudentForecastScenario as ForecastScenario } from '#domain/lesson/answer-key-schemas';

/** The column heading for the lesson's reading of the article, the same in every table. */
export const LESSON_READING_HEADING = 'The lesson’s reading of the article';

/**
 * A table cell with the lesson's reading of a scenario: the probability the article seems to
 * give it and, under it, the one-line reason; "No view given" when the article gives none.
 */
export function LessonReadingCell({ scenario }: { readonly scenario: ForecastScenario }) {
  const reading = scenario.lessonReading;
  if (!reading) return <td>No view given</td>;
  return (
    <td>
      <strong>{reading.probability} %</strong>
      <span className="reading-reason">{reading.reason}</span>
    </td>
  );
}
