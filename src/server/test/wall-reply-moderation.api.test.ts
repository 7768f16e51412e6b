import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TeacherWallReply, WallResponsesResponse } from '#domain/api/dashboard-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import { expectRefusal, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';
import { texts, thesisPrompt, wallReplyHelpers } from './wall-replies-fixtures';

describeWithServer('replies on the class wall on %s: moderation and student data', (ctx) => {
  const { classWithAWall, viewOf, responseWithText, reply } = wallReplyHelpers(ctx);

  it('lets the teacher hide and show a reply; another teacher finds no such session', async () => {
    const { teacher, base, ada, ben, idOf } = await classWithAWall();
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    const sent = await reply(ben.student, base, adaResponseId, { kind: 'challenges', text: 'No.' });
    const replyId = sent.body.replyId;
    const stream = await ada.student.openStream(`${base}/events`);
    try {
      await stream.nextOf('ready');
      const hidden = await teacher.post<TeacherWallReply>(`${base}/replies/${replyId}`, {
        isHidden: true,
      });
      expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
      expect(hidden.body).toMatchObject({
        replyId,
        isHidden: true,
        label: 'Ben',
        participantId: idOf('ben'),
      });
      expect((await stream.nextOf('wall.changed')).data).toEqual({
        type: 'wall.changed',
        itemId: thesisPrompt.id,
      });
    } finally {
      stream.close();
    }
    // Gone from the author's wall and from the writer's own.
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toEqual([]);
    expect(responseWithText(await viewOf(ben.student, base), texts.ada).replies).toEqual([]);
    // The teacher still sees it, flagged.
    const wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.find((r) => r.participantId === idOf('ada'))?.replies).toMatchObject([
      { replyId, isHidden: true },
    ]);

    const shown = await teacher.post<TeacherWallReply>(`${base}/replies/${replyId}`, {
      isHidden: false,
    });
    expect(shown.body.isHidden).toBe(false);
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(1);

    // Refusals: a bad body, no such reply, a student, another teacher.
    expectRefusal(
      await teacher.post(`${base}/replies/${replyId}`, {}),
      400,
      'invalid_input',
      'isHidden',
    );
    expectRefusal(
      await teacher.post(`${base}/replies/not-a-uuid`, { isHidden: true }),
      400,
      'invalid_input',
      'replyId',
    );
    expectRefusal(
      await teacher.post(`${base}/replies/${randomUUID()}`, { isHidden: true }),
      404,
      'not_found',
      'replyId',
    );
    expect((await ben.student.post(`${base}/replies/${replyId}`, { isHidden: true })).status).toBe(
      401,
    );
    const otherTeacher = await signUpTeacher(ctx.server.baseUrl, 'Other');
    const foreign = await otherTeacher.post(`${base}/replies/${replyId}`, { isHidden: true });
    expectRefusal(foreign, 404, 'session_not_found');
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(1);
  });

  it('puts a student’s replies in their export and deletes them with their data', async () => {
    const { teacher, base, ada, ben, cy, idOf } = await classWithAWall();
    const benView = await viewOf(ben.student, base);
    const adaResponseId = responseWithText(benView, texts.ada).responseId;
    await reply(ben.student, base, adaResponseId, { kind: 'challenges', text: 'Ben challenges.' });
    const cyReply = await reply(cy.student, base, adaResponseId, {
      kind: 'asks',
      text: 'Cy asks.',
    });
    await teacher.post(`${base}/replies/${cyReply.body.replyId}`, { isHidden: true });

    const exportOf = async (who: 'ada' | 'ben' | 'cy') =>
      (await teacher.get<StudentDataExport>(`${base}/participants/${idOf(who)}/export`)).body;
    expect((await exportOf('ben')).wallReplies).toEqual([
      expect.objectContaining({
        kind: 'challenges',
        text: 'Ben challenges.',
        itemId: thesisPrompt.id,
        question: thesisPrompt.question,
        isHidden: false,
      }),
    ]);
    expect((await exportOf('cy')).wallReplies).toMatchObject([
      { text: 'Cy asks.', isHidden: true },
    ]);
    // Replies to Ada are her classmates' writing, not hers.
    expect((await exportOf('ada')).wallReplies).toEqual([]);
    const markdown = await teacher.get<string>(
      `${base}/participants/${idOf('ben')}/export?format=markdown`,
    );
    expect(markdown.body).toContain("## Replies to classmates on the class's wall (1)");
    expect(markdown.body).toContain(': challenges: "Ben challenges."');

    // Deleting Ben deletes his reply; deleting Ada deletes her response and the replies to it.
    await teacher.delete(`${base}/participants/${idOf('ben')}/data`);
    const adaThread = responseWithText(await viewOf(ada.student, base), texts.ada).replies;
    expect(adaThread).toEqual([]);
    let wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.flatMap((r) => r.replies).map((r) => r.text)).toEqual(['Cy asks.']);
    await teacher.delete(`${base}/participants/${idOf('ada')}/data`);
    wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.flatMap((r) => r.replies)).toEqual([]);
    expect((await exportOf('cy')).wallReplies).toEqual([]);
  });
});
