import { useEffect, useId, useRef } from 'react';
import type { Answer } from '#domain/lesson/answers';
import { checkAnswerForItem } from '#domain/lesson/check-answer';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { StudentItem as Item } from '#domain/lesson/answer-key-schemas';
import type { ForecastScores } from '#domain/api/dashboard-contracts';
import type { ItemResults, ItemState } from '#domain/api/live-contracts';
import type { WritingFeedback } from '#domain/api/result-contracts';
import { ItemAnswer } from '#shared/components/items/item-answer';
import { ForecastScoresView } from '#shared/components/items/forecast-scores';
import { useAnnounceWhenSettled } from '#shared/hooks/use-announce-when-settled';
import { ItemResultsView } from '#shared/components/items/item-results';
import { WritingFeedbackView } from '#shared/components/items/writing-feedback';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import { useIsBrowserOnline } from '../lib/use-online-status';
import { outboxKey, useOutboxStore } from '../stores/outbox-store';

/** Typing is sent after a pause, not on every key. */
const TEXT_DEBOUNCE_MS = 600;

/**
 * The save status is said once it has held this long: over the typing debounce and a save, so
 * the "Saving…" and "Saved" of each short pause while typing are not read one after another.
 */
const SAVE_STATUS_SETTLE_MS = 1500;

/** Why a forecast or claim check in progress is not sent: the server takes complete ones only. */
const INCOMPLETE_HINTS: Partial<Record<Item['kind'], string>> = {
  forecast: 'Not sent yet: give every scenario a probability to save your forecast.',
  claimCheck: 'Not sent yet: sort every sentence to save your answers.',
};

export interface HeldAnswer {
  readonly answer: Answer;
  readonly revision: number;
}

function useItemOutbox(sessionId: string, itemId: string) {
  const key = outboxKey(sessionId, itemId);
  const draft = useOutboxStore((s) => s.drafts[key]);
  const queued = useOutboxStore((s) => s.entries[key]);
  const rejection = useOutboxStore((s) => s.rejections[key]);
  const isSendFailing = useOutboxStore((s) => s.isOffline);
  const draftAnswer = useOutboxStore((s) => s.draftAnswer);
  const queueAnswer = useOutboxStore((s) => s.queueAnswer);
  return { draft, queued, rejection, isSendFailing, draftAnswer, queueAnswer };
}

/** One opened question in a live session: answer it, see whether it is saved, see the results. */
export function LiveItemCard({
  sessionId,
  item,
  state,
  held,
  results,
  scores,
  feedback,
  isEnded,
}: {
  readonly sessionId: string;
  readonly item: Item;
  readonly state: ItemState;
  /** What the server holds for this student, if anything. */
  readonly held: HeldAnswer | undefined;
  readonly results: ItemResults | undefined;
  /** A forecast's revealed outcomes with the class's scores and this student's. */
  readonly scores: ForecastScores | undefined;
  /** The teacher's feedback on this student's writing, once released. */
  readonly feedback?: WritingFeedback | undefined;
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const outbox = useItemOutbox(sessionId, item.id);
  const isBrowserOnline = useIsBrowserOnline();
  const isOpen = state.status === 'open' && !isEnded;

  // The debounce timer and what it will queue; a pending draft is queued on unmount too.
  const pendingRef = useRef<{ timer: ReturnType<typeof setTimeout>; answer: Answer } | null>(null);
  const heldRevisionRef = useRef(held?.revision ?? 0);
  useEffect(() => {
    heldRevisionRef.current = held?.revision ?? 0;
  });
  const { queueAnswer, draftAnswer } = outbox;
  useEffect(
    () => () => {
      const pending = pendingRef.current;
      if (!pending) return;
      clearTimeout(pending.timer);
      queueAnswer(sessionId, item.id, pending.answer, heldRevisionRef.current);
    },
    [queueAnswer, sessionId, item.id],
  );

  const onAnswer = (answer: Answer) => {
    if (pendingRef.current) clearTimeout(pendingRef.current.timer);
    pendingRef.current = null;
    if (checkAnswerForItem(item, answer) !== null) {
      // Work in progress (a forecast with scenarios left to give) stays on the device.
      draftAnswer(sessionId, item.id, answer);
    } else if (answer.kind === 'prompt' || answer.kind === 'writing') {
      draftAnswer(sessionId, item.id, answer);
      const timer = setTimeout(() => {
        pendingRef.current = null;
        queueAnswer(sessionId, item.id, answer, heldRevisionRef.current);
      }, TEXT_DEBOUNCE_MS);
      pendingRef.current = { timer, answer };
    } else {
      queueAnswer(sessionId, item.id, answer, heldRevisionRef.current);
    }
  };

  const shown = outbox.draft ?? outbox.queued?.answer ?? held?.answer;
  const isPending = outbox.draft !== undefined || outbox.queued !== undefined;
  const isOffline = outbox.isSendFailing || !isBrowserOnline;
  const isIncomplete =
    outbox.draft !== undefined && checkAnswerForItem(item, outbox.draft) !== null;
  const saveStatus = isIncomplete
    ? (INCOMPLETE_HINTS[item.kind] ?? 'Not sent yet: this answer is not complete.')
    : isPending
      ? isOffline
        ? 'Offline: will send when you reconnect'
        : 'Saving…'
      : held
        ? 'Saved'
        : '';
  useAnnounceWhenSettled(saveStatus, SAVE_STATUS_SETTLE_MS);

  return (
    <section className="item" aria-labelledby={headingId}>
      <p className="item-kind">{ITEM_KIND_LABELS[item.kind]}</p>
      <h2 id={headingId} className="item-question">
        {getItemQuestion(item)}
      </h2>
      {state.status === 'closed' ? (
        <p className="status status-closed">This question is closed</p>
      ) : null}
      <ItemAnswer
        item={item}
        labelId={headingId}
        answer={shown}
        onAnswer={onAnswer}
        disabled={!isOpen}
        isExplanationShown={state.isRevealed}
      />
      <div className="item-footer">
        {/* Not a live region: it flickers while typing; the settled text is said instead. */}
        <p className={saveStatus === 'Saved' ? 'status status-done' : 'status save-status'}>
          {saveStatus}
        </p>
        {outbox.rejection ? (
          <p className="error" role="alert">
            Your last answer was not saved: {outbox.rejection}
          </p>
        ) : null}
      </div>
      {state.isRevealed && results ? (
        <ItemResultsView item={item} results={results} caption="Class results" />
      ) : null}
      {item.kind === 'forecast' && scores ? (
        <ForecastScoresView item={item} scores={scores} headingLevel={3} />
      ) : null}
      {item.kind === 'writing' && feedback ? (
        <WritingFeedbackView item={item} feedback={feedback} />
      ) : null}
    </section>
  );
}
