import { useQuery } from '@tanstack/react-query';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { formatDate } from '#shared/lib/format';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { dueForecastsQuery } from '../api/teacher-forecasts-api';

/**
 * On the teacher's home: forecast questions past their close date and not yet resolved, each
 * with a link to its forecasts page. Nothing at all while there are none.
 */
export function DueForecasts() {
  const due = useQuery(dueForecastsQuery());
  if (due.isPending) return null;
  if (due.isError) {
    return <ApiErrorAlert lead="Forecasts to resolve could not be loaded: " error={due.error} />;
  }
  const { questions } = due.data;
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="due-forecasts-heading" className="notice">
      <h2 id="due-forecasts-heading">Forecasts to resolve ({questions.length})</h2>
      <p>
        These questions are past their close date: say what happened, and students see their scores.
      </p>
      <ul>
        {questions.map((question) => (
          <li key={`${question.sessionId}/${question.itemId}`}>
            <Link
              to={
                question.classId === null
                  ? routes.teacherForecasts.build({ sessionId: question.sessionId })
                  : routes.classForecasts.build({ classId: question.classId })
              }
            >
              {question.question}
            </Link>{' '}
            <span className="hint">
              ({question.className ?? question.lessonTitle}; closed {formatDate(question.closesOn)},{' '}
              {question.unresolvedScenarioCount} unresolved)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
