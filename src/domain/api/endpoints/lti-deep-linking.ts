import { z } from 'zod';
import {
  deepLinkingAnswerSchema,
  deepLinkingRequestSchema,
  placeLessonRequestSchema,
} from '../lti-contracts';
import type { EndpointContract } from './contract';
import { id } from './params';

const requestParams = z.object({ requestId: id });
const REFUSALS =
  "404 deep_link_not_found for an unknown id or another teacher's request, 410 deep_link_expired after an hour, 409 deep_link_used once answered.";

/** LTI deep linking: the teacher picks, inside the LMS's "add an activity", what to place. */
export const ltiDeepLinkingEndpoints = {
  ltiDeepLinkingRequest: {
    method: 'GET',
    path: '/api/lti/deep-links/:requestId',
    caller: 'teacher',
    summary: `The LMS's request to add an activity, for its teacher to pick a lesson; ${REFUSALS}`,
    params: requestParams,
    responses: { 200: deepLinkingRequestSchema },
  },
  ltiPlaceLesson: {
    method: 'POST',
    path: '/api/lti/deep-links/:requestId/placement',
    caller: 'teacher',
    summary: `Places a published lesson of the library in the course in a mode, and signs the answer for the LMS; 409 lesson_not_published or lesson_archived; ${REFUSALS}`,
    params: requestParams,
    body: placeLessonRequestSchema,
    responses: { 201: deepLinkingAnswerSchema },
  },
  ltiCancelDeepLinking: {
    method: 'POST',
    path: '/api/lti/deep-links/:requestId/cancel',
    caller: 'teacher',
    summary: `Answers the LMS that nothing was picked; ${REFUSALS}`,
    params: requestParams,
    responses: { 200: deepLinkingAnswerSchema },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;
