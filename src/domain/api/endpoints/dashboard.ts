import { z } from 'zod';
import {
  addSpeakingTurnRequestSchema,
  moderateReplyRequestSchema,
  moderateResponseRequestSchema,
  projectorViewSchema,
  revealOutcomesRequestSchema,
  scoreWritingRequestSchema,
  sessionReportSchema,
  sessionSettingsRequestSchema,
  speakingTurnsResponseSchema,
  studentTranscriptSchema,
  themesResponseSchema,
  wallResponsesResponseSchema,
} from '../dashboard-contracts';
import {
  teacherWallReplySchema,
  teacherWallResponseSchema,
  writingFeedbackSchema,
} from '../result-contracts';
import {
  moderateStatementRequestSchema,
  teacherStatementsViewSchema,
} from '../statements-contracts';
import {
  id,
  itemParams,
  participantParams,
  sessionParamsSchema,
  studentIdParams,
  teacherView,
} from './params';
import type { EndpointContract } from './contract';

/** The teacher's dashboard: the response wall, themes, outcomes, speaking turns, statements, reports. */
export const dashboardEndpoints = {
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
    summary:
      "Hides or spotlights one response, by its author's participantId (or, with names hidden from the teacher, the responseId the wall gave in its place); sends wall.changed.",
    params: participantParams.extend({ itemId: id }),
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
      'How classmates appear to each other on the wall and projector (names, pseudonyms or anonymous; sends wall.changed), and whether the session is kept open past the idle end.',
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
    summary:
      "One student's answers; with names hidden from the teacher, not their discussion-prompt answers (namesHiddenNote says so).",
    params: studentIdParams,
    responses: { 200: studentTranscriptSchema },
  },
  answersCsv: {
    method: 'GET',
    path: '/api/sessions/:id/answers.csv',
    caller: 'owner',
    summary:
      'Every answer, one row each (RFC 4180, UTF-8 with BOM), as an attachment; columns student, section, section_title, item_id, item_kind, question, answer, answered_at, note (names hidden from the teacher: each discussion-prompt answer and its time left empty, the note says why).',
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
} as const satisfies Readonly<Record<string, EndpointContract>>;
