import type { Answer } from '../lesson/answers';
import { formatAnswerText } from '../lesson/format-answer';
import { getItemQuestion } from '../lesson/item-question';
import type { Lesson } from '../lesson/lesson-schema';
import { SPEAKING_TURN_KIND_LABELS, type SpeakingTurnKind } from '../live/speaking-turns';
import type {
  ExportedAnswer,
  ExportedForecasts,
  StudentDataExport,
} from '../api/student-data-contracts';
import { WALL_REPLY_KIND_LABELS, type WallReplyKind } from '../live/wall-replies';
import { escapeMarkdownText } from './markdown-text';

/** One of the student's answers as stored, with the wall's moderation of it. */
export interface StoredStudentAnswer {
  readonly itemId: string;
  readonly answer: Answer;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly isHidden: boolean;
  readonly isSpotlighted: boolean;
}

/** The teacher's feedback on one of the student's writing tasks, as stored. */
export interface StoredWritingFeedback {
  readonly itemId: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly comment: string;
  readonly releasedAt: string | null;
}

/** A turn the student took in a spoken discussion, as the teacher recorded it. */
export interface StoredSpeakingTurn {
  readonly kind: SpeakingTurnKind | null;
  readonly sectionId: string | null;
  readonly at: string;
}

/** A class statement the student wrote. */
export interface StoredStatement {
  readonly itemId: string;
  readonly text: string;
  readonly status: 'pending' | 'shown' | 'hidden';
  readonly createdAt: string;
}

/** The student's vote on a classmate's statement: 1 agree, -1 disagree, 0 pass. */
export interface StoredStatementVote {
  readonly itemId: string;
  readonly text: string;
  readonly vote: 1 | -1 | 0;
  readonly votedAt: string;
}

/** A reply the student wrote to a classmate's response. */
export interface StoredWallReply {
  readonly itemId: string;
  readonly kind: WallReplyKind;
  readonly text: string;
  readonly isHidden: boolean;
  readonly createdAt: string;
}

/** What the server holds about one student, read from its tables. */
export interface StudentDataSource {
  readonly now: Date;
  readonly lesson: Lesson;
  readonly session: Omit<StudentDataExport['session'], 'lessonTitle'>;
  readonly student: StudentDataExport['student'] & { readonly currentSectionId: string | null };
  readonly answers: readonly StoredStudentAnswer[];
  readonly writingFeedback: readonly StoredWritingFeedback[];
  readonly speakingTurns: readonly StoredSpeakingTurn[];
  readonly statements: readonly StoredStatement[];
  readonly statementVotes: readonly StoredStatementVote[];
  readonly wallReplies: readonly StoredWallReply[];
  readonly eventLogEntries: number;
  /** Forecast versions and scores (issue 26); none when left out. */
  readonly forecasts?: ExportedForecasts;
  /** The grade for the school's LMS (LTI); none when left out. */
  readonly lmsGrade?: StudentDataExport['lmsGrade'];
}

const NO_FORECASTS: ExportedForecasts = {
  versions: [],
  scores: [],
  team: null,
  leaderboardOptIn: false,
};

export const REJOIN_CODE_NOTE =
  'The student has a personal rejoin code. It is not in this file: it is a key, not information ' +
  'about them, and whoever holds it can answer as them while the session is open.';

export const EVENT_LOG_NOTE =
  'The live event log keeps copies of the name and progress for screens that reconnect, for at ' +
  'most 24 hours. They hold nothing that is not above, and go when the student is deleted.';

/** Everything the app holds about one student, in the lesson's order, ready to export. */
export function buildStudentDataExport(source: StudentDataSource): StudentDataExport {
  const { lesson } = source;
  const order = lesson.sections.flatMap((section) =>
    section.items.map((item) => ({ section, item })),
  );
  const position = (itemId: string) => {
    const index = order.findIndex((entry) => entry.item.id === itemId);
    return index === -1 ? order.length : index;
  };
  const feedbackOn = (itemId: string): ExportedAnswer['teacherFeedback'] => {
    const feedback = source.writingFeedback.find((entry) => entry.itemId === itemId);
    return feedback
      ? { scores: feedback.scores, comment: feedback.comment, releasedAt: feedback.releasedAt }
      : null;
  };
  const answers = [...source.answers]
    .sort((a, b) => position(a.itemId) - position(b.itemId))
    .map((given): ExportedAnswer => {
      const found = order.find((entry) => entry.item.id === given.itemId);
      return {
        sectionId: found?.section.id ?? null,
        sectionTitle: found?.section.title ?? null,
        itemId: given.itemId,
        kind: found?.item.kind ?? null,
        question: found ? getItemQuestion(found.item) : given.itemId,
        answerText: found ? formatAnswerText(found.item, given.answer) : '',
        answer: given.answer,
        revision: given.revision,
        firstAnsweredAt: given.createdAt,
        lastChangedAt: given.updatedAt,
        wall:
          given.answer.kind === 'prompt'
            ? { isHidden: given.isHidden, isSpotlighted: given.isSpotlighted }
            : null,
        teacherFeedback: feedbackOn(given.itemId),
      };
    });
  const questionOf = (itemId: string) => {
    const found = order.find((entry) => entry.item.id === itemId);
    return found ? getItemQuestion(found.item) : itemId;
  };
  const { currentSectionId, ...student } = source.student;
  return {
    exportedAt: source.now.toISOString(),
    student,
    rejoinCode: { isIncluded: false, note: REJOIN_CODE_NOTE },
    session: { ...source.session, lessonTitle: lesson.metadata.title },
    progress: {
      currentSectionId,
      currentSectionTitle: lesson.sections.find((s) => s.id === currentSectionId)?.title ?? null,
      answered: answers.length,
      questions: order.length,
    },
    answers,
    speakingTurns: source.speakingTurns.map((turn) => ({
      kind: turn.kind,
      sectionTitle: lesson.sections.find((s) => s.id === turn.sectionId)?.title ?? null,
      at: turn.at,
    })),
    statements: source.statements.map((statement) => ({
      question: questionOf(statement.itemId),
      text: statement.text,
      status: statement.status,
      writtenAt: statement.createdAt,
    })),
    statementVotes: source.statementVotes.map((given) => ({
      question: questionOf(given.itemId),
      statement: given.text,
      vote: given.vote === 1 ? 'agree' : given.vote === -1 ? 'disagree' : 'pass',
      votedAt: given.votedAt,
    })),
    wallReplies: source.wallReplies.map((reply) => {
      const found = order.find((entry) => entry.item.id === reply.itemId);
      return {
        kind: reply.kind,
        text: reply.text,
        itemId: reply.itemId,
        question: found ? getItemQuestion(found.item) : reply.itemId,
        isHidden: reply.isHidden,
        at: reply.createdAt,
      };
    }),
    forecasts: source.forecasts ?? NO_FORECASTS,
    lmsGrade: source.lmsGrade ?? null,
    eventLog: { entries: source.eventLogEntries, note: EVENT_LOG_NOTE },
  };
}

const LMS_GRADE_STATUS_WORDS = {
  pending: 'waiting to be sent',
  sent: 'sent',
  failed: 'not sent: the LMS did not take it',
  cancelled: 'not sent: removed from the session',
} as const;

const KIND_WORDS: Readonly<Record<string, string>> = {
  prompt: 'Discussion prompt',
  poll: 'Poll',
  scale: 'Agree or disagree',
  forecast: 'Forecast',
  claimCheck: 'Claim check',
  writing: 'Writing task',
};

/**
 * A student's or teacher's text on one line of Markdown, shown as typed: it cannot start a
 * heading, a list or a quote, and HTML, entities and emphasis in it stay text (a name such as
 * `<img src=x onerror=…>` is never read as an image).
 */
const plain = (text: string) => escapeMarkdownText(text.replace(/\r?\n/g, ' '));

/** The forecasts part of the Markdown export: every version, then the scores. */
function forecastLines(forecasts: ExportedForecasts, time: (iso: string) => string): string[] {
  const lines = [`## Forecasts made (${forecasts.versions.length} versions)`, ''];
  if (forecasts.versions.length === 0) lines.push('None.');
  for (const version of forecasts.versions) {
    const percents = Object.entries(version.probabilities)
      .map(([scenario, percent]) => `${plain(scenario)} ${percent} %`)
      .join(', ');
    const reason = version.reason === null ? '' : `, because "${plain(version.reason)}"`;
    const where = version.madeIn === 'class' ? 'in class' : 'on the forecasts page';
    lines.push(
      `- ${time(version.madeAt)}, ${where}, on "${plain(version.question)}": ${percents}${reason}`,
    );
  }
  lines.push('', `## Forecast scores (${forecasts.scores.length})`, '');
  if (forecasts.scores.length === 0) lines.push('None yet: no question they forecast is resolved.');
  for (const score of forecasts.scores) {
    const brier = score.timeWeightedBrier === null ? 'none' : score.timeWeightedBrier.toFixed(3);
    const log = score.logScore === null ? 'none' : score.logScore.toFixed(3);
    lines.push(
      `- "${plain(score.question)}": time-weighted Brier ${brier}, log score ${log} (lower is better)`,
    );
  }
  lines.push(
    '',
    `- Forecasting team: ${forecasts.team === null ? 'none' : plain(forecasts.team)}`,
    `- On the class's forecasting leaderboard: ${forecasts.leaderboardOptIn ? 'yes, they opted in' : 'no'}`,
    '',
  );
  return lines;
}

/**
 * The export in words, for a parent to read: a Markdown file that reads as plain text too.
 * Times are written in UTC so the file says the same wherever it is opened.
 */
export function formatStudentDataMarkdown(data: StudentDataExport): string {
  const time = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  const { student, session, progress } = data;
  const lines = [
    `# What the class discussion app holds about ${plain(student.label)}`,
    '',
    `Exported ${time(data.exportedAt)}.`,
    '',
    '## The student',
    '',
    `- Name as typed when joining: ${plain(student.displayName)}`,
    `- Name shown to the class and teacher: ${plain(student.label)}`,
    `- Joined: ${time(student.joinedAt)}`,
    `- Last seen with the page open: ${time(student.lastSeenAt)}`,
    `- In the session: ${student.removedAt === null ? 'yes' : `no, removed by the teacher ${time(student.removedAt)}`}`,
    `- Rejoin code: ${data.rejoinCode.note}`,
    '',
    '## The session',
    '',
    `- Lesson: ${plain(session.lessonTitle)}`,
    `- Paced by: ${session.mode === 'teacher-paced' ? 'the teacher' : 'each student'}`,
    `- Started: ${time(session.startedAt)}`,
    `- Ended: ${session.endedAt === null ? 'not yet' : time(session.endedAt)}`,
    '',
    '## Progress',
    '',
    `- Questions answered: ${progress.answered} of ${progress.questions}`,
    ...(progress.currentSectionTitle === null
      ? []
      : [`- Last on the section: ${plain(progress.currentSectionTitle)}`]),
    '',
    `## Answers (${data.answers.length})`,
    '',
  ];
  if (data.answers.length === 0) lines.push('No answers.', '');
  for (const entry of data.answers) {
    lines.push(
      `### ${plain(entry.question)}`,
      '',
      `- Section: ${entry.sectionTitle === null ? 'not in the lesson any more' : plain(entry.sectionTitle)}`,
      `- Kind: ${(entry.kind && KIND_WORDS[entry.kind]) ?? 'unknown'}`,
      `- Answer: ${plain(entry.answerText) || '(see the JSON export)'}`,
      `- First answered: ${time(entry.firstAnsweredAt)}; last changed: ${time(entry.lastChangedAt)}`,
    );
    if (entry.wall) {
      const state = entry.wall.isHidden
        ? 'hidden by the teacher'
        : entry.wall.isSpotlighted
          ? 'spotlighted by the teacher'
          : 'shown';
      lines.push(`- On the class's response wall: ${state}`);
    }
    if (entry.teacherFeedback) {
      const { scores, comment, releasedAt } = entry.teacherFeedback;
      const points = Object.values(scores).reduce((sum, value) => sum + value, 0);
      lines.push(
        `- The teacher’s feedback (${releasedAt === null ? 'not shown to the student yet' : `shown to the student from ${time(releasedAt)}`}): ${points} ${points === 1 ? 'point' : 'points'}; ${comment.trim() === '' ? 'no comment' : `"${plain(comment)}"`}`,
      );
    }
    lines.push('');
  }
  lines.push(`## Speaking turns in the class discussion (${data.speakingTurns.length})`, '');
  if (data.speakingTurns.length === 0) lines.push('None recorded.');
  for (const turn of data.speakingTurns) {
    const kind = turn.kind === null ? null : SPEAKING_TURN_KIND_LABELS[turn.kind];
    const where = turn.sectionTitle === null ? '' : ` during "${plain(turn.sectionTitle)}"`;
    lines.push(`- ${time(turn.at)}${where}${kind ? `: ${kind.toLowerCase()}` : ''}`);
  }
  lines.push('');
  lines.push(`## Class statements written (${data.statements.length})`, '');
  if (data.statements.length === 0) lines.push('None.');
  const STATUS_WORDS = {
    pending: 'waiting for the teacher’s approval',
    shown: 'shown to the class, without the name',
    hidden: 'hidden by the teacher',
  } as const;
  for (const statement of data.statements) {
    lines.push(
      `- ${time(statement.writtenAt)}, on "${plain(statement.question)}": "${plain(statement.text)}" (${STATUS_WORDS[statement.status]})`,
    );
  }
  lines.push('', `## Votes on classmates’ statements (${data.statementVotes.length})`, '');
  if (data.statementVotes.length === 0) lines.push('None.');
  for (const given of data.statementVotes) {
    lines.push(`- ${time(given.votedAt)}: ${given.vote} with "${plain(given.statement)}"`);
  }
  lines.push(`## Replies to classmates on the class's wall (${data.wallReplies.length})`, '');
  if (data.wallReplies.length === 0) lines.push('None written.');
  for (const reply of data.wallReplies) {
    const state = reply.isHidden ? ' (hidden by the teacher)' : '';
    lines.push(
      `- ${time(reply.at)}, on "${plain(reply.question)}": ${WALL_REPLY_KIND_LABELS[reply.kind].toLowerCase()}${state}: "${plain(reply.text)}"`,
    );
  }
  lines.push('', ...forecastLines(data.forecasts, time));
  if (data.lmsGrade) {
    const { grade, comment, status, sentAt } = data.lmsGrade;
    const sending =
      status === 'sent' && sentAt ? `sent ${time(sentAt)}` : LMS_GRADE_STATUS_WORDS[status];
    lines.push(
      '## Grade for the school’s LMS',
      '',
      `${grade === null ? 'No grade' : `${grade} out of 100`} (${sending}): ${plain(comment)}`,
      '',
    );
  }
  lines.push(
    '## The event log',
    '',
    `${data.eventLog.entries} ${data.eventLog.entries === 1 ? 'entry' : 'entries'}. ${data.eventLog.note}`,
    '',
  );
  return lines.join('\n');
}
