import { useId } from 'react';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { formatDate } from '#shared/lib/format';
import {
  describeCloseDate,
  describeForecasters,
  formatScore,
  lastScoredDay,
  STATUS_TEXT,
} from '../lib/question-text';
import type { StudentQuestion } from '../lib/view-types';
import { ForecastHistoryChart } from './forecast-history-chart';
import { ForecastUpdateForm } from './forecast-update-form';
import { ScenarioOutcome } from './scenario-outcome';

/** The student's scores on a question once a scenario is resolved, beside the class median's. */
function MyScore({ question }: { readonly question: StudentQuestion }) {
  const { myScore, classScore } = question;
  if (myScore === null) {
    return question.status === 'resolved' ? (
      <p>You gave no forecast on this question, so it has no score for you.</p>
    ) : null;
  }
  return (
    <div className="my-score">
      <p className="score-line">
        Your time-weighted Brier score: <strong>{formatScore(myScore.timeWeightedBrier)}</strong>;
        log score: <strong>{formatScore(myScore.logScore)}</strong>.{' '}
        {classScore ? (
          <>
            The class median scored {formatScore(classScore.timeWeightedBrier)} and{' '}
            {formatScore(classScore.logScore)}.
          </>
        ) : null}
      </p>
      <TableScrollBox
        caption="Your scores by scenario"
        columns={['Scenario', 'Time-weighted Brier', 'Log score']}
      >
        <tbody>
          {myScore.scenarios.map((score) => (
            <tr key={score.scenarioId}>
              <th scope="row">
                {question.scenarios.find((s) => s.id === score.scenarioId)?.statement ??
                  score.scenarioId}
              </th>
              <td>{formatScore(score.timeWeightedBrier)}</td>
              <td>{formatScore(score.logScore)}</td>
            </tr>
          ))}
        </tbody>
      </TableScrollBox>
    </div>
  );
}

/**
 * One question on the student's forecasts page: where it stands, the form while it is open,
 * the scores once resolved, and per scenario its outcome and the history chart.
 */
export function StudentQuestionCard({
  sessionId,
  question,
  today,
}: {
  readonly sessionId: string;
  readonly question: StudentQuestion;
  readonly today: string;
}) {
  const headingId = useId();
  return (
    <article className="forecast-question" aria-labelledby={headingId}>
      <h3 id={headingId}>{question.question}</h3>
      <ul className="question-facts">
        <li>
          <span className="status-badge">{STATUS_TEXT[question.status]}</span>
        </li>
        <li>Opened {formatDate(question.opensOn)}</li>
        <li>{describeCloseDate(question)}</li>
        <li>{describeForecasters(question.forecasterCount)}</li>
      </ul>
      {question.status === 'open' ? (
        <ForecastUpdateForm
          // Kept mounted as a version is saved, so the focus stays where the student was; it
          // starts from the newest version when the page is opened again.
          sessionId={sessionId}
          question={question}
        />
      ) : null}
      <MyScore question={question} />
      {question.scenarios.map((scenario) => (
        <section key={scenario.id} className="scenario-history" aria-label={scenario.statement}>
          <h4>{scenario.statement}</h4>
          <ScenarioOutcome resolution={scenario.resolution} />
          <ForecastHistoryChart
            statement={scenario.statement}
            versions={question.myVersions.flatMap((version) => {
              const percent = version.probabilities[scenario.id];
              return percent === undefined
                ? []
                : [{ madeAt: version.madeAt, percent, reason: version.reason }];
            })}
            median={scenario.classMedian}
            opensOn={question.opensOn}
            lastDay={lastScoredDay(question.closesOn, scenario.resolution, today)}
            today={today}
          />
        </section>
      ))}
    </article>
  );
}
