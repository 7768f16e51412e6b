import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StatementsItem } from '#domain/lesson/lesson-schema';
import type { StatementStatus, TeacherStatementsView } from '#domain/api/statements-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { OpinionMapView } from '#shared/components/charts/opinion-map-chart';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { queryKeys } from '#shared/lib/query-keys';
import { moderateStatement, teacherStatementsQuery } from '../api/session-monitor-api';

const STATUS_TEXT: Readonly<Record<StatementStatus, string>> = {
  pending: 'Waiting for approval',
  shown: 'Shown',
  hidden: 'Hidden',
};

type Statement = TeacherStatementsView['statements'][number];

function ModerationButtons({
  statement,
  isEnded,
  onModerate,
  isPending,
}: {
  readonly statement: Statement;
  readonly isEnded: boolean;
  readonly onModerate: (statementId: string, status: 'shown' | 'hidden') => void;
  readonly isPending: boolean;
}) {
  if (isEnded) return null;
  const short = statement.text.length > 40 ? `${statement.text.slice(0, 40)}…` : statement.text;
  return (
    <span className="button-row">
      {statement.status === 'shown' ? null : (
        <button
          type="button"
          className="button button-small"
          aria-disabled={isPending}
          aria-label={`${statement.status === 'pending' ? 'Approve' : 'Show'} “${short}”`}
          onClick={() => {
            if (!isPending) onModerate(statement.id, 'shown');
          }}
        >
          {statement.status === 'pending' ? 'Approve' : 'Show'}
        </button>
      )}
      {statement.status === 'hidden' ? null : (
        <button
          type="button"
          className="button button-small button-quiet"
          aria-disabled={isPending}
          aria-label={`Hide “${short}”`}
          onClick={() => {
            if (!isPending) onModerate(statement.id, 'hidden');
          }}
        >
          Hide
        </button>
      )}
    </span>
  );
}

/**
 * A class-statements item on the teacher's monitor: statements waiting for approval, every
 * statement with who wrote it and its votes, and the class's opinion map with each group's
 * members by name.
 */
export function StatementsPanel({
  sessionId,
  item,
  isEnded,
}: {
  readonly sessionId: string;
  readonly item: StatementsItem;
  readonly isEnded: boolean;
}) {
  const queryClient = useQueryClient();
  const query = useQuery(teacherStatementsQuery(sessionId, item.id));
  const moderation = useMutation({
    mutationFn: ({ statementId, status }: { statementId: string; status: 'shown' | 'hidden' }) =>
      moderateStatement(sessionId, item.id, statementId, status),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.teacherStatements(sessionId, item.id), view);
    },
  });
  if (query.isPending) return <p role="status">Loading the statements…</p>;
  if (query.isError) {
    return <ApiErrorAlert error={query.error} lead="The statements could not be loaded: " />;
  }
  const { statements, map, members } = query.data;
  const pending = statements.filter((s) => s.status === 'pending');
  const onModerate = (statementId: string, status: 'shown' | 'hidden') => {
    moderation.mutate({ statementId, status });
  };
  return (
    <div className="statements-panel">
      <ApiErrorAlert error={moderation.error} />
      <h4>Waiting for your approval ({pending.length})</h4>
      {pending.length === 0 ? (
        <p className="hint">
          {item.requireApproval
            ? 'Nothing waiting. Students’ statements wait here before the class sees them.'
            : 'Students’ statements go to the class at once; you can hide any below.'}
        </p>
      ) : (
        <ul aria-label="Statements waiting for approval">
          {pending.map((statement) => (
            <li key={statement.id}>
              “{statement.text}” <span className="hint">by {statement.author}</span>{' '}
              <ModerationButtons
                statement={statement}
                isEnded={isEnded}
                onModerate={onModerate}
                isPending={moderation.isPending}
              />
            </li>
          ))}
        </ul>
      )}
      <h4>Opinion map</h4>
      <OpinionMapView map={map} members={members} headingLevel={4} />
      <h4>Every statement ({statements.length})</h4>
      {statements.length === 0 ? (
        <p>No statements yet.</p>
      ) : (
        <TableScrollBox
          caption="Statements with their votes"
          isCaptionHidden
          columns={[
            'Statement',
            'Written by',
            'Status',
            'Agree',
            'Disagree',
            'Pass',
            isEnded ? null : 'Change',
          ]}
        >
          <tbody>
            {statements.map((statement) => (
              <tr key={statement.id}>
                <th scope="row">{statement.text}</th>
                <td>{statement.author ?? 'the lesson'}</td>
                <td>{STATUS_TEXT[statement.status]}</td>
                <td className="number">{statement.agree}</td>
                <td className="number">{statement.disagree}</td>
                <td className="number">{statement.pass}</td>
                {isEnded ? null : (
                  <td>
                    <ModerationButtons
                      statement={statement}
                      isEnded={isEnded}
                      onModerate={onModerate}
                      isPending={moderation.isPending}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </TableScrollBox>
      )}
    </div>
  );
}
