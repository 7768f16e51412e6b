import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { LIMITS } from '#domain/live/live-constants';
import {
  type AnswerAck,
  type StudentSessionView,
  type TeacherSessionView,
} from '#domain/api/live-contracts';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  signUpTeacher,
  type ApiResponse,
  classJoinedBy,
} from './api-client';
import { describeWithServer, useServerPerTest } from './use-test-server';

const items = lesson.sections.flatMap((s) => s.items);
function itemOfKind<K extends Item['kind']>(kind: K): Extract<Item, { kind: K }> {
  const found = items.find((i): i is Extract<Item, { kind: K }> => i.kind === kind);
  if (!found) throw new Error(`the lesson has no ${kind} item`);
  return found;
}
const prompt = itemOfKind('prompt');
const poll = itemOfKind('poll');
const forecast = itemOfKind('forecast');
const scenarioId = forecast.scenarios[0]!.id;
/** A probability for every scenario of the forecast, as the server requires. */
const fullForecast = (percent: number) =>
  Object.fromEntries(forecast.scenarios.map((s) => [s.id, percent]));

const promptAnswer = (text: string, revision = 1, submissionId = randomUUID()) => ({
  submissionId,
  revision,
  answer: { kind: 'prompt', text },
});

/** A refusal: a 4xx with `{ error: { code, message, field? } }`. */
function expectRefusal(response: ApiResponse, status: number, code: string, field?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const error = errorOf(response);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  if (field === undefined) return;
  expect(error.field).toBe(field);
  expect(error.message).toContain(field);
}

describeWithServer('answers and joins on %s', (ctx) => {
  const startServerOfItsOwn = useServerPerTest(ctx.kind);

  /** A self-paced session (every item open) with one student. */
  async function selfPacedClass(baseUrl = ctx.server.baseUrl) {
    const { teacher, base, code, students } = await classJoinedBy(baseUrl, 'self-paced', ['Ava']);
    const [{ student }] = students;
    const myAnswers = async () =>
      (await student.get<StudentSessionView>(`${base}/me`)).body.myAnswers;
    const answerCounts = async () =>
      (await teacher.get<TeacherSessionView>(base)).body.answerCounts;
    return { teacher, student, base, code, myAnswers, answerCounts };
  }

  it('keeps one answer however often the same submission is retried', async () => {
    const { student, base, myAnswers, answerCounts } = await selfPacedClass();
    const body = promptAnswer('Because he misread Iran.');
    const url = `${base}/answers/${prompt.id}`;
    const acks: ApiResponse[] = [];
    for (let i = 0; i < 3; i += 1) acks.push(await student.put<AnswerAck>(url, body));
    // Retries that overlap, as after a timeout on a slow network.
    acks.push(...(await Promise.all([1, 2, 3].map(() => student.put<AnswerAck>(url, body)))));
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(ack.body).toEqual({ itemId: prompt.id, submissionId: body.submissionId, revision: 1 });
    }
    expect(await myAnswers()).toEqual([{ itemId: prompt.id, answer: body.answer, revision: 1 }]);
    expect(await answerCounts()).toEqual({ [prompt.id]: 1 });
  });

  it('never lets an older revision arriving late overwrite a newer one', async () => {
    const { student, base, myAnswers } = await selfPacedClass();
    const url = `${base}/answers/${prompt.id}`;
    const newer = promptAnswer('My second thought.', 2);
    const older = promptAnswer('My first thought.', 1);
    expect((await student.put<AnswerAck>(url, newer)).body.revision).toBe(2);
    const late = await student.put<AnswerAck>(url, older);
    expect(late.status).toBe(200);
    expect(late.body).toEqual({ itemId: prompt.id, submissionId: newer.submissionId, revision: 2 });
    expect(await myAnswers()).toEqual([{ itemId: prompt.id, answer: newer.answer, revision: 2 }]);

    const third = promptAnswer('My third thought.', 3);
    expect((await student.put<AnswerAck>(url, third)).body).toEqual({
      itemId: prompt.id,
      submissionId: third.submissionId,
      revision: 3,
    });
    expect(await myAnswers()).toEqual([{ itemId: prompt.id, answer: third.answer, revision: 3 }]);
  });

  it('refuses an answer of the wrong kind for the item, naming answer.kind', async () => {
    const { student, base, myAnswers } = await selfPacedClass();
    const response = await student.put(
      `${base}/answers/${poll.id}`,
      promptAnswer('A poll needs options'),
    );
    expectRefusal(response, 400, 'invalid_input', 'answer.kind');
    expect(await myAnswers()).toEqual([]);
  });

  it('refuses malformed answers with the field named, and keeps what was saved', async () => {
    const { student, base, myAnswers, answerCounts } = await selfPacedClass();
    const promptUrl = `${base}/answers/${prompt.id}`;
    const forecastUrl = `${base}/answers/${forecast.id}`;
    expect((await student.put(promptUrl, promptAnswer('Kept.'))).status).toBe(200);
    const savedForecast = {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'forecast', probabilities: fullForecast(40) },
    };
    expect((await student.put(forecastUrl, savedForecast)).status).toBe(200);
    const saved = await myAnswers();
    const counts = await answerCounts();
    expect(saved).toHaveLength(2);

    const { submissionId: _missing, ...withoutId } = promptAnswer('No id', 2);
    expectRefusal(await student.put(promptUrl, withoutId), 400, 'invalid_input', 'submissionId');
    expectRefusal(
      await student.put(promptUrl, { ...promptAnswer('Bad id', 2), submissionId: 'not-a-uuid' }),
      400,
      'invalid_input',
      'submissionId',
    );
    expectRefusal(
      await student.put(promptUrl, promptAnswer('Revision zero', 0)),
      400,
      'invalid_input',
      'revision',
    );
    expectRefusal(
      await student.put(forecastUrl, {
        ...savedForecast,
        submissionId: randomUUID(),
        revision: 2,
        answer: { kind: 'forecast', probabilities: { ...fullForecast(40), [scenarioId]: 150 } },
      }),
      400,
      'invalid_input',
      `answer.probabilities.${scenarioId}`,
    );
    expectRefusal(
      await student.put(promptUrl, promptAnswer('x'.repeat(5001), 2)),
      400,
      'invalid_input',
      'answer.text',
    );
    expectRefusal(
      await student.put(promptUrl, { ...promptAnswer('?', 2), answer: { kind: 'essay' } }),
      400,
      'invalid_input',
      'answer.kind',
    );
    expectRefusal(await student.put(promptUrl), 400, 'invalid_input');
    expectRefusal(
      await student.sendRaw('PUT', promptUrl, '{"submissionId": "oops", '),
      400,
      'invalid_input',
    );
    expectRefusal(
      await student.sendRaw('PUT', promptUrl, JSON.stringify(promptAnswer('x'.repeat(100_000), 2))),
      413,
      'payload_too_large',
    );
    expectRefusal(
      await student.put(`${base}/answers/no-such-item`, promptAnswer('Where?', 2)),
      404,
      'item_not_found',
    );

    expect(await myAnswers()).toEqual(saved);
    expect(await answerCounts()).toEqual(counts);
  });

  it('refuses a join with a bad name or code, naming the field', async () => {
    const { teacher, base, code } = await selfPacedClass();
    const join = (body: unknown) => new ApiClient(ctx.server.baseUrl).post('/api/join', body);
    expectRefusal(await join({ code, displayName: '   ' }), 400, 'invalid_input', 'displayName');
    expectRefusal(
      await join({ code, displayName: 'x'.repeat(LIMITS.displayNameLength + 1) }),
      400,
      'invalid_input',
      'displayName',
    );
    expectRefusal(await join({ code }), 400, 'invalid_input', 'displayName');
    expectRefusal(await join({ code: 'ABC', displayName: 'Bo' }), 400, 'invalid_input', 'code');
    expectRefusal(await join({ code: 'O0O0O0', displayName: 'Bo' }), 400, 'invalid_input', 'code');
    expectRefusal(
      await new ApiClient(ctx.server.baseUrl).get('/api/join/ABC'),
      400,
      'invalid_input',
      'code',
    );
    // A name of exactly the limit is fine.
    const longest = 'y'.repeat(LIMITS.displayNameLength);
    expect((await join({ code, displayName: longest })).status).toBe(201);

    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.participants.map((p) => p.displayName)).toEqual(['Ava', longest]);
  });

  it('caps join attempts per client address per minute, but never a right code', async () => {
    const limited = await startServerOfItsOwn({ joinRateLimit: 3 });
    const teacher = await signUpTeacher(limited.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    for (const code of ['ZZZZZZ', 'YYYYYY', 'XXXXXX']) {
      expectRefusal(
        await new ApiClient(limited.baseUrl).get(`/api/join/${code}`),
        404,
        'session_not_found',
      );
    }
    const fourth = await new ApiClient(limited.baseUrl).get('/api/join/WWWWWW');
    expectRefusal(fourth, 429, 'rate_limited');
    expect(errorOf(fourth).message).toMatch(/wait \d+ s/i);
    // Over the cap, the right code still looks up and joins: the class is not locked out.
    expect((await new ApiClient(limited.baseUrl).get(`/api/join/${session.joinCode}`)).status).toBe(
      200,
    );
    const joined = await new ApiClient(limited.baseUrl).post('/api/join', {
      code: session.joinCode,
      displayName: 'Four',
    });
    expect(joined.status).toBe(201);
    const view = await teacher.get<TeacherSessionView>(`/api/sessions/${session.id}`);
    expect(view.body.participants.map((p) => p.label)).toEqual(['Four']);
  });

  it('keeps an acknowledged answer across a server restart', async () => {
    const { teacher, student, base } = await selfPacedClass();
    const body = promptAnswer('Saved before the restart.');
    const ack = await student.put<AnswerAck>(`${base}/answers/${prompt.id}`, body);
    expect(ack.status).toBe(200);

    // The same database, the same address: the student's browser does not notice.
    await ctx.restart();

    const me = await student.get<StudentSessionView>(`${base}/me`);
    expect(me.status).toBe(200);
    expect(me.body.myAnswers).toEqual([{ itemId: prompt.id, answer: body.answer, revision: 1 }]);
    const next = await student.put<AnswerAck>(
      `${base}/answers/${prompt.id}`,
      promptAnswer('And after.', 2),
    );
    expect(next.body.revision).toBe(2);
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.status).toBe(200);
    expect(view.body.answerCounts).toEqual({ [prompt.id]: 1 });
  });
});
