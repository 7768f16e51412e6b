import { z } from 'zod';
import {
  checkResetLinkRequestSchema,
  checkResetLinkResponseSchema,
  confirmSignUpRequestSchema,
  forgotPasswordRequestSchema,
  forgotPasswordResponseSchema,
  passwordResetOptionsSchema,
  resetPasswordRequestSchema,
  signUpByEmailResponseSchema,
} from './account-contracts';
import {
  addSpeakingTurnRequestSchema,
  moderateReplyRequestSchema,
  moderateResponseRequestSchema,
  projectorViewSchema,
  revealOutcomesRequestSchema,
  sessionListSchema,
  scoreWritingRequestSchema,
  sessionReportSchema,
  sessionSettingsRequestSchema,
  speakingTurnsResponseSchema,
  studentTranscriptSchema,
  themesResponseSchema,
  wallReplyRequestSchema,
  wallResponsesResponseSchema,
} from './dashboard-contracts';
import {
  answerAckSchema,
  changeSectionRequestSchema,
  createSessionRequestSchema,
  joinCodeSchema,
  joinLookupResponseSchema,
  joinRequestSchema,
  joinResponseSchema,
  publishSummaryRequestSchema,
  rejoinRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  studentSessionViewSchema,
  submitAnswerRequestSchema,
  teacherResponseSchema,
  teacherSchema,
  teacherSessionViewSchema,
} from './live-contracts';
import {
  archiveLessonRequestSchema,
  createLessonRequestSchema,
  deleteLessonQuerySchema,
  importLessonRequestSchema,
  lessonDetailSchema,
  lessonFileQuerySchema,
  lessonLibrarySchema,
  lessonSummarySchema,
  saveDraftRequestSchema,
  studentLessonVersionSchema,
  saveDraftResponseSchema,
  shareLessonRequestSchema,
} from './lesson-library-contracts';
import {
  addStatementRequestSchema,
  moderateStatementRequestSchema,
  studentStatementsViewSchema,
  teacherStatementsViewSchema,
  voteRequestSchema,
} from './statements-contracts';
import {
  classWallReplySchema,
  teacherWallReplySchema,
  teacherWallResponseSchema,
  writingFeedbackSchema,
} from './result-contracts';
import { deleteAccountRequestSchema, studentExportQuerySchema } from './student-data-contracts';
import { itemAnswerKeySchema } from '../lesson/answer-key-schemas';

/**
 * Every endpoint of the API, as values both sides use: the server registers its routes from
 * them (validating params, query and body, and serialising the answer through its schema), and
 * the client builds its calls from them and parses each answer with the same schema.
 *
 * Every refusal answers `ApiErrorBody` (api-error.ts) with a 4xx or 5xx status. Writes (POST,
 * PUT, DELETE) need the header `x-csrf-token` equal to the `csrf` cookie. Teachers are known
 * by a cookie set at sign-up or sign-in; students by one set on joining, scoped to their session.
 */

/** Who may call an endpoint; `owner` is the teacher whose session it is. */
export type Caller = 'anyone' | 'teacher' | 'owner' | 'student' | 'owner or student';

/** An answer that is not JSON: an image, a file or an event stream. */
export interface NonJsonAnswer {
  readonly contentType: string;
}

/** A JSON answer's schema, `null` for an empty answer (204), or a non-JSON answer. */
export type EndpointAnswer = z.ZodType | null | NonJsonAnswer;

export interface EndpointContract {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's pattern: `:name` for each path parameter. */
  readonly path: string;
  readonly caller: Caller;
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The answer for each success status. */
  readonly responses: Readonly<Record<number, EndpointAnswer>>;
}

const id = z.string().max(64);
/** The common path parameters, written once. */
export const sessionParamsSchema = z.object({ id });
const itemParams = sessionParamsSchema.extend({ itemId: id });
/** The statement on a student's screen, kept as the next to vote on while it can be. */
const offeredStatementQuery = z.object({
  offered: z.uuid('offered must be a statement id').optional(),
});
const sectionParams = sessionParamsSchema.extend({ sectionId: id });
const lessonParams = z.object({ lessonId: id });
const participantParams = sessionParamsSchema.extend({ participantId: id });
const studentIdParams = sessionParamsSchema.extend({
  participantId: z.uuid('participantId must be a student id'),
});

const teacherView = { 200: teacherSessionViewSchema } as const;

export const endpoints = {
  // Server
  health: {
    method: 'GET',
    path: '/api/health',
    caller: 'anyone',
    summary: 'The server is up and its database answers.',
    responses: {
      200: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']) }),
    },
  },
  csrfToken: {
    method: 'GET',
    path: '/api/csrf',
    caller: 'anyone',
    summary: 'The token to echo in x-csrf-token on writes (also in the csrf cookie).',
    responses: { 200: z.object({ token: z.string() }) },
  },

  // Teacher accounts
  signUp: {
    method: 'POST',
    path: '/api/auth/sign-up',
    caller: 'anyone',
    summary:
      'Creates a teacher account and signs it in (201); when the server sends e-mail, sends a link that creates it (202), the same answer for an address that has an account, whose owner is told. A common or weak password is refused.',
    body: signUpRequestSchema,
    responses: { 201: teacherResponseSchema, 202: signUpByEmailResponseSchema },
  },
  confirmSignUp: {
    method: 'POST',
    path: '/api/auth/sign-up/confirm',
    caller: 'anyone',
    summary:
      'Creates the account a sign-up link was sent for and signs it in; 400 sign_up_link_invalid.',
    body: confirmSignUpRequestSchema,
    responses: { 201: teacherResponseSchema },
  },
  signIn: {
    method: 'POST',
    path: '/api/auth/sign-in',
    caller: 'anyone',
    summary: 'Signs a teacher in; 401 invalid_credentials.',
    body: signInRequestSchema,
    responses: { 200: teacherResponseSchema },
  },
  signOut: {
    method: 'POST',
    path: '/api/auth/sign-out',
    caller: 'anyone',
    summary: "Signs this browser's teacher out, if one is signed in.",
    responses: { 204: null },
  },
  signedIn: {
    method: 'GET',
    path: '/api/auth/session',
    caller: 'anyone',
    summary:
      'Who is signed in in this browser: the teacher, or null (200 either way, so a signed-out page logs no failed request).',
    responses: { 200: z.object({ teacher: teacherSchema.nullable() }) },
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    caller: 'teacher',
    summary: 'The signed-in teacher; 401 not_signed_in.',
    responses: { 200: teacherResponseSchema },
  },
  deleteAccount: {
    method: 'DELETE',
    path: '/api/auth/account',
    caller: 'teacher',
    summary:
      "Deletes the teacher's account and everything in it (lessons, sessions, students, answers, events, sign-ins) and signs out; 403 wrong_password.",
    body: deleteAccountRequestSchema,
    responses: { 204: null },
  },
  passwordResetOptions: {
    method: 'GET',
    path: '/api/auth/password-reset',
    caller: 'anyone',
    summary: 'Whether this server sends reset links by e-mail.',
    responses: { 200: passwordResetOptionsSchema },
  },
  forgotPassword: {
    method: 'POST',
    path: '/api/auth/forgot-password',
    caller: 'anyone',
    summary: 'Sends a reset link (202), or says how to get one when no e-mail is set up (200).',
    body: forgotPasswordRequestSchema,
    responses: { 200: forgotPasswordResponseSchema, 202: forgotPasswordResponseSchema },
  },
  checkResetLink: {
    method: 'POST',
    path: '/api/auth/reset-password/check',
    caller: 'anyone',
    summary: 'Whose password a reset link sets; 400 reset_link_invalid.',
    body: checkResetLinkRequestSchema,
    responses: { 200: checkResetLinkResponseSchema },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/auth/reset-password',
    caller: 'anyone',
    summary: 'Sets a new password with a reset link, signs out elsewhere and signs in here.',
    body: resetPasswordRequestSchema,
    responses: { 200: teacherResponseSchema },
  },

  // Lessons and sessions (teacher)
  listLessons: {
    method: 'GET',
    path: '/api/lessons',
    caller: 'teacher',
    summary:
      "The teacher's library: the built-in lessons and the teacher's own, archived ones included.",
    responses: { 200: lessonLibrarySchema },
  },
  createLesson: {
    method: 'POST',
    path: '/api/lessons',
    caller: 'teacher',
    summary: 'Creates a lesson of this teacher from a draft (any JSON up to 1 MB), unpublished.',
    body: createLessonRequestSchema,
    responses: { 201: lessonDetailSchema },
  },
  importLesson: {
    method: 'POST',
    path: '/api/lessons/import',
    caller: 'teacher',
    summary:
      "Imports a lesson file into the teacher's library as a new lesson, published as its version 1; 422 lesson_invalid lists every problem with its field path and line; 413 payload_too_large over 1 MB.",
    body: importLessonRequestSchema,
    responses: { 201: lessonDetailSchema },
  },
  getLesson: {
    method: 'GET',
    path: '/api/lessons/:lessonId',
    caller: 'teacher',
    summary:
      "A lesson of the library with its draft and newest version; 404 lesson_not_found for another teacher's lesson.",
    params: lessonParams,
    responses: { 200: lessonDetailSchema },
  },
  saveLessonDraft: {
    method: 'PUT',
    path: '/api/lessons/:lessonId/draft',
    caller: 'teacher',
    summary:
      'Saves the draft as typed (valid or not); 409 draft_conflict when a newer draft was saved elsewhere; 403 lesson_read_only for a built-in lesson.',
    params: lessonParams,
    body: saveDraftRequestSchema,
    responses: { 200: saveDraftResponseSchema },
  },
  publishLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/publish',
    caller: 'teacher',
    summary:
      'Publishes the draft as a new version, which never changes again; 422 lesson_invalid lists its problems.',
    params: lessonParams,
    responses: { 200: lessonDetailSchema },
  },
  duplicateLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/duplicate',
    caller: 'teacher',
    summary: "A copy of a lesson (its draft, or its newest version) as this teacher's new draft.",
    params: lessonParams,
    responses: { 201: lessonDetailSchema },
  },
  archiveLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/archive',
    caller: 'teacher',
    summary: 'Archives a lesson (hidden from new sessions, kept for reports) or brings it back.',
    params: lessonParams,
    body: archiveLessonRequestSchema,
    responses: { 200: lessonSummarySchema },
  },
  shareLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/share',
    caller: 'teacher',
    summary:
      'Gives the lesson an unguessable self-study link, or withdraws it (the old link then answers 404).',
    params: lessonParams,
    body: shareLessonRequestSchema,
    responses: { 200: lessonSummarySchema },
  },
  deleteLesson: {
    method: 'DELETE',
    path: '/api/lessons/:lessonId',
    caller: 'teacher',
    summary:
      'Deletes a lesson; one that sessions used is deleted with its sessions only when `sessions` confirms how many, else 409 lesson_has_sessions.',
    params: lessonParams,
    query: deleteLessonQuerySchema,
    responses: { 204: null },
  },
  lessonFile: {
    method: 'GET',
    path: '/api/lessons/:lessonId/file',
    caller: 'teacher',
    summary:
      'A published version as an open lesson file (docs/lesson-format.md), as an attachment; 409 lesson_not_published before the first version.',
    params: lessonParams,
    query: lessonFileQuerySchema,
    responses: { 200: { contentType: 'application/json; charset=utf-8' } },
  },
  sharedLesson: {
    method: 'GET',
    path: '/api/shared-lessons/:shareKey',
    caller: 'anyone',
    summary:
      'The newest published version of a lesson shared by link (built-in lessons are shared by their id), for self-study, without its answer keys; 404 lesson_not_found.',
    params: z.object({ shareKey: id }),
    responses: { 200: studentLessonVersionSchema },
  },
  sharedLessonAnswerKey: {
    method: 'GET',
    path: '/api/shared-lessons/:shareKey/versions/:versionId/keys/:itemId',
    caller: 'anyone',
    summary:
      "One item's answer key (a claim check's sorting, a forecast's outcomes, a writing task's model answer) in a version of a lesson shared by link, which self-study asks for once the student has done the item; 404 lesson_not_found, 404 item_not_found for an item without a key.",
    params: z.object({ shareKey: id, versionId: z.uuid(), itemId: id }),
    responses: { 200: itemAnswerKeySchema },
  },
  createSession: {
    method: 'POST',
    path: '/api/sessions',
    caller: 'teacher',
    summary: 'Starts a live session of a lesson.',
    body: createSessionRequestSchema,
    responses: { 201: teacherSessionViewSchema },
  },
  listSessions: {
    method: 'GET',
    path: '/api/sessions',
    caller: 'teacher',
    summary: "The teacher's sessions, with counts of students and answers.",
    responses: { 200: sessionListSchema },
  },
  getSession: {
    method: 'GET',
    path: '/api/sessions/:id',
    caller: 'owner',
    summary: 'The session as its teacher sees it.',
    params: sessionParamsSchema,
    responses: teacherView,
  },
  sessionLesson: {
    method: 'GET',
    path: '/api/sessions/:id/lesson',
    caller: 'owner or student',
    summary:
      'The lesson version the session pinned when it started: editing the lesson never changes it. A student gets it without its answer keys (the student view carries those of revealed items); the teacher gets it whole.',
    params: sessionParamsSchema,
    responses: { 200: studentLessonVersionSchema },
  },
  deleteSession: {
    method: 'DELETE',
    path: '/api/sessions/:id',
    caller: 'owner',
    summary: 'Deletes the session for good; afterwards every call on it answers 404.',
    params: sessionParamsSchema,
    responses: { 204: null },
  },
  sessionQrCode: {
    method: 'GET',
    path: '/api/sessions/:id/qr.svg',
    caller: 'owner',
    summary: 'A QR code of the join address.',
    params: sessionParamsSchema,
    responses: { 200: { contentType: 'image/svg+xml' } },
  },
  changeSection: {
    method: 'POST',
    path: '/api/sessions/:id/section',
    caller: 'owner',
    summary: 'Moves the class to a section; sends section.changed.',
    params: sessionParamsSchema,
    body: changeSectionRequestSchema,
    responses: teacherView,
  },
  openItem: {
    method: 'POST',
    path: '/api/sessions/:id/items/:itemId/open',
    caller: 'owner',
    summary: 'Opens an item for answers; sends item.changed.',
    params: itemParams,
    responses: teacherView,
  },
  closeItem: {
    method: 'POST',
    path: '/api/sessions/:id/items/:itemId/close',
    caller: 'owner',
    summary: 'Closes an item to answers; sends item.changed.',
    params: itemParams,
    responses: teacherView,
  },
  revealItem: {
    method: 'POST',
    path: '/api/sessions/:id/items/:itemId/reveal',
    caller: 'owner',
    summary: "Shows an item's results to the class; sends item.changed and results.revealed.",
    params: itemParams,
    responses: teacherView,
  },
  publishSummary: {
    method: 'POST',
    path: '/api/sessions/:id/summaries/:sectionId',
    caller: 'owner',
    summary: "Publishes the section's summary; sends summary.published.",
    params: sectionParams,
    body: publishSummaryRequestSchema,
    responses: teacherView,
  },
  withdrawSummary: {
    method: 'DELETE',
    path: '/api/sessions/:id/summaries/:sectionId',
    caller: 'owner',
    summary: "Withdraws the section's summary; sends summary.withdrawn.",
    params: sectionParams,
    responses: teacherView,
  },
  endSession: {
    method: 'POST',
    path: '/api/sessions/:id/end',
    caller: 'owner',
    summary: 'Ends the session; sends session.ended.',
    params: sessionParamsSchema,
    responses: teacherView,
  },
  removeParticipant: {
    method: 'DELETE',
    path: '/api/sessions/:id/participants/:participantId',
    caller: 'owner',
    summary:
      'Removes a student: they cannot rejoin and their stream closes (participant.removed); their answers stay stored, left out of results, the wall and reports.',
    params: participantParams,
    responses: teacherView,
  },
  exportStudentData: {
    method: 'GET',
    path: '/api/sessions/:id/participants/:participantId/export',
    caller: 'owner',
    summary:
      'Everything the app holds about one student (removed ones too), as an attachment: JSON (StudentDataExport), or Markdown with format=markdown.',
    params: studentIdParams,
    query: studentExportQuerySchema,
    responses: { 200: { contentType: 'application/json or text/markdown; charset=utf-8' } },
  },
  deleteStudentData: {
    method: 'DELETE',
    path: '/api/sessions/:id/participants/:participantId/data',
    caller: 'owner',
    summary:
      'Deletes one student (removed ones too) and every row naming them, event log included; their stream closes; sends roster.changed.',
    params: studentIdParams,
    responses: teacherView,
  },

  // Teacher dashboard
  wallResponses: {
    method: 'GET',
    path: '/api/sessions/:id/responses',
    caller: 'owner',
    summary: 'Every open response, hidden ones flagged, filtered by item and a search text.',
    params: sessionParamsSchema,
    query: z.object({ itemId: id.optional(), q: z.string().max(200).optional() }),
    responses: { 200: wallResponsesResponseSchema },
  },
  moderateResponse: {
    method: 'POST',
    path: '/api/sessions/:id/responses/:participantId/:itemId',
    caller: 'owner',
    summary: 'Hides or spotlights one response; sends wall.changed.',
    params: studentIdParams.extend({ itemId: id }),
    body: moderateResponseRequestSchema,
    responses: { 200: teacherWallResponseSchema },
  },
  moderateReply: {
    method: 'POST',
    path: '/api/sessions/:id/replies/:replyId',
    caller: 'owner',
    summary: 'Hides a reply from the class, or shows it again; sends wall.changed.',
    params: sessionParamsSchema.extend({ replyId: z.uuid('replyId must be a reply id') }),
    body: moderateReplyRequestSchema,
    responses: { 200: teacherWallReplySchema },
  },
  sessionSettings: {
    method: 'POST',
    path: '/api/sessions/:id/settings',
    caller: 'owner',
    summary:
      'How classmates appear to each other on the wall and projector: names, pseudonyms or anonymous; sends wall.changed.',
    params: sessionParamsSchema,
    body: sessionSettingsRequestSchema,
    responses: teacherView,
  },
  themes: {
    method: 'GET',
    path: '/api/sessions/:id/themes',
    caller: 'owner',
    summary: "Key phrases from the students' responses to a section.",
    params: sessionParamsSchema,
    query: z.object({ sectionId: z.string().min(1).max(64) }),
    responses: { 200: themesResponseSchema },
  },
  revealOutcomes: {
    method: 'POST',
    path: '/api/sessions/:id/outcomes',
    caller: 'owner',
    summary: "Reveals a forecast's outcomes and scores it; sends outcomes.revealed.",
    params: sessionParamsSchema,
    body: revealOutcomesRequestSchema,
    responses: teacherView,
  },
  scoreWriting: {
    method: 'PUT',
    path: '/api/sessions/:id/writing/:itemId/participants/:participantId',
    caller: 'owner',
    summary:
      "Scores a student's writing against the task's rubric, with a comment; release: true lets the student see it (sends feedback.released).",
    params: studentIdParams.extend({ itemId: id }),
    body: scoreWritingRequestSchema,
    responses: { 200: writingFeedbackSchema },
  },
  speakingTurns: {
    method: 'GET',
    path: '/api/sessions/:id/turns',
    caller: 'owner',
    summary: 'Every turn recorded in the spoken discussion, oldest first.',
    params: sessionParamsSchema,
    responses: { 200: speakingTurnsResponseSchema },
  },
  addSpeakingTurn: {
    method: 'POST',
    path: '/api/sessions/:id/turns',
    caller: 'owner',
    summary:
      'Records that a student spoke (optionally its kind); answers every turn; sends turns.changed to the teacher.',
    params: sessionParamsSchema,
    body: addSpeakingTurnRequestSchema,
    responses: { 200: speakingTurnsResponseSchema },
  },
  removeSpeakingTurn: {
    method: 'DELETE',
    path: '/api/sessions/:id/turns/:turnId',
    caller: 'owner',
    summary: 'Takes back a turn recorded by mistake; answers every turn; sends turns.changed.',
    params: sessionParamsSchema.extend({ turnId: z.uuid('turnId must be a turn id') }),
    responses: { 200: speakingTurnsResponseSchema },
  },
  speakingCsv: {
    method: 'GET',
    path: '/api/sessions/:id/speaking.csv',
    caller: 'owner',
    summary:
      "Each student's speaking turns, share and turns by kind, one row each (RFC 4180, UTF-8 with BOM), as an attachment.",
    params: sessionParamsSchema,
    responses: { 200: { contentType: 'text/csv; charset=utf-8' } },
  },
  teacherStatements: {
    method: 'GET',
    path: '/api/sessions/:id/statements/:itemId',
    caller: 'owner',
    summary:
      "A class-statements item: every statement with its author, status and votes, and the opinion map with each group's members.",
    params: itemParams,
    responses: { 200: teacherStatementsViewSchema },
  },
  moderateStatement: {
    method: 'POST',
    path: '/api/sessions/:id/statements/:itemId/:statementId',
    caller: 'owner',
    summary:
      'Shows (approves) or hides a statement; sends statements.changed, and map.updated once the map is drawn again.',
    params: itemParams.extend({ statementId: z.uuid('statementId must be a statement id') }),
    body: moderateStatementRequestSchema,
    responses: { 200: teacherStatementsViewSchema },
  },
  report: {
    method: 'GET',
    path: '/api/sessions/:id/report',
    caller: 'owner',
    summary: 'The report: students, answers per item, summaries, responses, forecast scores.',
    params: sessionParamsSchema,
    responses: { 200: sessionReportSchema },
  },
  transcript: {
    method: 'GET',
    path: '/api/sessions/:id/participants/:participantId/transcript',
    caller: 'owner',
    summary: "One student's answers.",
    params: studentIdParams,
    responses: { 200: studentTranscriptSchema },
  },
  answersCsv: {
    method: 'GET',
    path: '/api/sessions/:id/answers.csv',
    caller: 'owner',
    summary: 'Every answer, one row each (RFC 4180, UTF-8 with BOM), as an attachment.',
    params: sessionParamsSchema,
    responses: { 200: { contentType: 'text/csv; charset=utf-8' } },
  },
  projector: {
    method: 'GET',
    path: '/api/sessions/:id/projector',
    caller: 'owner',
    summary: 'What the classroom screen shows.',
    params: sessionParamsSchema,
    responses: { 200: projectorViewSchema },
  },

  // Students
  lookUpJoinCode: {
    method: 'GET',
    path: '/api/join/:code',
    caller: 'anyone',
    summary: 'The session a join code opens; 404 session_not_found, 410 session_ended.',
    params: z.object({ code: joinCodeSchema }),
    responses: { 200: joinLookupResponseSchema },
  },
  join: {
    method: 'POST',
    path: '/api/join',
    caller: 'anyone',
    summary:
      'Joins a session and sets the student cookie; 409 name_taken unless asNewNamesake (then "Sam (2)").',
    body: joinRequestSchema,
    responses: { 201: joinResponseSchema },
  },
  rejoin: {
    method: 'POST',
    path: '/api/rejoin',
    caller: 'anyone',
    summary:
      'Back in as the same student on a new device, with every answer; the old device is signed out and the rejoin code replaced by a new one (participant.rejoined to the teacher). 403 rejoin_refused; 429 rate_limited (wrong codes per address, or for this student).',
    body: rejoinRequestSchema,
    responses: { 200: joinResponseSchema },
  },
  studentView: {
    method: 'GET',
    path: '/api/sessions/:id/me',
    caller: 'student',
    summary:
      "The session as this student sees it; 401 not_joined, 403 participant_removed or participant_deleted (the teacher deleted this device's student).",
    params: sessionParamsSchema,
    responses: { 200: studentSessionViewSchema },
  },
  submitAnswer: {
    method: 'PUT',
    path: '/api/sessions/:id/answers/:itemId',
    caller: 'student',
    summary:
      'Saves an answer, acknowledged only after commit; a retry never duplicates, an older revision never wins. 409 item_not_open.',
    params: itemParams,
    body: submitAnswerRequestSchema,
    responses: { 200: answerAckSchema },
  },
  studentStatements: {
    method: 'GET',
    path: '/api/sessions/:id/statements/:itemId/mine',
    caller: 'student',
    summary:
      "A class-statements item as the student sees it: the next statement to vote on, their own statements, the class's map and their group. `offered`, the statement on the student's screen, stays the next one while they can still vote on it.",
    params: itemParams,
    query: offeredStatementQuery,
    responses: { 200: studentStatementsViewSchema },
  },
  addStatement: {
    method: 'POST',
    path: '/api/sessions/:id/statements/:itemId/mine',
    caller: 'student',
    summary:
      'Writes a statement (shown at once, or waiting for approval when the item asks for it); sends statements.changed. `offered` as for the view.',
    params: itemParams,
    query: offeredStatementQuery,
    body: addStatementRequestSchema,
    responses: { 200: studentStatementsViewSchema },
  },
  voteOnStatement: {
    method: 'PUT',
    path: '/api/sessions/:id/statements/:itemId/votes/:statementId',
    caller: 'student',
    summary:
      "Agrees, disagrees or passes on a classmate's statement (a new vote replaces the old); the map is drawn again within a second or two (map.updated).",
    params: itemParams.extend({ statementId: z.uuid('statementId must be a statement id') }),
    body: voteRequestSchema,
    responses: { 200: studentStatementsViewSchema },
  },
  replyToResponse: {
    method: 'POST',
    path: '/api/sessions/:id/wall/:responseId/replies',
    caller: 'student',
    summary:
      "Replies to a classmate's response on this student's wall, by its responseId (answer first; not one's own, a hidden one or after the end); sends wall.changed. 429 past 20 a minute.",
    params: sessionParamsSchema.extend({ responseId: id }),
    body: wallReplyRequestSchema,
    responses: { 201: classWallReplySchema },
  },
  reportProgress: {
    method: 'POST',
    path: '/api/sessions/:id/progress',
    caller: 'student',
    summary: 'In a self-paced session, the section the student is in.',
    params: sessionParamsSchema,
    body: changeSectionRequestSchema,
    responses: { 204: null },
  },
  events: {
    method: 'GET',
    path: '/api/sessions/:id/events',
    caller: 'owner or student',
    summary:
      'The live stream (server-sent events) of LiveEvent messages (live-events.ts); resume with Last-Event-ID.',
    params: sessionParamsSchema,
    responses: { 200: { contentType: 'text/event-stream' } },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
