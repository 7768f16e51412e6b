import { useId, useRef } from 'react';
import { useFocusWhenLost } from '#shared/hooks/use-focus-when-lost';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { formatDate } from '#shared/lib/format';
import { formatMadeAt } from '../lib/forecast-days';
import {
  describeCloseDate,
  describeForecasters,
  formatScore,
  lastScoredDay,
  STATUS_TEXT,
} from '../lib/question-text';
import type { TeacherQuestion } from '../lib/view-types';
import { CloseDateForm } from './close-date-form';
import { ForecastHistoryChart } from './forecast-history-chart';
import { ResolveForm } from './resolve-form';
import { ScenarioOutcome } from './scenario-outcome';

function StudentsTable({ question }: { readonly question: TeacherQuestion }) {
  if (question.students.length === 0) return <p>No student has forecast this question yet.</p>;
  return (
    <TableScrollBox
      caption="Each student’s latest forecast and score"
      columns={[
        'Student',
        'Versions',
        // Numbered, as the scenarios' headings above: a statement is too long for a column.
        ...question.scenarios.map((_, index) => `Scenario ${index + 1}`),
        'Latest reason',
        'Time-weighted Brier',
        'Log score',
      ]}
    >
      <tbody>
        {question.students.map((student) => (
          <tr key={student.participantId}>
            <th scope="row">{student.label}</th>
            <td>
              {student.versionCount}
              {student.latest ? (
                <span className="hint"> (last {formatMadeAt(student.latest.madeAt)})</span>
              ) : null}
            </td>
            {question.scenarios.map((scenario) => {
              const percent = student.latest?.probabilities[scenario.id];
              return <td key={scenario.id}>{percent === undefined ? '–' : `${percent} %`}</td>;
            })}
            <td>{student.latest?.reason ?? '–'}</td>
            <td>{formatScore(student.timeWeightedBrier)}</td>
            <td>{formatScore(student.logScore)}</td>
          </tr>
        ))}
      </tbody>
    </TableScrollBox>
  );
}

/**
 * One question on the teacher's forecasts page: where it stands, its close date, the
 * resolution form, per scenario the outcome and the class median's history, and each student's
 * latest forecast with their scores.
 */
export function TeacherQuestionCard({
  question,
  today,
  showsLesson,
}: {
  readonly question: TeacherQuestion;
  readonly today: string;
  /** A class's page names each question's lesson (its sessions may differ). */
  readonly showsLesson: boolean;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Resolving closes the form the focus was in: the question's heading takes it.
  useFocusWhenLost(headingRef, question.status);
  return (
    <article className="forecast-question" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {question.question}
      </h3>
      <ul className="question-facts">
        <li>
          <span className="status-badge">{STATUS_TEXT[question.status]}</span>
        </li>
        {showsLesson ? <li>{question.lessonTitle}</li> : null}
        <li>Opened {formatDate(question.opensOn)}</li>
        <li>{describeCloseDate(question)}</li>
        <li>{describeForecasters(question.forecasterCount)}</li>
        {question.classScore ? (
          <li>
            Class median: Brier {formatScore(question.classScore.timeWeightedBrier)}, log{' '}
            {formatScore(question.classScore.logScore)}
          </li>
        ) : null}
      </ul>
      {question.status === 'resolved' ? null : <CloseDateForm question={question} today={today} />}
      {question.scenarios.map((scenario, index) => (
        <section key={scenario.id} className="scenario-history" aria-label={scenario.statement}>
          <h4>
            Scenario {index + 1}: {scenario.statement}
          </h4>
          <ScenarioOutcome resolution={scenario.resolution} />
          <ForecastHistoryChart
            statement={scenario.statement}
            median={scenario.classMedian}
            opensOn={question.opensOn}
            lastDay={lastScoredDay(question.closesOn, scenario.resolution, today)}
            today={today}
          />
        </section>
      ))}
      <StudentsTable question={question} />
      <details className="resolve-details" open={question.status === 'closed'}>
        <summary>
          {question.status === 'resolved' ? 'Correct the resolution' : 'Resolve this question'}
        </summary>
        <ResolveForm question={question} today={today} />
      </details>
    </article>
  );
}
