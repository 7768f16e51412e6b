import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatAnswerText } from '#domain/lesson/format-answer';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { ConfirmButton } from '#shared/components/confirm-button';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import { findLessonItem } from '#shared/lib/find-lesson-item';
import { queryKeys } from '#shared/lib/query-keys';
import { storeSessionView, studentExportPath } from '#shared/lib/teacher-sessions';
import { deleteStudentData, teacherTranscriptQuery } from '../api/reports-api';
import { formatDateTime } from '../lib/report-text';
import type { SessionSectionProps } from './report-sections';

/** One student's answers in the report, with their data to export or erase. */

function Transcript({
  sessionId,
  participantId,
  lesson,
}: {
  readonly sessionId: string;
  readonly participantId: string;
  readonly lesson: Lesson;
}) {
  const transcript = useQuery(teacherTranscriptQuery(sessionId, participantId));
  if (transcript.isPending) return <p role="status">Loading the answers…</p>;
  if (transcript.isError) {
    return <ApiErrorAlert error={transcript.error} lead="The answers could not be loaded: " />;
  }
  const { participant, entries } = transcript.data;
  // In the lesson's order, not the order they were given.
  const order = (itemId: string) => {
    const items = lesson.sections.flatMap((s) => s.items);
    const index = items.findIndex((i) => i.id === itemId);
    return index === -1 ? items.length : index;
  };
  const sorted = [...entries].sort((a, b) => order(a.itemId) - order(b.itemId));
  return (
    <div className="transcript">
      <h3>
        {participant.label}: {entries.length} {entries.length === 1 ? 'answer' : 'answers'}
      </h3>
      <p className="hint">Joined {formatDateTime(participant.joinedAt)}</p>
      {transcript.data.namesHiddenNote ? (
        <p className="notice">{transcript.data.namesHiddenNote}</p>
      ) : null}
      {sorted.length === 0 ? (
        <p>No answers.</p>
      ) : (
        <dl className="transcript-list">
          {sorted.map((entry) => {
            const found = findLessonItem(lesson, entry.itemId);
            return (
              <div key={entry.itemId} className="transcript-entry">
                <dt>
                  {found ? (
                    <>
                      <span className="item-kind">{ITEM_KIND_LABELS[found.item.kind]}</span>{' '}
                      {getItemQuestion(found.item)}
                    </>
                  ) : (
                    entry.itemId
                  )}
                </dt>
                <dd className="answer">
                  {found
                    ? formatAnswerText(found.item, entry.answer)
                    : JSON.stringify(entry.answer)}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}

export function StudentTranscriptPicker({ sessionId, report, lesson }: SessionSectionProps) {
  const selectId = useId();
  const [participantId, setParticipantId] = useState('');
  const [deletedNote, setDeletedNote] = useState<string | null>(null);
  const deletedNoteRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The Delete button went with the transcript: focus says what happened, not the page body.
    if (deletedNote) deletedNoteRef.current?.focus();
  }, [deletedNote]);
  return (
    <section aria-labelledby="transcript-heading" className="report-section">
      <h2 id="transcript-heading">One student’s answers</h2>
      <div className="form-field no-print">
        <label htmlFor={selectId}>Student</label>
        <select
          id={selectId}
          className="text-input"
          value={participantId}
          onChange={(event) => {
            setParticipantId(event.target.value);
          }}
        >
          <option value="">Choose a student</option>
          {report.participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          {report.removedParticipants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} (removed)
            </option>
          ))}
        </select>
      </div>
      {report.removedParticipants.length > 0 ? (
        <p className="hint">
          Removed students are left out of every figure above; their answers stay stored until you
          delete them or the session.
        </p>
      ) : null}
      {deletedNote ? (
        <p className="hint" tabIndex={-1} ref={deletedNoteRef}>
          {deletedNote}
        </p>
      ) : null}
      {participantId === '' ? null : (
        <>
          <Transcript sessionId={sessionId} participantId={participantId} lesson={lesson} />
          <StudentDataActions
            sessionId={sessionId}
            participantId={participantId}
            label={
              [...report.participants, ...report.removedParticipants].find(
                (p) => p.id === participantId,
              )?.label ?? 'this student'
            }
            onDeleted={(label) => {
              setParticipantId('');
              setDeletedNote(`${label} and everything about them were deleted.`);
            }}
          />
        </>
      )}
    </section>
  );
}

/** The chosen student's data: as a file to hand over, or erased for good. */
function StudentDataActions({
  sessionId,
  participantId,
  label,
  onDeleted,
}: {
  readonly sessionId: string;
  readonly participantId: string;
  readonly label: string;
  readonly onDeleted: (label: string) => void;
}) {
  const queryClient = useQueryClient();
  const deletion = useMutation({
    mutationFn: () => deleteStudentData(sessionId, participantId),
    onSuccess: (view) => {
      storeSessionView(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: queryKeys.teacherSession(sessionId) });
      onDeleted(label);
    },
  });
  return (
    <div className="button-row no-print">
      <a className="button" href={studentExportPath(sessionId, participantId, 'markdown')} download>
        Export {label}’s data (text)
      </a>
      <a className="button" href={studentExportPath(sessionId, participantId, 'json')} download>
        Export {label}’s data (JSON)
      </a>
      <ConfirmButton
        isPending={deletion.isPending}
        error={deletion.error}
        title={`Delete everything about ${label}?`}
        message="Their name, every answer, their progress and each copy in the session’s event log are erased for good, and they cannot rejoin. Counts and results no longer include them. This cannot be undone: export their data first if it was asked for."
        confirmLabel="Delete for good"
        onConfirm={() => {
          deletion.mutate();
        }}
      >
        Delete {label}’s data
      </ConfirmButton>
    </div>
  );
}
