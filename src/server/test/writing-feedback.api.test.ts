import { expect, it } from 'vitest';
import type { Answer } from '#domain/lesson/answers';
import type { WritingItem } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { SessionReport } from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import type { WritingFeedback } from '#domain/api/result-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import {
  type ApiClient,
  createLiveSession,
  errorOf,
  expectRefusal,
  joinAs,
  signUpTeacher,
  submitAnswer,
  classOfAnaAndBen,
} from './api-client';
import { describeWithServer } from './use-test-server';

const letter = lesson.sections
  .flatMap((section) => section.items)
  .find((item): item is WritingItem => item.kind === 'writing');
if (!letter) throw new Error('the shipped lesson has no writing task');
const prompt = lesson.sections[0]!.items.find((item) => item.kind === 'prompt')!;

/** Full marks but one on the first criterion. */
const scores = Object.fromEntries(
  letter.rubric.map((criterion, i) => [
    criterion.id,
    i === 0 ? criterion.points - 1 : criterion.points,
  ]),
);

describeWithServer('writing tasks and their feedback on %s', (ctx) => {
  const answer = (student: ApiClient, base: string, itemId: string, given: Answer) =>
    submitAnswer(student, base, itemId, given);

  it('lets the teacher score a letter against the rubric, and the student see it once released', async () => {
    const { teacher, base, ana, ben, anaId, benId } = await classOfAnaAndBen(ctx.server.baseUrl);
    const text = 'To the editor: the attack that killed an American hit K-1 near Kirkuk.';
    await answer(ana.student, base, letter.id, { kind: 'writing', text });
    await answer(ben.student, base, prompt.id, { kind: 'prompt', text: 'A prompt answer.' });

    // The report lists the letter, with no feedback yet; the prompt answer is not writing.
    const before = await teacher.get<SessionReport>(`${base}/report`);
    expect(before.body.writing).toStrictEqual([
      { itemId: letter.id, participantId: anaId, label: 'Ana', text, feedback: null },
    ]);

    const path = (itemId: string, participantId: string) =>
      `${base}/writing/${itemId}/participants/${participantId}`;
    const good = { scores, comment: 'Well checked. Add the Iraqi view.', release: false };

    // Refused: a criterion missing, too many points, a criterion the rubric lacks, a comment
    // that is too long, an item that is not a writing task, a student who wrote nothing.
    const first = letter.rubric[0]!;
    const { [first.id]: _missing, ...partial } = scores;
    const missing = await teacher.put(path(letter.id, anaId), { ...good, scores: partial });
    expectRefusal(missing, 400, 'invalid_input', 'scores');
    expect(errorOf(missing).message).toContain(first.id);
    const over = await teacher.put(path(letter.id, anaId), {
      ...good,
      scores: { ...scores, [first.id]: first.points + 1 },
    });
    expectRefusal(over, 400, 'invalid_input', 'scores');
    expect(errorOf(over).message).toContain(`from 0 to ${first.points}`);
    expectRefusal(
      await teacher.put(path(letter.id, anaId), { ...good, scores: { ...scores, style: 1 } }),
      400,
      'invalid_input',
      'scores',
    );
    expectRefusal(
      await teacher.put(path(letter.id, anaId), { ...good, comment: 'x'.repeat(2001) }),
      400,
      'invalid_input',
    );
    expectRefusal(await teacher.put(path(prompt.id, anaId), good), 404, 'item_not_found');
    expectRefusal(await teacher.put(path(letter.id, benId), good), 404, 'not_found');
    // Students cannot score.
    expect((await ana.student.put(path(letter.id, anaId), good)).status).toBe(401);

    // Saved, not released: the student does not see it.
    const saved = await teacher.put<WritingFeedback>(path(letter.id, anaId), good);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ itemId: letter.id, scores, releasedAt: null });
    const unreleased = await ana.student.get<StudentSessionView>(`${base}/me`);
    expect(unreleased.body.writingFeedback).toStrictEqual([]);

    // Released: Ana sees the scores and the comment; Ben sees nothing of it.
    const released = await teacher.put<WritingFeedback>(path(letter.id, anaId), {
      ...good,
      release: true,
    });
    expect(released.body.releasedAt).not.toBeNull();
    const seen = await ana.student.get<StudentSessionView>(`${base}/me`);
    expect(seen.body.writingFeedback).toStrictEqual([
      {
        itemId: letter.id,
        scores,
        comment: good.comment,
        releasedAt: released.body.releasedAt,
      },
    ]);
    const other = await ben.student.get<StudentSessionView>(`${base}/me`);
    expect(other.body.writingFeedback).toStrictEqual([]);
    const after = await teacher.get<SessionReport>(`${base}/report`);
    expect(after.body.writing[0]?.feedback).toStrictEqual(released.body);
    // The feedback is the student's data too: it is in their export, and in no one else's.
    const anaData = await teacher.get<StudentDataExport>(`${base}/participants/${anaId}/export`);
    const anaLetter = anaData.body.answers.find((entry) => entry.itemId === letter.id);
    expect(anaLetter?.teacherFeedback).toStrictEqual({
      scores,
      comment: good.comment,
      releasedAt: released.body.releasedAt,
    });
    const benData = await teacher.get<StudentDataExport>(`${base}/participants/${benId}/export`);
    expect(benData.body.answers.every((entry) => entry.teacherFeedback === null)).toBe(true);

    // Taken back: hidden again.
    await teacher.put(path(letter.id, anaId), good);
    const hidden = await ana.student.get<StudentSessionView>(`${base}/me`);
    expect(hidden.body.writingFeedback).toStrictEqual([]);
  });

  it('refuses feedback from another teacher', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    const ana = await joinAs(ctx.server.baseUrl, view.session.joinCode, 'Ana');
    await answer(ana.student, base, letter.id, { kind: 'writing', text: 'Dear editor.' });
    const stranger = await signUpTeacher(ctx.server.baseUrl, 'Stranger');
    const refused = await stranger.put(
      `${base}/writing/${letter.id}/participants/${ana.joined.participant.id}`,
      { scores, comment: '', release: true },
    );
    expect(refused.status).toBe(404);
  });
});
