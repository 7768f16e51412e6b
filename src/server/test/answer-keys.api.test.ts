import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { answerKeyOf, stripAnswerKeys } from '#domain/lesson/answer-keys';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { ApiClient, createLiveSession, expectRefusal, joinAs, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';

const items = lesson.sections.flatMap((s) => s.items);
function itemOf<K extends Item['kind']>(kind: K): Extract<Item, { kind: K }> {
  const item = items.find((i): i is Extract<Item, { kind: K }> => i.kind === kind);
  if (!item) throw new Error(`the lesson has no ${kind}`);
  return item;
}
const claimCheck = itemOf('claimCheck');
const forecast = itemOf('forecast');
const writing = itemOf('writing');

/** Texts that only the answer keys hold: none may reach a student before its time. */
const keyTexts = [
  ...lesson.sections.flatMap((s) => s.teacherNotes),
  ...items.flatMap((item) =>
    item.kind === 'claimCheck'
      ? item.claims.map((c) => c.explanation)
      : item.kind === 'forecast'
        ? item.scenarios.flatMap((s) => (s.resolution ? [s.resolution.text] : []))
        : item.kind === 'writing'
          ? [item.modelAnswer]
          : [],
  ),
];
const leakedKeys = (body: unknown) => {
  const sent = JSON.stringify(body);
  return keyTexts.filter((text) => sent.includes(JSON.stringify(text).slice(1, -1)));
};

describeWithServer('answer keys on %s', (ctx) => {
  it('gives students the session’s lesson without keys, and each key with its reveal', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    const { student } = await joinAs(ctx.server.baseUrl, view.session.joinCode, 'Ada');

    const studentsCopy = await student.get<StudentLessonVersion>(`${base}/lesson`);
    expect(studentsCopy.status).toBe(200);
    expect(studentsCopy.body.lesson).toStrictEqual(stripAnswerKeys(lesson));
    expect(leakedKeys(studentsCopy.body)).toEqual([]);
    // The teacher's copy is whole.
    expect((await teacher.get<StudentLessonVersion>(`${base}/lesson`)).body.lesson).toStrictEqual(
      lesson,
    );
    const me = () => student.get<StudentSessionView>(`${base}/me`);
    expect((await me()).body.answerKeys).toEqual([]);
    expect(leakedKeys((await me()).body)).toEqual([]);

    // The claim check's key comes with its reveal, and no other.
    expect((await teacher.post(`${base}/items/${claimCheck.id}/reveal`)).status).toBe(200);
    const revealed = (await me()).body;
    expect(revealed.answerKeys).toStrictEqual([answerKeyOf(lesson, claimCheck.id)]);
    expect(leakedKeys(revealed)).toEqual(claimCheck.claims.map((c) => c.explanation));

    // A writing task's model answer comes with the student's released feedback.
    const answered = await student.put(`${base}/answers/${writing.id}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'writing', text: 'Dear editor, the strike was a gamble.' },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const feedbackUrl = `${base}/writing/${writing.id}/participants/${revealed.me.id}`;
    const scores = Object.fromEntries(writing.rubric.map((c) => [c.id, 1]));
    const held = await teacher.put(feedbackUrl, { scores, comment: 'Good.', release: false });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect((await me()).body.answerKeys.map((k) => k.itemId)).toEqual([claimCheck.id]);
    const released = await teacher.put(feedbackUrl, { scores, comment: 'Good.', release: true });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect((await me()).body.answerKeys).toStrictEqual([
      answerKeyOf(lesson, claimCheck.id),
      answerKeyOf(lesson, writing.id),
    ]);
  });

  it('gives self-study the shared lesson without keys, and one item’s key when asked', async () => {
    const anyone = new ApiClient(ctx.server.baseUrl);
    const shared = await anyone.get<StudentLessonVersion>(`/api/shared-lessons/${lesson.id}`);
    expect(shared.status).toBe(200);
    expect(shared.body.lesson).toStrictEqual(stripAnswerKeys(lesson));
    expect(leakedKeys(shared.body)).toEqual([]);

    const keyUrl = (itemId: string, versionId = shared.body.versionId) =>
      `/api/shared-lessons/${lesson.id}/versions/${versionId}/keys/${itemId}`;
    for (const item of [claimCheck, forecast, writing]) {
      const key = await anyone.get(keyUrl(item.id));
      expect(key.status).toBe(200);
      expect(key.body).toStrictEqual(answerKeyOf(lesson, item.id));
    }
    // A poll has no key; nor has an unknown item, version or link.
    expectRefusal(await anyone.get(keyUrl(items[0]!.id)), 404, 'item_not_found', 'itemId');
    expectRefusal(await anyone.get(keyUrl('no-such-item')), 404, 'item_not_found');
    expectRefusal(await anyone.get(keyUrl(claimCheck.id, randomUUID())), 404, 'lesson_not_found');
    expectRefusal(
      await anyone.get(`/api/shared-lessons/no-such-link/versions/${randomUUID()}/keys/x`),
      404,
      'lesson_not_found',
    );
    expectRefusal(await anyone.get(keyUrl(claimCheck.id, 'not-a-uuid')), 400, 'invalid_input');
  });
});
