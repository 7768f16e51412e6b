import fc from 'fast-check';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import {
  ApiClient,
  createLiveSession,
  joinAs,
  signUpTeacher,
  type ApiResponse,
} from './api-client';
import { itemIds, mostlyString, nastyString, sectionIds } from './fuzz-values';
import {
  type Actor,
  ENDPOINTS,
  type Endpoint,
  type Method,
  OWN_LESSON,
  encodeSegment,
  wireBody,
} from './fuzz-endpoints';

// The fuzz test's classes and callers, and one generated request sent as one of them.
interface FuzzClass {
  readonly name: 'main' | 'paced' | 'spare';
  readonly id: string;
  readonly code: string;
  readonly studentId: string;
}

export interface Fixture {
  /** The class that takes ordinary requests: self-paced, so every item is open. */
  readonly main: FuzzClass;
  /** A teacher-paced class, for the paths where the teacher leads. */
  readonly paced: FuzzClass;
  /** A class that ending, removing and deleting requests may reach. */
  readonly spare: FuzzClass;
}

/** Who sends a request, by name (so a failing case prints short). */
export type Caller =
  'teacher' | 'librarian' | 'stranger' | 'leaver' | `student of ${FuzzClass['name']}`;

export async function classOf(
  teacher: ApiClient,
  baseUrl: string,
  name: FuzzClass['name'],
  clients: Map<Caller, ApiClient>,
): Promise<FuzzClass> {
  const view = await createLiveSession(teacher, name === 'paced' ? 'teacher-paced' : 'self-paced');
  const { student, joined } = await joinAs(baseUrl, view.session.joinCode, 'Fuzz');
  clients.set(`student of ${name}`, student);
  return {
    name,
    id: view.session.id,
    code: view.session.joinCode,
    studentId: joined.participant.id,
  };
}

/** The caller an endpoint is for. */
function actorOf(endpoint: Endpoint): Actor {
  if (
    /\/(me|answers\/:itemId|progress|events|wall\/:responseId\/replies|my-forecasts(\/:itemId)?|my-leaderboard)$/.test(
      endpoint.path,
    )
  ) {
    return 'student';
  }
  if (
    endpoint.path.startsWith('/api/auth/sign-') ||
    endpoint.path.startsWith('/api/join') ||
    endpoint.path === '/api/forecasts/sign-in'
  ) {
    return 'stranger';
  }
  return 'teacher';
}

/** Null (use the real one) most of the time, else a nasty string. */
const realOrNasty = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: nastyString },
);

export function requestArbitrary(fixture: Fixture) {
  const { main, paced, spare } = fixture;
  return fc
    .record({
      endpoint: fc.constantFrom(...ENDPOINTS),
      /** Whether the request comes from the endpoint's own kind of caller. */
      isRightActor: fc.oneof(
        { weight: 3, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      anyActor: fc.constantFrom<Actor>('teacher', 'student', 'stranger'),
      target: fc.constantFrom(main, main, main, paced),
      params: fc.record({
        id: realOrNasty,
        itemId: mostlyString(itemIds),
        sectionId: mostlyString(sectionIds),
        participantId: realOrNasty,
        code: realOrNasty,
        responseId: nastyString,
        replyId: fc.oneof(fc.uuid(), nastyString),
        classId: fc.oneof(fc.uuid(), nastyString),
        requestId: fc.oneof(fc.uuid(), nastyString),
        lessonId: fc.oneof(
          { weight: 4, arbitrary: fc.constant(OWN_LESSON) },
          { weight: 1, arbitrary: fc.constant(lesson.id) },
          { weight: 1, arbitrary: nastyString },
        ),
      }),
    })
    .map(({ isRightActor, anyActor, ...rest }) => ({
      ...rest,
      actor:
        isRightActor || anyActor === actorOf(rest.endpoint) ? actorOf(rest.endpoint) : anyActor,
    }))
    .chain((picked) => {
      const target = picked.endpoint.isDestructive ? spare : picked.target;
      const values: Record<string, string> = {
        id: picked.params.id ?? target.id,
        itemId: picked.params.itemId,
        sectionId: picked.params.sectionId,
        participantId: picked.params.participantId ?? target.studentId,
        code: picked.params.code ?? target.code,
        responseId: picked.params.responseId,
        replyId: picked.params.replyId,
        classId: picked.params.classId,
        requestId: picked.params.requestId,
        lessonId: picked.params.lessonId,
      };
      const path = picked.endpoint.path.replace(/:(\w+)/g, (_, name: string) =>
        encodeSegment(values[name] ?? ''),
      );
      // Signing out is done by a teacher of its own, so the fuzzing teacher stays signed in.
      const caller: Caller =
        picked.endpoint.path === '/api/auth/sign-out' && picked.actor === 'teacher'
          ? 'leaver'
          : picked.endpoint.path.startsWith('/api/lessons') && picked.actor === 'teacher'
            ? 'librarian'
            : picked.actor === 'student'
              ? `student of ${target.name}`
              : picked.actor;
      const body = picked.endpoint.body ? wireBody(picked.endpoint.body) : fc.constant(undefined);
      const query = picked.endpoint.query ?? fc.constant(undefined);
      return fc.record({
        method: fc.constant(picked.endpoint.method),
        path: fc.constant(path),
        caller: fc.constant(caller),
        body,
        query,
      });
    });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query).flatMap(([key, value]) =>
    value === undefined
      ? []
      : [`${key}=${encodeSegment(typeof value === 'string' ? value : JSON.stringify(value))}`],
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The teacher's lesson that OWN_LESSON stands for, by teacher. */
const ownLessons = new WeakMap<ApiClient, string>();

/** A teacher of the fuzz's own, with a lesson of theirs (lesson paths name it). */
export async function lessonTeacher(baseUrl: string): Promise<ApiClient> {
  const teacher = await signUpTeacher(baseUrl);
  const made = await teacher.post<{ summary: { lessonId: string } }>('/api/lessons', {
    draft: lesson,
  });
  ownLessons.set(teacher, made.body.summary.lessonId);
  return teacher;
}

/** Sends one generated request; an event stream that opens is closed at once. */
export async function send(
  clients: Map<Caller, ApiClient>,
  request: {
    method: Method;
    path: string;
    caller: Caller;
    body: { raw: string; type: string } | undefined;
    query: Record<string, unknown> | undefined;
  },
): Promise<number> {
  const client = clients.get(request.caller);
  if (!client) throw new Error(`no client for ${request.caller}`);
  const path = request.path.replace(`/${OWN_LESSON}`, `/${ownLessons.get(client) ?? OWN_LESSON}`);
  const url = `${path}${queryString(request.query)}`;
  if (request.path.endsWith('/events')) {
    try {
      (await client.openStream(url)).close();
      return 200;
    } catch (error) {
      const status = /refused: (\d+)/.exec(String(error))?.[1];
      if (!status) throw error;
      return Number(status);
    }
  }
  let response: ApiResponse;
  if (request.method === 'GET') response = await client.get(url);
  else if (request.body)
    response = await client.sendRaw(request.method, url, request.body.raw, request.body.type);
  else response = await client.request(request.method, url);
  // A teacher past the lesson rate limits is replaced, so the lesson checks keep being reached.
  // Sign-ups are rate limited too: while they are, the same teacher goes on (and gets 429s).
  if (response.status === 429 && request.caller === 'librarian') {
    const fresh = await lessonTeacher(client.baseUrl).catch((error: unknown) => {
      if (!String(error).includes('rate_limited')) throw error;
      return null;
    });
    if (fresh) clients.set('librarian', fresh);
  }
  return response.status;
}
