import { useState } from 'react';
import type { Lesson } from '../../../../domain/lesson/lesson-schema';
import type { Participant, SessionMode } from '../../../../domain/live/live-contracts';
import { ConfirmDialog } from '../../../shared/components/confirm-dialog';
import { describeApiError } from '../../../shared/lib/api-client';
import { useSessionAction } from './use-session-action';

/**
 * Who has joined, whether they are online, where they are, each one's rejoin code (to let a
 * student back in on another device), and a way to remove someone.
 */
export function Roster({
  sessionId,
  lesson,
  mode,
  participants,
  isEnded,
}: {
  readonly sessionId: string;
  readonly lesson: Lesson;
  readonly mode: SessionMode;
  readonly participants: readonly Participant[];
  readonly isEnded: boolean;
}) {
  const [removing, setRemoving] = useState<Participant | null>(null);
  /** Whose rejoin code is shown: one at a time, as the monitor may be on a shared screen. */
  const [showingCodeOf, setShowingCodeOf] = useState<string | null>(null);
  const action = useSessionAction(sessionId);
  const online = participants.filter((p) => p.isOnline).length;
  const sectionLabel = (sectionId: string | null) => {
    const index = lesson.sections.findIndex((s) => s.id === sectionId);
    return index === -1 ? 'not started' : `section ${index + 1}`;
  };
  return (
    <section className="panel" aria-labelledby="roster-heading">
      <h2 id="roster-heading">Students ({participants.length})</h2>
      <p className="hint" role="status">
        {participants.length === 0
          ? 'Nobody has joined yet.'
          : `${participants.length} joined, ${online} online.`}
      </p>
      {participants.length > 0 && !isEnded ? (
        <p className="hint">
          A student on a new device rejoins with their rejoin code: “Let back in” shows it.
        </p>
      ) : null}
      {action.isError ? (
        <p className="error" role="alert">
          {describeApiError(action.error)}
        </p>
      ) : null}
      {participants.length > 0 ? (
        <ul className="roster" aria-label="Students">
          {participants.map((participant) => (
            <li key={participant.id} className="roster-row">
              <span className="roster-name">{participant.label}</span>
              <span className={participant.isOnline ? 'badge badge-done' : 'badge'}>
                {participant.isOnline ? 'online' : 'offline'}
              </span>
              {mode === 'self-paced' ? (
                <span className="badge">on {sectionLabel(participant.currentSectionId)}</span>
              ) : null}
              {isEnded ? null : (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-expanded={showingCodeOf === participant.id}
                  aria-label={`Let ${participant.label} back in`}
                  onClick={() => {
                    setShowingCodeOf(showingCodeOf === participant.id ? null : participant.id);
                  }}
                >
                  Let back in
                </button>
              )}
              {isEnded ? null : (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove ${participant.label}`}
                  onClick={() => {
                    setRemoving(participant);
                  }}
                >
                  Remove
                </button>
              )}
              {showingCodeOf === participant.id && !isEnded ? (
                <span className="roster-code">
                  {participant.label}’s rejoin code:{' '}
                  <strong className="code-text">{participant.rejoinCode}</strong>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing?.label ?? 'this student'}?`}
        message="They leave the session and cannot rejoin it, on this device or another. Their answers stay in the results."
        confirmLabel="Remove"
        onCancel={() => {
          setRemoving(null);
        }}
        onConfirm={() => {
          if (removing) action.mutate({ type: 'remove-participant', participantId: removing.id });
          setRemoving(null);
        }}
      />
    </section>
  );
}
