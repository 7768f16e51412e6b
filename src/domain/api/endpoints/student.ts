import { z } from 'zod';
import { wallReplyRequestSchema } from '../dashboard-contracts';
import {
  answerAckSchema,
  changeSectionRequestSchema,
  joinCodeSchema,
  joinLookupResponseSchema,
  joinRequestSchema,
  joinResponseSchema,
  rejoinRequestSchema,
  studentSessionViewSchema,
  submitAnswerRequestSchema,
} from '../live-contracts';
import { classWallReplySchema } from '../result-contracts';
import {
  addStatementRequestSchema,
  studentStatementsViewSchema,
  voteRequestSchema,
} from '../statements-contracts';
import { id, itemParams, offeredStatementQuery, sessionParamsSchema } from './params';
import type { EndpointContract } from './contract';

/** Students: joining a session, answering, statements, replies and the live stream. */
export const studentEndpoints = {
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
