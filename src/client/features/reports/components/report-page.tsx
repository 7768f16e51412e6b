import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatAnswerText } from '#domain/lesson/format-answer';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Lesson } from '#domain/lesson/lesson-schema';
import type { SessionReport } from '#domain/api/dashboard-contracts';
import { tallySpeakingTurns } from '#domain/live/speaking-turns';
import { WALL_REPLY_KIND_LABELS } from '#domain/live/wall-replies';
import { ConfirmButton } from '../../../shared/components/confirm-button';
import { ForecastScoresView } from '../../../shared/components/items/forecast-scores';
import { SessionLessonGate } from '../../../shared/components/session-lesson-gate';
import { TableScrollBox } from '../../../shared/components/table-scroll-box';
import { useTeacherSessionLesson } from '../../../shared/hooks/use-session-lesson';
import { describeApiError } from '../../../shared/lib/api-client';
import { queryKeys } from '../../../shared/lib/query-keys';
import { ITEM_KIND_LABELS } from '../../../shared/lib/describe-answer';
import { findLessonItem } from '../../../shared/lib/find-lesson-item';
import { Link, navigate } from '../../../shared/lib/router';
import { routes } from '../../../shared/lib/routes';
import {
  deleteSession,
  deleteStudentData,
  forgetSession,
  sessionCsvPath,
  speakingCsvPath,
  teacherReportQuery,
  teacherTranscriptQuery,
} from '../api/reports-api';
import { storeSessionView, studentExportPath } from '../../../shared/lib/teacher-sessions';
import { useNoticeStore } from '../../../shared/stores/notice-store';
import { PageUnavailable } from '../../../shared/components/page-unavailable';
import { listNames, TallyTable } from '../../../shared/components/tally-table';
import { WritingFeedbackForm } from './writing-feedback-form';

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function questionOf(lesson: Lesson, itemId: string): string {
  const found = findLessonItem(lesson, itemId);
  return found ? getItemQuestion(found.item) : itemId;
}

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
    return (
      <p className="error" role="alert">
        The answers could not be loaded: {describeApiError(transcript.error)}
      </p>
    );
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

function StudentTranscriptPicker({
  sessionId,
  report,
  lesson,
}: {
  readonly sessionId: string;
  readonly report: SessionReport;
  readonly lesson: Lesson;
}) {
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

function DeleteSessionButton({ sessionId }: { readonly sessionId: string }) {
  const queryClient = useQueryClient();
  const showNotice = useNoticeStore((s) => s.showNotice);
  const deletion = useMutation({
    mutationFn: () => deleteSession(sessionId),
    onSuccess: () => {
      forgetSession(queryClient, sessionId);
      showNotice('The session and all its answers were deleted.');
      navigate(routes.teach.build());
    },
  });
  return (
    <>
      <ConfirmButton
        isPending={deletion.isPending}
        error={deletion.error}
        title="Delete this session?"
        message="Every student’s answers, the results and the summaries of this session are deleted for good. Download the answers first if you want to keep them."
        confirmLabel="Delete for good"
        onConfirm={() => {
          deletion.mutate();
        }}
      >
        Delete this session
      </ConfirmButton>
    </>
  );
}

function SpeakingTurnsSection({
  sessionId,
  report,
}: {
  readonly sessionId: string;
  readonly report: SessionReport;
}) {
  const tally = tallySpeakingTurns(
    report.participants.map((p) => p.id),
    report.speakingTurns,
  );
  if (tally.totalTurns === 0) return null;
  const labels = new Map(report.participants.map((p) => [p.id, p.label]));
  const labelOf = (participantId: string) => labels.get(participantId) ?? participantId;
  return (
    <section aria-labelledby="speaking-heading" className="report-section">
      <h2 id="speaking-heading">Speaking turns ({tally.totalTurns})</h2>
      <p className="no-print">
        <a href={speakingCsvPath(sessionId)} download>
          Download speaking turns (CSV)
        </a>
      </p>
      <TallyTable tally={tally} labelOf={labelOf} />
      {tally.notYetSpoken.length > 0 ? (
        <p>
          <strong>Did not speak ({tally.notYetSpoken.length}):</strong>{' '}
          {listNames(tally.notYetSpoken.map(labelOf))}
        </p>
      ) : (
        <p>Everyone spoke.</p>
      )}
    </section>
  );
}

function Report({
  sessionId,
  report,
  lesson,
}: {
  readonly sessionId: string;
  readonly report: SessionReport;
  readonly lesson: Lesson;
}) {
  const sectionTitle = (sectionId: string) =>
    lesson.sections.find((s) => s.id === sectionId)?.title ?? sectionId;
  return (
    <>
      <title>{`Report: ${report.lessonTitle}`}</title>
      <p className="breadcrumbs no-print">
        <Link to={routes.teach.build()}>Your sessions</Link> ·{' '}
        <Link to={routes.teacherSession.build({ sessionId })}>Back to the monitor</Link>
      </p>
      <h1>Report: {report.lessonTitle}</h1>
      <p className="lead">Lesson version {report.lessonVersion}</p>
      <div className="button-row no-print">
        <a className="button" href={sessionCsvPath(sessionId)} download>
          Download answers (CSV)
        </a>
        <button
          type="button"
          className="button"
          onClick={() => {
            window.print();
          }}
        >
          Print
        </button>
      </div>

      <section aria-labelledby="participants-heading" className="report-section">
        <h2 id="participants-heading">Students ({report.participants.length})</h2>
        {report.participants.length === 0 ? (
          <p>Nobody joined this session.</p>
        ) : (
          <TableScrollBox caption="Students and how many answers each gave" isCaptionHidden>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Joined</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {report.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{formatDateTime(p.joinedAt)}</td>
                  <td>{p.answers}</td>
                </tr>
              ))}
            </tbody>
          </TableScrollBox>
        )}
      </section>

      <section aria-labelledby="sections-heading" className="report-section">
        <h2 id="sections-heading">Sections</h2>
        {report.sections.map((section) => (
          <div key={section.sectionId} className="review-section">
            <h3>{sectionTitle(section.sectionId)}</h3>
            <TableScrollBox
              caption={`Answers to the questions of ${sectionTitle(section.sectionId)}`}
              isCaptionHidden
            >
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answered</th>
                </tr>
              </thead>
              <tbody>
                {section.items.map((item) => (
                  <tr key={item.itemId}>
                    <th scope="row">{questionOf(lesson, item.itemId)}</th>
                    <td>
                      {item.answered} of {report.participants.length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableScrollBox>
            <p>
              <strong>Summary: </strong>
              {section.summary ?? 'not published.'}
            </p>
          </div>
        ))}
      </section>

      {report.forecastScores.length > 0 ? (
        <section aria-labelledby="forecast-heading" className="report-section">
          <h2 id="forecast-heading">Forecasts</h2>
          {report.forecastScores.map((scores) => {
            const found = findLessonItem(lesson, scores.itemId);
            return found?.item.kind === 'forecast' ? (
              <ForecastScoresView
                key={scores.itemId}
                item={found.item}
                scores={scores}
                headingLevel={3}
              />
            ) : null;
          })}
        </section>
      ) : null}

      {report.writing.length > 0 ? (
        <section aria-labelledby="writing-heading" className="report-section">
          <h2 id="writing-heading">Writing to score ({report.writing.length})</h2>
          {lesson.sections.flatMap((section) =>
            section.items.flatMap((item) => {
              if (item.kind !== 'writing') return [];
              const pieces = report.writing.filter((w) => w.itemId === item.id);
              if (pieces.length === 0) return [];
              return [
                <div key={item.id}>
                  <h3>{item.task}</h3>
                  {pieces.map((piece) => (
                    <WritingFeedbackForm
                      key={piece.participantId}
                      sessionId={sessionId}
                      item={item}
                      submission={piece}
                    />
                  ))}
                </div>,
              ];
            }),
          )}
        </section>
      ) : null}

      <SpeakingTurnsSection sessionId={sessionId} report={report} />

      <section aria-labelledby="responses-heading" className="report-section">
        <h2 id="responses-heading">Every response ({report.responses.length})</h2>
        {report.responses.length === 0 ? (
          <p>No responses to the discussion prompts.</p>
        ) : (
          <TableScrollBox caption="Responses to the discussion prompts" isCaptionHidden>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Prompt</th>
                <th scope="col">Response</th>
                <th scope="col">On the wall</th>
                <th scope="col">Replies</th>
              </tr>
            </thead>
            <tbody>
              {report.responses.map((r) => (
                <tr key={`${r.participantId}:${r.itemId}`}>
                  <th scope="row">{r.label ?? r.participantId}</th>
                  <td>{questionOf(lesson, r.itemId)}</td>
                  <td className="answer-cell">{r.text}</td>
                  <td>{r.isHidden ? 'Hidden' : r.isSpotlighted ? 'Spotlighted' : 'Shown'}</td>
                  <td className="answer-cell">
                    {r.replies.length}
                    {r.replies.length > 0 ? (
                      <ul className="report-replies">
                        {r.replies.map((reply) => (
                          <li key={reply.replyId}>
                            {WALL_REPLY_KIND_LABELS[reply.kind]}, {reply.label}
                            {reply.isHidden ? ' (hidden)' : ''}: {reply.text}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableScrollBox>
        )}
      </section>

      <StudentTranscriptPicker sessionId={sessionId} report={report} lesson={lesson} />

      <section aria-labelledby="delete-heading" className="report-section no-print">
        <h2 id="delete-heading">Delete</h2>
        <p>Deleting the session removes every answer in it, for good.</p>
        <DeleteSessionButton sessionId={sessionId} />
      </section>
    </>
  );
}

/** /teach/sessions/:id/report: the session's figures and answers, to print or download. */
export function ReportPage({ sessionId }: { readonly sessionId: string }) {
  const query = useQuery(teacherReportQuery(sessionId));
  const lessonQuery = useTeacherSessionLesson(sessionId);
  if (query.isPending) return <p role="status">Loading the report…</p>;
  const report = query.data;
  if (!report) {
    return (
      <PageUnavailable
        title="Report unavailable"
        error={query.error}
        signInMessage="Sign in to see this report."
      />
    );
  }
  return (
    <SessionLessonGate query={lessonQuery}>
      {({ lesson }) => <Report sessionId={sessionId} report={report} lesson={lesson} />}
    </SessionLessonGate>
  );
}
