import type { StudentForecastItem as ForecastItem } from '#domain/lesson/answer-key-schemas';
import type { ForecastScores } from '#domain/api/dashboard-contracts';
import { formatBrier } from '../../lib/describe-answer';
import { CalibrationChart } from '../charts/calibration-chart';
import { LESSON_READING_HEADING, LessonReadingCell } from './lesson-reading';
import { TableScrollBox } from '../table-scroll-box';

const orDash = (value: number | null | undefined, format: (v: number) => string) =>
  value === null || value === undefined ? '–' : format(value);
const percent = (value: number) => `${Math.round(value)} %`;

/**
 * The revealed outcomes of a forecast and the Brier scores they give (0 is perfect, 0.25 is what
 * always saying 50 % earns): per scenario what happened, the class's mean forecast and Brier
 * score, and, for a student, their own. The teacher's copy adds each student's mean score and the
 * class's calibration, drawn as a chart beside its table. Everything is a table with a caption, so
 * a screen reader reads it as one.
 */
export function ForecastScoresView({
  item,
  scores,
  headingLevel = 3,
}: {
  readonly item: ForecastItem;
  readonly scores: ForecastScores;
  readonly headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  const { mine } = scores;
  return (
    <div className="forecast-scores">
      <Heading>Outcomes and Brier scores</Heading>
      <p className="hint">
        A Brier score is 0 for a perfect forecast; always saying 50 % earns 0.25; lower is better.
      </p>
      <TableScrollBox
        caption="What happened, and how the forecasts scored"
        tableClassName="table results-table"
        columns={[
          'Scenario',
          'Outcome',
          'Class mean forecast',
          LESSON_READING_HEADING,
          'Class Brier score',
          mine ? 'Your Brier score' : null,
        ]}
      >
        <tbody>
          {scores.scenarios.map((scenario) => {
            const statement =
              item.scenarios.find((s) => s.id === scenario.scenarioId)?.statement ??
              scenario.scenarioId;
            const outcome = scores.outcomes[scenario.scenarioId];
            const lessonScenario = item.scenarios.find((s) => s.id === scenario.scenarioId);
            return (
              <tr key={scenario.scenarioId}>
                <th scope="row">{statement}</th>
                <td>
                  <strong>{scenario.happened ? 'Happened' : 'Did not happen'}</strong>
                  {outcome ? `: ${outcome.text}` : null}
                </td>
                <td>{orDash(scenario.classMean, percent)}</td>
                {lessonScenario ? <LessonReadingCell scenario={lessonScenario} /> : <td>–</td>}
                <td>{orDash(scenario.classBrier, formatBrier)}</td>
                {mine ? (
                  <td>{orDash(mine.perScenario[scenario.scenarioId], formatBrier)}</td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </TableScrollBox>
      <div className="score-facts">
        {mine ? (
          <p>
            Your mean Brier score: <strong>{orDash(mine.meanBrier, formatBrier)}</strong>
          </p>
        ) : null}
        <p>
          The class’s mean Brier score:{' '}
          <strong>{orDash(scores.classMeanBrier, formatBrier)}</strong>
        </p>
      </div>
      {scores.students && scores.students.length > 0 ? (
        <TableScrollBox
          caption="Each student’s mean Brier score"
          tableClassName="table results-table"
          columns={['Student', 'Mean Brier score']}
        >
          <tbody>
            {scores.students.map((student) => (
              <tr key={student.participantId}>
                <th scope="row">{student.label}</th>
                <td>{orDash(student.meanBrier, formatBrier)}</td>
              </tr>
            ))}
          </tbody>
        </TableScrollBox>
      ) : null}
      {scores.calibration && scores.calibration.length > 0 ? (
        <div className="chart-beside">
          <CalibrationChart rows={scores.calibration} />
          <TableScrollBox
            caption="Calibration: how often what the class forecast actually happened"
            tableClassName="table results-table"
            columns={['Forecasts of about', 'Made', 'Happened', 'Observed rate']}
          >
            <tbody>
              {scores.calibration.map((row) => (
                <tr key={row.from}>
                  <th scope="row">
                    {row.from}–{row.to} %
                  </th>
                  <td>{row.forecasts}</td>
                  <td>{row.happened}</td>
                  <td>{orDash(row.observedRate, (rate) => percent(rate * 100))}</td>
                </tr>
              ))}
            </tbody>
          </TableScrollBox>
        </div>
      ) : null}
    </div>
  );
}
