import {
  ltiGradesViewSchema,
  ltiRosterViewSchema,
  retryGradesRequestSchema,
} from '../lti-contracts';
import { sessionParamsSchema } from './params';
import type { EndpointContract } from './contract';

/** A session opened from an LMS (LTI 1.3): the grades sent back and the course's class list. */
export const ltiServiceEndpoints = {
  ltiGrades: {
    method: 'GET',
    path: '/api/sessions/:id/lti/grades',
    caller: 'owner',
    summary:
      "Each LMS student's grade and how sending it to the LMS goes: sent, pending, failing with the LMS's reason.",
    params: sessionParamsSchema,
    responses: { 200: ltiGradesViewSchema },
  },
  retryLtiGrades: {
    method: 'POST',
    path: '/api/sessions/:id/lti/grades/retry',
    caller: 'owner',
    summary: "Sends a failed or waiting grade again now (one student's, or all of them).",
    params: sessionParamsSchema,
    body: retryGradesRequestSchema,
    responses: { 200: ltiGradesViewSchema },
  },
  ltiRoster: {
    method: 'GET',
    path: '/api/sessions/:id/lti/roster',
    caller: 'owner',
    summary: "The course's learners (from the LMS's class list) who have not started.",
    params: sessionParamsSchema,
    responses: { 200: ltiRosterViewSchema },
  },
  refreshLtiRoster: {
    method: 'POST',
    path: '/api/sessions/:id/lti/roster/refresh',
    caller: 'owner',
    summary: "Reads the course's class list from the LMS again.",
    params: sessionParamsSchema,
    responses: { 200: ltiRosterViewSchema },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
