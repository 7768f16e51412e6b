import { accountEndpoints } from './endpoints/accounts';
import { adminEndpoints } from './endpoints/admin';
import type { EndpointContract } from './endpoints/contract';
import { dashboardEndpoints } from './endpoints/dashboard';
import { forecastEndpoints } from './endpoints/forecasts';
import { lessonEndpoints } from './endpoints/lessons';
import { ltiDeepLinkingEndpoints } from './endpoints/lti-deep-linking';
import { ltiServiceEndpoints } from './endpoints/lti-services';
import { serverEndpoints } from './endpoints/server';
import { sessionEndpoints } from './endpoints/sessions';
import { signInEndpoints } from './endpoints/sign-in';
import { studentEndpoints } from './endpoints/student';

export type { Caller, EndpointAnswer, EndpointContract } from './endpoints/contract';

/**
 * Every endpoint of the API, as values both sides use: the server registers its routes from
 * them (validating params, query and body, and serialising the answer through its schema), and
 * the client builds its calls from them and parses each answer with the same schema.
 *
 * Every refusal answers `ApiErrorBody` (api-error.ts) with a 4xx or 5xx status. Writes (POST,
 * PUT, DELETE) need the header `x-csrf-token` equal to the `csrf` cookie. Teachers are known
 * by a cookie set at sign-up or sign-in; students by one set on joining, scoped to their session.
 */

export const endpoints = {
  ...serverEndpoints,
  ...accountEndpoints,
  ...signInEndpoints,
  ...adminEndpoints,
  ...lessonEndpoints,
  ...sessionEndpoints,
  ...dashboardEndpoints,
  ...studentEndpoints,
  ...forecastEndpoints,
  ...ltiDeepLinkingEndpoints,
  ...ltiServiceEndpoints,
} as const satisfies Readonly<Record<string, EndpointContract>>;
