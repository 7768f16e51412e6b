import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { STATEMENT_TEXT_MAX } from '#domain/lesson/lesson-constants';
import type { StatementsItem } from '#domain/lesson/lesson-schema';
import type { ItemState } from '#domain/api/live-contracts';
import type {
  ClassMap,
  StatementStatus,
  StatementVote,
  StudentStatementsView,
} from '#domain/api/statements-contracts';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import {
  addStatement,
  holdStatementsRefetch,
  storeStatementsView,
  studentStatementsQuery,
  voteOnStatement,
} from '../api/statements-api';

const VOTE_LABELS: Readonly<Record<StatementVote, string>> = {
  agree: 'Agree',
  disagree: 'Disagree',
  pass: 'Pass / unsure',
};

const STATUS_TEXT: Readonly<Record<StatementStatus, string>> = {
  pending: 'Waiting for your teacher’s approval',
  shown: 'Shown to the class, without your name',
  hidden: 'Hidden by your teacher',
};

/** What each part of the card (voting, writing) works on: the student's view of the item. */
interface StatementsPartProps {
  readonly sessionId: string;
  readonly view: StudentStatementsView;
  readonly isOpen: boolean;
}

function VoteCard({ sessionId, view, isOpen }: StatementsPartProps) {
  const queryClient = useQueryClient();
  const statementId = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  /** The focus was on this card's buttons when a vote's answer came. */
  const wasFocusedRef = useRef(false);
  const vote = useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: StatementVote }) =>
      voteOnStatement(sessionId, view.itemId, id, choice),
    onMutate: () => holdStatementsRefetch(queryClient, sessionId, view.itemId),
    onSuccess: async (next) => {
      await holdStatementsRefetch(queryClient, sessionId, view.itemId);
      wasFocusedRef.current = groupRef.current?.contains(document.activeElement) ?? false;
      storeStatementsView(queryClient, sessionId, next);
    },
  });
  const { next } = view;
  useEffect(() => {
    // The last vote's buttons leave the page with the focus on one of them: the focus would
    // fall to the page's start, so it goes to the sentence that says every statement is voted.
    if (next === null && wasFocusedRef.current) doneRef.current?.focus();
    wasFocusedRef.current = false;
  }, [next]);
  return (
    <div className="statement-vote">
      {next ? (
        <div ref={groupRef} role="group" aria-labelledby={statementId}>
          <p className="hint">
            {next.isTeachers ? 'Your teacher’s statement' : 'A classmate’s statement'} (
            {view.votes + 1} of {view.toVoteOn})
          </p>
          <p id={statementId} className="statement-text" aria-live="polite">
            {next.text}
          </p>
          <div className="button-row">
            {(['agree', 'disagree', 'pass'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                className={choice === 'pass' ? 'button button-quiet' : 'button'}
                disabled={!isOpen}
                aria-disabled={vote.isPending}
                onClick={() => {
                  if (!vote.isPending) vote.mutate({ id: next.id, choice });
                }}
              >
                {VOTE_LABELS[choice]}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <p ref={doneRef} tabIndex={-1} className="hint" aria-live="polite">
          {view.toVoteOn === 0
            ? 'No statements to vote on yet.'
            : `You have voted on all ${view.toVoteOn} statements. New ones appear here as classmates write them.`}
        </p>
      )}
      <ApiErrorAlert lead="Your vote was not sent: " error={vote.error} />
    </div>
  );
}

function WriteStatement({ sessionId, view, isOpen }: StatementsPartProps) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const countId = useId();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (statement: string) =>
      addStatement(sessionId, view.itemId, statement, view.next?.id),
    onSuccess: (next) => {
      storeStatementsView(queryClient, sessionId, next);
      setText('');
    },
  });
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!add.isPending && text.trim() !== '') add.mutate(text);
  };
  return (
    <form className="statement-form" aria-label="Write a statement" onSubmit={onSubmit}>
      <label htmlFor={inputId}>Your own statement (one line)</label>
      <input
        id={inputId}
        className="text-input"
        type="text"
        value={text}
        maxLength={STATEMENT_TEXT_MAX}
        disabled={!isOpen}
        aria-describedby={countId}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <p id={countId} className="hint">
        {text.length} of {STATEMENT_TEXT_MAX} characters. Classmates vote on it without seeing your
        name.
      </p>
      <button
        type="submit"
        className="button"
        disabled={!isOpen}
        aria-disabled={add.isPending || text.trim() === ''}
      >
        {add.isPending ? 'Adding…' : 'Add my statement'}
      </button>
      <ApiErrorAlert lead="Your statement was not added: " error={add.error} />
      {view.mine.length > 0 ? (
        <>
          <h3>Your statements</h3>
          <ul className="my-statements">
            {view.mine.map((statement) => (
              <li key={statement.id}>
                “{statement.text}” <span className="pill">{STATUS_TEXT[statement.status]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </form>
  );
}

/** Says what the map needs, or which group the student is in and what it agrees on. */
function MyGroup({ map, myGroup }: { readonly map: ClassMap; readonly myGroup: string | null }) {
  if (map.status === 'too-few-votes') {
    const { needed } = map;
    return (
      <p>
        The class map appears once at least {map.counts.participants + needed.participants} students
        have each voted on {needed.votesEach} statements
        {needed.participants > 0 ? ` (${needed.participants} more students needed)` : ''}
        {needed.statements > 0 ? `, and ${needed.statements} more statements are written` : ''}.
      </p>
    );
  }
  const group = map.groups.find((g) => g.label === myGroup);
  return (
    <>
      {group ? (
        <>
          <p>
            <strong>You are in group {group.label}</strong>, with {group.size - 1}{' '}
            {group.size - 1 === 1 ? 'classmate' : 'classmates'} who voted much as you did (
            {map.groups.length} groups in the class).
          </p>
          {group.statements.length > 0 ? (
            <>
              <p>Group {group.label}, more than the rest of the class:</p>
              <ul>
                {group.statements.map((s) => (
                  <li key={s.statementId}>
                    {s.direction === 'agree' ? 'agrees' : 'disagrees'} with “{s.text}” ({s.percent}{' '}
                    %)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>Vote on a few more statements to see which group you are in.</p>
      )}
      {map.consensus.length > 0 ? (
        <>
          <p>Every group agrees:</p>
          <ul>
            {map.consensus.map((s) => (
              <li key={s.statementId}>“{s.text}”</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** A class-statements item in a live session: vote on classmates' statements, write one's own. */
export function LiveStatementsCard({
  sessionId,
  item,
  state,
  isEnded,
}: {
  readonly sessionId: string;
  readonly item: StatementsItem;
  readonly state: ItemState;
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const mapHeadingId = useId();
  const query = useQuery(studentStatementsQuery(sessionId, item.id));
  const isOpen = state.status === 'open' && !isEnded;
  return (
    <section className="item" aria-labelledby={headingId}>
      <p className="item-kind">{ITEM_KIND_LABELS[item.kind]}</p>
      <h2 id={headingId} className="item-question">
        {item.question}
      </h2>
      {state.status === 'closed' ? (
        <p className="status status-closed">This question is closed</p>
      ) : null}
      {query.isPending ? (
        <p role="status">Loading the statements…</p>
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} lead="The statements could not be loaded: " />
      ) : (
        <>
          <VoteCard sessionId={sessionId} view={query.data} isOpen={isOpen} />
          <WriteStatement sessionId={sessionId} view={query.data} isOpen={isOpen} />
          <section aria-labelledby={mapHeadingId} className="my-group">
            <h3 id={mapHeadingId}>Where the class stands</h3>
            <MyGroup map={query.data.map} myGroup={query.data.myGroup} />
          </section>
        </>
      )}
    </section>
  );
}
