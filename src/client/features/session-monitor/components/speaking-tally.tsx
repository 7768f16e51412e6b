import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SpeakingTurnsResponse } from '#domain/api/dashboard-contracts';
import type { Participant } from '#domain/api/live-contracts';
import {
  SPEAKING_TURN_KIND_LABELS,
  SPEAKING_TURN_KINDS,
  formatShare,
  tallySpeakingTurns,
  type SpeakingTally,
  type SpeakingTurnKind,
} from '#domain/live/speaking-turns';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { listNames, TallyTable } from '#shared/components/tally-table';
import { queryKeys } from '#shared/lib/query-keys';
import {
  addSpeakingTurn,
  removeSpeakingTurn,
  teacherSpeakingTurnsQuery,
} from '../api/session-monitor-api';

function DominanceWarning({
  tally,
  labelOf,
  classSize,
}: {
  readonly tally: SpeakingTally;
  readonly labelOf: (participantId: string) => string;
  readonly classSize: number;
}) {
  const { dominance } = tally;
  if (!dominance) return null;
  const few = dominance.participantIds.map(labelOf);
  return (
    <p className="notice speaking-warning">
      <span>
        <strong>A few voices:</strong> {listNames(few)} {few.length === 1 ? 'has' : 'have'} taken{' '}
        {formatShare(dominance.share)} of the turns ({few.length} of {classSize} students).{' '}
        {tally.notYetSpoken.length > 0
          ? `${tally.notYetSpoken.length} ${tally.notYetSpoken.length === 1 ? 'has' : 'have'} not spoken yet: invite one of them next.`
          : ''}
      </span>
    </p>
  );
}

/**
 * The teacher's tally of a spoken discussion: a tap on a student's name records a turn
 * (optionally of a kind); the panel shows each one's share, who has not spoken yet, and a
 * warning when a few students take half of the turns.
 */
export function SpeakingTallyPanel({
  sessionId,
  participants,
  isEnded,
}: {
  readonly sessionId: string;
  readonly participants: readonly Participant[];
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const kindName = useId();
  const queryClient = useQueryClient();
  const query = useQuery(teacherSpeakingTurnsQuery(sessionId));
  const [kind, setKind] = useState<SpeakingTurnKind | null>(null);
  const [lastDone, setLastDone] = useState<string | null>(null);
  const labels = new Map(participants.map((p) => [p.id, p.label]));
  const labelOf = (participantId: string) => labels.get(participantId) ?? 'a removed student';
  const store = (answer: SpeakingTurnsResponse) => {
    queryClient.setQueryData(queryKeys.teacherSpeakingTurns(sessionId), answer);
  };
  const add = useMutation({
    mutationFn: (turn: { participantId: string; kind: SpeakingTurnKind | null }) =>
      addSpeakingTurn(sessionId, turn),
    onSuccess: (answer, turn) => {
      store(answer);
      const how = turn.kind ? ` (${SPEAKING_TURN_KIND_LABELS[turn.kind].toLowerCase()})` : '';
      setLastDone(`Turn recorded: ${labelOf(turn.participantId)}${how}.`);
    },
  });
  const undo = useMutation({
    mutationFn: (turnId: string) => removeSpeakingTurn(sessionId, turnId),
    onSuccess: (answer) => {
      store(answer);
      setLastDone('Last turn taken back.');
    },
  });
  const turns = query.data?.turns ?? [];
  const tally = tallySpeakingTurns(
    participants.map((p) => p.id),
    turns,
  );
  const turnsOf = new Map(tally.speakers.map((s) => [s.participantId, s.turns]));
  const lastTurn = turns.findLast((turn) => labels.has(turn.participantId));

  return (
    <section className="panel speaking-tally" aria-labelledby={headingId}>
      <h2 id={headingId}>Who has spoken</h2>
      {participants.length === 0 ? (
        <p className="hint">No students have joined yet.</p>
      ) : query.isPending ? (
        <p role="status">Loading the speaking turns…</p>
      ) : query.isError ? (
        <ApiErrorAlert error={query.error} lead="The speaking turns could not be loaded: " />
      ) : (
        <>
          {isEnded ? null : (
            <>
              <p className="hint">
                In a spoken discussion, tap a student’s name each time they speak.
              </p>
              <fieldset className="speaking-kinds">
                <legend>Kind of the next turn (optional)</legend>
                <div className="choices inline">
                  {[null, ...SPEAKING_TURN_KINDS].map((value) => (
                    <label key={value ?? 'none'} className="choice">
                      <input
                        type="radio"
                        name={kindName}
                        checked={kind === value}
                        onChange={() => {
                          setKind(value);
                        }}
                      />
                      {value === null ? 'Not marked' : SPEAKING_TURN_KIND_LABELS[value]}
                    </label>
                  ))}
                </div>
              </fieldset>
              <ul className="speaker-buttons" aria-label="Record a turn">
                {participants.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="button speaker-button"
                      onClick={() => {
                        add.mutate({ participantId: p.id, kind });
                        // A kind describes one turn: the next tap starts unmarked again.
                        setKind(null);
                      }}
                    >
                      <span className="speaker-name">{p.label}</span>{' '}
                      <span className="speaker-count">
                        {turnsOf.get(p.id) ?? 0}
                        <span className="visually-hidden">
                          {turnsOf.get(p.id) === 1 ? ' turn so far' : ' turns so far'}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <div className="button-row">
                <p className="hint" role="status">
                  {lastDone ?? ''}
                </p>
                {lastTurn ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-disabled={undo.isPending}
                    onClick={() => {
                      if (!undo.isPending) undo.mutate(lastTurn.id);
                    }}
                  >
                    Undo the last turn ({labelOf(lastTurn.participantId)})
                  </button>
                ) : null}
              </div>
              <ApiErrorAlert error={add.error} lead="The turn was not recorded: " />
              <ApiErrorAlert error={undo.error} lead="The turn was not taken back: " />
            </>
          )}
          {tally.totalTurns === 0 ? (
            <p>No turns recorded yet.</p>
          ) : (
            <>
              <p>
                {tally.totalTurns} {tally.totalTurns === 1 ? 'turn' : 'turns'} so far.
              </p>
              <DominanceWarning tally={tally} labelOf={labelOf} classSize={participants.length} />
              <TallyTable tally={tally} labelOf={labelOf} />
            </>
          )}
          {tally.notYetSpoken.length > 0 ? (
            <p>
              <strong>Not spoken yet ({tally.notYetSpoken.length}):</strong>{' '}
              {listNames(tally.notYetSpoken.map(labelOf))}
            </p>
          ) : (
            <p>Everyone has spoken.</p>
          )}
        </>
      )}
    </section>
  );
}
