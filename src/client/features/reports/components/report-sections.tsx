import type { SessionReport } from '#domain/api/dashboard-contracts';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { tallySpeakingTurns } from '#domain/live/speaking-turns';
import { WALL_REPLY_KIND_LABELS } from '#domain/live/wall-replies';
import { ForecastScoresView } from '#shared/components/items/forecast-scores';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { listNames, TallyTable } from '#shared/components/tally-table';
import { findLessonItem } from '#shared/lib/find-lesson-item';
import { speakingCsvPath } from '../api/reports-api';
import { formatDateTime, questionOf } from '../lib/report-text';
import { WritingFeedbackForm } from './writing-feedback-form';

/** The report's sections, each one figure or list of the session, in the order the page shows them. */

interface SectionProps {
  readonly report: SessionReport;
  readonly lesson: Lesson;
}

/** A part of the report that also acts on the session (feedback, a student's transcript). */
export type SessionSectionProps = SectionProps & { readonly sessionId: string };

export function StudentsSection({ report }: { readonly report: SessionReport }) {
  return (
    <section aria-labelledby="participants-heading" className="report-section">
      <h2 id="participants-heading">Students ({report.participants.length})</h2>
      {report.participants.length === 0 ? (
        <p>Nobody joined this session.</p>
      ) : (
        <TableScrollBox
          caption="Students and how many answers each gave"
          isCaptionHidden
          columns={['Student', 'Joined', 'Answers']}
        >
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
  );
}

export function SectionsSection({ report, lesson }: SectionProps) {
  const sectionTitle = (sectionId: string) =>
    lesson.sections.find((s) => s.id === sectionId)?.title ?? sectionId;
  return (
    <section aria-labelledby="sections-heading" className="report-section">
      <h2 id="sections-heading">Sections</h2>
      {report.sections.map((section) => (
        <div key={section.sectionId} className="review-section">
          <h3>{sectionTitle(section.sectionId)}</h3>
          <TableScrollBox
            caption={`Answers to the questions of ${sectionTitle(section.sectionId)}`}
            isCaptionHidden
            columns={['Question', 'Answered']}
          >
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
  );
}

export function ForecastsSection({ report, lesson }: SectionProps) {
  if (report.forecastScores.length === 0) return null;
  return (
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
  );
}

export function WritingSection({ sessionId, report, lesson }: SessionSectionProps) {
  if (report.writing.length === 0) return null;
  return (
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
  );
}

export function SpeakingTurnsSection({
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

export function ResponsesSection({ report, lesson }: SectionProps) {
  return (
    <section aria-labelledby="responses-heading" className="report-section">
      <h2 id="responses-heading">Every response ({report.responses.length})</h2>
      {report.responses.length === 0 ? (
        <p>No responses to the discussion prompts.</p>
      ) : (
        <TableScrollBox
          caption="Responses to the discussion prompts"
          isCaptionHidden
          columns={['Student', 'Prompt', 'Response', 'On the wall', 'Replies']}
        >
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
  );
}
