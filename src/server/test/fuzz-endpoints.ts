import fc from 'fast-check';
import {
  answerBody,
  anyJson,
  field,
  forecastDay,
  forecastUpdateBody,
  lessonDraft,
  lessonFile,
  mostly,
  mostlyString,
  nastyNumber,
  nastyString,
  outcomesBody,
  promptIds,
  resolutionBody,
  sectionIds,
  timestamp,
} from './fuzz-values';

// Every endpoint as the fuzz test reaches it: the parameters of its path, its query and body.
/** Stands for the lesson of the teacher sending the request (teachers change: rate limits). */
export const OWN_LESSON = 'own-lesson';

export type Actor = 'teacher' | 'student' | 'stranger';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One endpoint: how to make its path from generated parameters, and its body. */
export interface Endpoint {
  readonly method: Method;
  readonly path: string;
  readonly body?: fc.Arbitrary<unknown>;
  /** Ends or deletes what it reaches: aimed at a session kept for it. */
  readonly isDestructive?: boolean;
  /** The query string's parameters. */
  readonly query?: fc.Arbitrary<Record<string, unknown>>;
}

export const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'POST',
    path: '/api/auth/sign-up',
    body: fc.record({
      email: fc.oneof(fc.emailAddress(), nastyString, anyJson),
      name: fc.oneof(nastyString, anyJson),
      password: fc.oneof(nastyString, anyJson),
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in',
    body: fc.record({
      email: fc.oneof(fc.emailAddress(), nastyString, anyJson),
      password: fc.oneof(nastyString, anyJson),
    }),
  },
  { method: 'POST', path: '/api/auth/sign-out', body: anyJson },
  { method: 'GET', path: '/api/data-policy' },
  { method: 'GET', path: '/api/auth/me' },
  { method: 'GET', path: '/api/auth/session' },
  { method: 'GET', path: '/api/lessons' },
  {
    method: 'POST',
    path: '/api/sessions',
    body: fc.record({
      lessonId: mostly(['soleimani-2020']),
      mode: mostly(['teacher-paced', 'self-paced']),
    }),
  },
  { method: 'GET', path: '/api/sessions' },
  { method: 'GET', path: '/api/sessions/:id' },
  { method: 'GET', path: '/api/sessions/:id/qr.svg' },
  { method: 'GET', path: '/api/sessions/:id/me' },
  { method: 'GET', path: '/api/sessions/:id/events' },
  {
    method: 'POST',
    path: '/api/sessions/:id/section',
    body: fc.record({ sectionId: mostly(sectionIds) }),
  },
  { method: 'POST', path: '/api/sessions/:id/items/:itemId/open', body: anyJson },
  { method: 'POST', path: '/api/sessions/:id/items/:itemId/close', body: anyJson },
  { method: 'POST', path: '/api/sessions/:id/items/:itemId/reveal', body: anyJson },
  {
    method: 'POST',
    path: '/api/sessions/:id/summaries/:sectionId',
    body: fc.record({ text: fc.oneof(nastyString, anyJson) }),
  },
  { method: 'DELETE', path: '/api/sessions/:id/summaries/:sectionId' },
  { method: 'POST', path: '/api/sessions/:id/end', body: anyJson, isDestructive: true },
  { method: 'DELETE', path: '/api/sessions/:id/participants/:participantId', isDestructive: true },
  { method: 'GET', path: '/api/join/:code' },
  {
    method: 'POST',
    path: '/api/join',
    body: fc.record({
      code: fc.oneof(nastyString, anyJson),
      displayName: fc.oneof(nastyString, anyJson),
    }),
  },
  { method: 'PUT', path: '/api/sessions/:id/answers/:itemId', body: answerBody },
  {
    method: 'POST',
    path: '/api/sessions/:id/progress',
    body: fc.record({ sectionId: mostly(sectionIds) }),
  },
  {
    method: 'GET',
    path: '/api/sessions/:id/responses',
    query: fc.record({ itemId: field(mostlyString(promptIds)), q: field(nastyString) }),
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/responses/:participantId/:itemId',
    body: fc.record({
      isHidden: field(mostly([true, false])),
      isSpotlighted: field(mostly([true, false])),
    }),
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/settings',
    body: fc.record({ wallIdentity: mostly(['names', 'pseudonyms', 'anonymous']) }),
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/wall/:responseId/replies',
    body: fc.record({
      kind: field(mostly(['builds-on', 'challenges', 'asks'])),
      text: field(fc.oneof(nastyString, anyJson)),
    }),
  },
  {
    method: 'POST',
    path: '/api/sessions/:id/replies/:replyId',
    body: fc.record({ isHidden: field(mostly([true, false])) }),
  },
  {
    method: 'GET',
    path: '/api/sessions/:id/themes',
    query: fc.record({ sectionId: field(mostlyString(sectionIds)) }),
  },
  { method: 'POST', path: '/api/sessions/:id/outcomes', body: outcomesBody },
  { method: 'GET', path: '/api/sessions/:id/projector' },
  { method: 'GET', path: '/api/sessions/:id/report' },
  { method: 'GET', path: '/api/sessions/:id/participants/:participantId/transcript' },
  { method: 'GET', path: '/api/sessions/:id/answers.csv' },
  // Forecasts that live past the lesson (issue 26).
  { method: 'GET', path: '/api/classes' },
  {
    method: 'POST',
    path: '/api/classes',
    body: fc.record({ name: fc.oneof(nastyString, anyJson) }),
  },
  {
    method: 'PUT',
    path: '/api/classes/:classId',
    body: fc.record({ name: fc.oneof(nastyString, anyJson) }),
  },
  { method: 'DELETE', path: '/api/classes/:classId' },
  { method: 'GET', path: '/api/classes/:classId/forecasts' },
  {
    method: 'PUT',
    path: '/api/sessions/:id/class',
    body: fc.record({ classId: fc.oneof(fc.constant(null), fc.uuid(), nastyString, anyJson) }),
  },
  { method: 'GET', path: '/api/sessions/:id/forecasts' },
  {
    method: 'PUT',
    path: '/api/sessions/:id/forecasts/:itemId/close-date',
    body: fc.record({ closesOn: fc.oneof(fc.constant(null), forecastDay, nastyString, anyJson) }),
  },
  { method: 'PUT', path: '/api/sessions/:id/forecasts/:itemId/resolution', body: resolutionBody },
  {
    method: 'PUT',
    path: '/api/sessions/:id/forecast-teams',
    body: fc.record({
      teams: fc.oneof(
        fc.array(
          fc.record({
            name: fc.oneof(nastyString, anyJson),
            participantIds: fc.oneof(fc.array(fc.uuid(), { maxLength: 3 }), anyJson),
          }),
          { maxLength: 3 },
        ),
        anyJson,
      ),
    }),
  },
  {
    method: 'PUT',
    path: '/api/sessions/:id/leaderboard',
    body: fc.record({ mode: mostly(['off', 'pseudonyms', 'names']) }),
  },
  { method: 'GET', path: '/api/forecasts/due' },
  { method: 'GET', path: '/api/sessions/:id/forecasts.csv' },
  {
    method: 'POST',
    path: '/api/forecasts/sign-in',
    body: fc.record({
      code: fc.oneof(nastyString, anyJson),
      displayName: fc.oneof(nastyString, anyJson),
      rejoinCode: fc.oneof(nastyString, anyJson),
    }),
  },
  { method: 'GET', path: '/api/sessions/:id/my-forecasts' },
  { method: 'POST', path: '/api/sessions/:id/my-forecasts/:itemId', body: forecastUpdateBody },
  {
    method: 'PUT',
    path: '/api/sessions/:id/my-leaderboard',
    body: fc.record({ optIn: mostly([true, false]) }),
  },
  { method: 'GET', path: '/api/sessions/:id/lti/grades' },
  {
    method: 'POST',
    path: '/api/sessions/:id/lti/grades/retry',
    body: fc.oneof(
      fc.record({ participantId: fc.oneof(fc.uuid(), nastyString, anyJson) }),
      anyJson,
    ),
  },
  { method: 'GET', path: '/api/sessions/:id/lti/roster' },
  { method: 'POST', path: '/api/sessions/:id/lti/roster/refresh', body: anyJson },
  { method: 'DELETE', path: '/api/sessions/:id', isDestructive: true },
  { method: 'POST', path: '/api/lessons/import', body: fc.record({ file: lessonFile }) },
  { method: 'POST', path: '/api/lessons', body: fc.record({ draft: lessonDraft }) },
  {
    method: 'POST',
    path: '/api/lessons/drafts',
    // Only addresses refused before any connection: the fuzz test never reaches the network.
    body: fc.oneof(
      fc.record({
        url: fc.oneof(
          fc.constantFrom('ftp://a.example/', 'http://10.0.0.1/', 'http://[::1]/'),
          anyJson,
        ),
      }),
      fc.record({ html: fc.oneof(nastyString, anyJson), fileName: field(nastyString) }),
      fc.record({ text: fc.oneof(nastyString, anyJson), fileName: field(nastyString) }),
      anyJson,
    ),
  },
  { method: 'GET', path: '/api/lessons/:lessonId' },
  {
    method: 'PUT',
    path: '/api/lessons/:lessonId/draft',
    body: fc.record({ draft: lessonDraft, basedOn: field(timestamp) }),
  },
  { method: 'POST', path: '/api/lessons/:lessonId/publish', body: anyJson },
  {
    method: 'GET',
    path: '/api/lessons/:lessonId/file',
    query: fc.record({
      version: field(
        fc.oneof(
          nastyNumber,
          fc.constantFrom('1', '2147483647', '2147483648', '9'.repeat(30), '-1', '1.5'),
        ),
      ),
    }),
  },
];

/** Percent-encodes any string, lone surrogates too (as the bytes a sloppy encoder would send). */
export function encodeSegment(value: string): string {
  let encoded = '';
  for (const character of value) {
    try {
      encoded += encodeURIComponent(character);
    } catch {
      const code = character.charCodeAt(0);
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return encoded;
}

/** How a body goes on the wire: JSON, broken JSON, or not JSON at all. */
export const wireBody = (body: fc.Arbitrary<unknown>) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: body.map((value) => ({
        raw: (JSON.stringify(value) as string | undefined) ?? 'null',
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { raw: '{"revision": NaN}', type: 'application/json' },
        { raw: '{', type: 'application/json' },
        { raw: '', type: 'application/json' },
        { raw: '{"__proto__": {"x": 1}}', type: 'application/json' },
        { raw: '{"constructor": {"prototype": {"x": 1}}}', type: 'application/json' },
        { raw: 'text=plain', type: 'text/plain' },
        { raw: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
      ),
    },
  );
