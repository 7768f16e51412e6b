import type { Answer } from '#domain/lesson/answers';
import type { StudentForecastItem as ForecastItem } from '#domain/lesson/answer-key-schemas';
import { scoreForecast } from '#domain/scoring/brier';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { formatBrier, NOT_RESOLVED } from '#shared/lib/describe-answer';
import { formatDate } from '#shared/lib/format';
import { forecastReview } from '../lib/item-review';
import { LESSON_READING_HEADING, LessonReadingCell } from '#shared/components/items/lesson-reading';

/**
 * Said when an item is done but its answer key (asked of the server once it is done) has not
 * arrived: the device was offline then, and it comes when the connection is back.
 */
export const OFFLINE_KEY_HINT =
  'The lesson’s answer for this question shows once this device is back online.';

/** The columns every forecast table starts with (a scored one adds more). */
const FORECAST_COLUMNS = ['Scenario', 'Your forecast'];

/**
 * A forecast not yet given in full: what the student gave, and nothing that would anchor it.
 * `isDue` when it is given but what happened has not arrived yet.
 */
function UnrevealedForecastReview({
  item,
  answer,
  isDue = false,
}: {
  readonly item: ForecastItem;
  readonly answer: Answer | undefined;
  readonly isDue?: boolean;
}) {
  const probabilities = answer?.kind === 'forecast' ? answer.probabilities : {};
  return (
    <>
      <TableScrollBox
        caption={
          <>
            Your forecasts as of {formatDate(item.asOf)}, for what happens by{' '}
            {formatDate(item.horizon)}
          </>
        }
        columns={FORECAST_COLUMNS}
      >
        <tbody>
          {item.scenarios.map((scenario) => {
            const percent = probabilities[scenario.id];
            return (
              <tr key={scenario.id}>
                <th scope="row">{scenario.statement}</th>
                <td>{percent === undefined ? 'Not given' : `${percent} %`}</td>
              </tr>
            );
          })}
        </tbody>
      </TableScrollBox>
      <p className="hint">
        {isDue
          ? OFFLINE_KEY_HINT
          : 'What happened, the lesson’s reading of the article and your score show once you have given every forecast here or finished the lesson.'}
      </p>
    </>
  );
}

/** Why a forecast has no score: no forecast given, or none of those given resolved yet. */
function noScoreReason(
  item: ForecastItem,
  probabilities: Readonly<Record<string, number | undefined>>,
): string {
  const isGiven = item.scenarios.some((s) => probabilities[s.id] !== undefined);
  return isGiven
    ? 'What you forecast is not resolved yet, so there is no score.'
    : 'You gave no forecasts, so there is no score.';
}

export function ForecastReview({
  item,
  answer,
  isRevealed,
}: {
  readonly item: ForecastItem;
  readonly answer: Answer | undefined;
  readonly isRevealed: boolean;
}) {
  const { probabilities, keyed } = forecastReview(item, answer, isRevealed);
  if (!keyed) {
    return <UnrevealedForecastReview item={item} answer={answer} isDue={isRevealed} />;
  }
  const score = scoreForecast(keyed.scenarios, probabilities);
  return (
    <>
      <TableScrollBox
        caption={
          <>
            Your forecasts as of {formatDate(item.asOf)}, scored against what happened by{' '}
            {formatDate(item.horizon)}
          </>
        }
        columns={[...FORECAST_COLUMNS, LESSON_READING_HEADING, 'What happened', 'Brier score']}
      >
        <tbody>
          {keyed.scenarios.map((scenario) => {
            const scored = score.scenarios.find((s) => s.scenarioId === scenario.id);
            return (
              <tr key={scenario.id}>
                <th scope="row">{scenario.statement}</th>
                <td>{scored ? `${scored.percent} %` : 'Not given'}</td>
                <LessonReadingCell scenario={scenario} />
                <td>
                  {scenario.resolution ? (
                    <>
                      <strong>{scenario.resolution.happened ? 'Yes.' : 'No.'}</strong>{' '}
                      {scenario.resolution.text}
                    </>
                  ) : (
                    NOT_RESOLVED
                  )}
                </td>
                <td>{scored ? formatBrier(scored.brier) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </TableScrollBox>
      <p className="score">
        {score.meanBrier === null ? (
          noScoreReason(item, probabilities)
        ) : (
          <>
            Your mean Brier score: <strong>{formatBrier(score.meanBrier)}</strong>
          </>
        )}
      </p>
      <p className="hint">
        The Brier score is the squared distance between your probability and what happened (1 if it
        did, 0 if not). 0 is perfect; always answering 50 % scores 0.250; lower is better.
      </p>
    </>
  );
}
