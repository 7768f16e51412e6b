import { sessionListSchema } from '../dashboard-contracts';
import { studentLessonVersionSchema } from '../lesson-library-contracts';
import {
  changeSectionRequestSchema,
  createSessionRequestSchema,
  publishSummaryRequestSchema,
  teacherSessionViewSchema,
} from '../live-contracts';
import { studentExportQuerySchema } from '../student-data-contracts';
import {
  itemParams,
  participantParams,
  sectionParams,
  sessionParamsSchema,
  studentIdParams,
  teacherView,
} from './params';
import type { EndpointContract } from './contract';

/** Live sessions, as their teacher runs them: start, steer, end, the students' data. */
export const sessionEndpoints = {
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
} as const satisfies Readonly<Record<string, EndpointContract>>;
