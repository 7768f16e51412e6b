import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { Participant, SessionMode } from '#domain/api/live-contracts';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { studentExportPath } from '#shared/lib/teacher-sessions';
import { useSessionAction } from './use-session-action';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/** What a dialog asks before each way of letting a student go: each says what really happens. */
const REMOVE_MESSAGE =
  'They leave the session and cannot rejoin it, on this device or another. From now on their ' +
  'answers are left out of the results, the wall, the report and the CSV, but they stay stored ' +
  'with the session until it is deleted: export or delete them from the report. To erase ' +
  'everything about them now, use “Delete data” instead.';
const DELETE_MESSAGE =
  'Everything the app holds about them is erased for good: their name, every answer, their ' +
  'progress and each copy in the session’s event log. Counts and results no longer include ' +
  'them, and they cannot rejoin. This cannot be undone: export their data first if it was asked for.';

type Letting = { readonly how: 'remove' | 'delete'; readonly participant: Participant };

/**
 * Who has joined, whether they are online, where they are, each one's rejoin code (to let a
 * student back in on another device), their data to export, and ways to remove someone or
 * delete everything about them.
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
  const [letting, setLetting] = useState<Letting | null>(null);
  /** What the last removal or deletion did; focus lands here as the row's buttons go. */
  const [outcome, setOutcome] = useState<{ readonly text: string; readonly at: number } | null>(
    null,
  );
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  /** Whose rejoin code is shown: one at a time, as the monitor may be on a shared screen. */
  const [showingCodeOf, setShowingCodeOf] = useState<string | null>(null);
  const action = useSessionAction(sessionId);
  const online = participants.filter((p) => p.isOnline).length;
  // Each row's controls name their student after the words they show (WCAG 2.5.3, Label in
  // Name): someone using voice control says what they see, and a screen reader still hears whose.
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
      {outcome ? (
        <p className="hint" tabIndex={-1} ref={outcomeRef}>
          {outcome.text}
        </p>
      ) : null}
      <ApiErrorAlert error={action.error} />
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
                  aria-label={`Let back in: ${participant.label}`}
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
                    setLetting({ how: 'remove', participant });
                  }}
                >
                  Remove
                </button>
              )}
              <a
                className="button button-quiet button-small"
                href={studentExportPath(sessionId, participant.id, 'markdown')}
                download
                aria-label={`Export data: ${participant.label}`}
              >
                Export data
              </a>
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Delete data: ${participant.label}`}
                onClick={() => {
                  setLetting({ how: 'delete', participant });
                }}
              >
                Delete data
              </button>
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
        isOpen={letting !== null}
        title={
          letting?.how === 'delete'
            ? `Delete everything about ${letting.participant.label}?`
            : `Remove ${letting?.participant.label ?? 'this student'}?`
        }
        message={letting?.how === 'delete' ? DELETE_MESSAGE : REMOVE_MESSAGE}
        confirmLabel={letting?.how === 'delete' ? 'Delete for good' : 'Remove'}
        onCancel={() => {
          setLetting(null);
        }}
        onConfirm={() => {
          if (letting) {
            const { how, participant } = letting;
            action.mutate(
              {
                type: how === 'delete' ? 'delete-participant-data' : 'remove-participant',
                participantId: participant.id,
              },
              {
                onSuccess: () => {
                  setOutcome({
                    text:
                      how === 'delete'
                        ? `${participant.label} and everything about them were deleted.`
                        : `${participant.label} was removed from the session.`,
                    at: Date.now(),
                  });
                },
              },
            );
          }
          setLetting(null);
        }}
      />
    </section>
  );
}
