import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { ApiClient, errorOf, type ApiResponse, classJoinedBy } from './api-client';
import { describeWithServer } from './use-test-server';

function itemById<K extends Item['kind']>(id: string, kind: K): Extract<Item, { kind: K }> {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item?.kind !== kind) throw new Error(`the lesson has no ${kind} ${id}`);
  return item as Extract<Item, { kind: K }>;
}

const singlePoll = itemById('thesis-prior-knowledge', 'poll');
const multiplePoll = itemById('shared-evidence-list', 'poll');
const prompt = itemById('thesis-question', 'prompt');
const scale = itemById('restraint-wise', 'scale');
const forecast = itemById('forecast-2020', 'forecast');
const claimCheck = itemById('shared-claims', 'claimCheck');
const [optionA, optionB] = singlePoll.options.map((o) => o.id);
const scenarioIds = forecast.scenarios.map((s) => s.id);
const claimIds = claimCheck.claims.map((c) => c.id);

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';
/** Both kinds of text that cannot be stored, with what the refusal says of each. */
const BAD_TEXTS = [
  { text: NUL, says: 'NUL character (U+0000)' },
  { text: LONE_SURROGATE, says: 'lone surrogate (U+D800)' },
  { text: 'esc\u001B[0m', says: 'control character U+001B' },
] as const;

const fullForecast = (percent = 30) => Object.fromEntries(scenarioIds.map((id) => [id, percent]));
const fullSort = () => Object.fromEntries(claimIds.map((id) => [id, 'fact']));

/** A refusal: 400, `invalid_input`, the field named in `field` and in the message. */
function expectRefused(response: ApiResponse, field: string, says?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  const error = errorOf(response);
  expect(error.code).toBe('invalid_input');
  expect(error.field).toBe(field);
  expect(error.message).toContain(field);
  if (says !== undefined) expect(error.message).toContain(says);
}

describeWithServer('bad text and answers that do not fit their item, on %s', (ctx) => {
  /** A self-paced session (every item open) with one joined student. */
  async function selfPacedClass() {
    const joined = await classJoinedBy(ctx.server.baseUrl, 'self-paced', ['Ava']);
    const { teacher, base, code } = joined;
    const [{ student }] = joined.students;
    const put = (itemId: string, answer: unknown) =>
      student.put(`${base}/answers/${itemId}`, { submissionId: randomUUID(), revision: 1, answer });
    const myAnswers = async () =>
      (await student.get<StudentSessionView>(`${base}/me`)).body.myAnswers;
    return { teacher, student, base, code, put, myAnswers };
  }

  it('refuses NUL, lone surrogates and control characters in sign-up fields', async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    const valid = {
      email: `${randomUUID()}@school.example`,
      name: 'Ms Teacher',
      password: 'correct horse battery',
    };
    for (const { text, says } of BAD_TEXTS) {
      expectRefused(await client.post('/api/auth/sign-up', { ...valid, name: text }), 'name', says);
      expectRefused(
        await client.post('/api/auth/sign-up', { ...valid, password: `long enough ${text}` }),
        'password',
        says,
      );
      expectRefused(
        await client.post('/api/auth/sign-up', { ...valid, email: `x${text}@school.example` }),
        'email',
      );
    }
    // Tabs and line breaks are text; the account is created once the fields are clean.
    const created = await client.post('/api/auth/sign-up', { ...valid, password: 'tab\there ok' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  it('refuses bad text in a name, an answer, a forecast key, a summary and an outcome', async () => {
    const { teacher, code, base, put, myAnswers } = await selfPacedClass();
    const joiner = new ApiClient(ctx.server.baseUrl);
    for (const { text, says } of BAD_TEXTS) {
      expectRefused(
        await joiner.post('/api/join', { code, displayName: `Sam ${text}` }),
        'displayName',
        says,
      );
      expectRefused(await put(prompt.id, { kind: 'prompt', text }), 'answer.text', says);
      expectRefused(
        await put(forecast.id, {
          kind: 'forecast',
          probabilities: { ...fullForecast(), [text]: 10 },
        }),
        'answer.probabilities',
        says,
      );
      expectRefused(
        await put(singlePoll.id, { kind: 'poll', optionIds: [text] }),
        'answer.optionIds.0',
        says,
      );
      expectRefused(
        await teacher.post(`${base}/summaries/thesis`, { text: `Summary ${text}` }),
        'text',
        says,
      );
      const outcomes = Object.fromEntries(
        scenarioIds.map((id) => [id, { happened: true, text: 'It happened.' }]),
      );
      expectRefused(
        await teacher.post(`${base}/outcomes`, {
          itemId: forecast.id,
          outcomes: { ...outcomes, [scenarioIds[0]!]: { happened: true, text } },
        }),
        `outcomes.${scenarioIds[0]!}.text`,
        says,
      );
      expectRefused(
        await teacher.post(`${base}/outcomes`, {
          itemId: forecast.id,
          outcomes: { ...outcomes, [text]: { happened: true, text: 'x' } },
        }),
        'outcomes',
        says,
      );
    }
    // Query strings and paths are checked the same way.
    expectRefused(await teacher.get(`${base}/responses?q=a%00b`), 'q', 'NUL');
    expectRefused(await teacher.get(`/api/sessions/a%00b/report`), 'id', 'NUL');
    // Nothing refused was stored, nobody joined, and good text still goes through.
    expect(await myAnswers()).toEqual([]);
    const view = await teacher.get<{ participants: unknown[]; summaries: unknown[] }>(base);
    expect(view.body.participants).toHaveLength(1);
    expect(view.body.summaries).toEqual([]);
    expect((await put(prompt.id, { kind: 'prompt', text: 'Line one\n\tline two' })).status).toBe(
      200,
    );
  });

  it("refuses poll choices that are not one or several distinct options of the poll's own", async () => {
    const { put, myAnswers } = await selfPacedClass();
    expectRefused(
      await put(singlePoll.id, { kind: 'poll', optionIds: [optionA, optionB] }),
      'answer.optionIds',
      'exactly one',
    );
    expectRefused(await put(singlePoll.id, { kind: 'poll', optionIds: [] }), 'answer.optionIds');
    expectRefused(
      await put(singlePoll.id, { kind: 'poll', optionIds: ['no-such-option'] }),
      'answer.optionIds',
      'no-such-option',
    );
    const mine = multiplePoll.options[0]!.id;
    expectRefused(
      await put(multiplePoll.id, { kind: 'poll', optionIds: Array<string>(50).fill(mine) }),
      'answer.optionIds',
      'once',
    );
    expectRefused(
      await put(multiplePoll.id, { kind: 'poll', optionIds: [mine, optionA] }),
      'answer.optionIds',
      optionA,
    );
    expect(await myAnswers()).toEqual([]);

    // What fits is taken; the monitor counts one student once.
    expect((await put(singlePoll.id, { kind: 'poll', optionIds: [optionB] })).status).toBe(200);
    const two = multiplePoll.options.slice(0, 2).map((o) => o.id);
    expect((await put(multiplePoll.id, { kind: 'poll', optionIds: two })).status).toBe(200);
    expect(await myAnswers()).toHaveLength(2);
  });

  it('refuses a forecast, claim check or scale that does not fit its item', async () => {
    const { put, myAnswers } = await selfPacedClass();
    const { [scenarioIds[1]!]: _left, ...missingOne } = fullForecast();
    expectRefused(
      await put(forecast.id, { kind: 'forecast', probabilities: missingOne }),
      'answer.probabilities',
      scenarioIds[1],
    );
    expectRefused(
      await put(forecast.id, {
        kind: 'forecast',
        probabilities: { ...fullForecast(), 'no-such-scenario': 50 },
      }),
      'answer.probabilities',
      'no-such-scenario',
    );
    expectRefused(
      await put(forecast.id, {
        kind: 'forecast',
        probabilities: { ...fullForecast(), [scenarioIds[0]!]: 101 },
      }),
      `answer.probabilities.${scenarioIds[0]!}`,
    );
    const { [claimIds[0]!]: _unsorted, ...sortMissingOne } = fullSort();
    expectRefused(
      await put(claimCheck.id, { kind: 'claimCheck', categories: sortMissingOne }),
      'answer.categories',
      claimIds[0],
    );
    expectRefused(
      await put(claimCheck.id, {
        kind: 'claimCheck',
        categories: { ...fullSort(), 'no-such-claim': 'fact' },
      }),
      'answer.categories',
      'no-such-claim',
    );
    expectRefused(
      await put(claimCheck.id, {
        kind: 'claimCheck',
        categories: { ...fullSort(), [claimIds[0]!]: 'rumour' },
      }),
      `answer.categories.${claimIds[0]!}`,
    );
    for (const value of [0, 6, 2.5, -3]) {
      expectRefused(await put(scale.id, { kind: 'scale', value }), 'answer.value');
    }
    expect(await myAnswers()).toEqual([]);

    expect(
      (await put(forecast.id, { kind: 'forecast', probabilities: fullForecast() })).status,
    ).toBe(200);
    expect((await put(claimCheck.id, { kind: 'claimCheck', categories: fullSort() })).status).toBe(
      200,
    );
    expect((await put(scale.id, { kind: 'scale', value: 5 })).status).toBe(200);
    // A cleared prompt is taken too: the student withdrew what they wrote.
    expect((await put(prompt.id, { kind: 'prompt', text: '' })).status).toBe(200);
    expect(await myAnswers()).toHaveLength(4);
  });
});
