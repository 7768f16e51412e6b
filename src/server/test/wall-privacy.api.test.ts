import { expect, it } from 'vitest';
import type {
  ProjectorView,
  SessionReport,
  TeacherWallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import {
  createLiveSession,
  joinAs,
  signUpTeacher,
  type ApiClient,
  submitAnswer,
  classOfAnaAndBen,
} from './api-client';
import { describeWithServer } from './use-test-server';
import { evidencePrompt, thesisPrompt } from './wall-replies-fixtures';

describeWithServer('the class wall keeps authors apart on %s', (ctx) => {
  const answerPrompt = (student: ApiClient, base: string, itemId: string, text: string) =>
    submitAnswer(student, base, itemId, { kind: 'prompt', text });

  it('gives students opaque response ids, different for each prompt one author answers', async () => {
    const { teacher, base, ana, ben, anaId, benId } = await classOfAnaAndBen(ctx.server.baseUrl);

    await answerPrompt(ana.student, base, thesisPrompt.id, 'Ana on the thesis.');
    await answerPrompt(ana.student, base, evidencePrompt.id, 'Ana on the evidence.');
    await answerPrompt(ben.student, base, thesisPrompt.id, 'Ben on the thesis.');
    // Answer first: Ben sees a prompt's responses once he has answered it too.
    await answerPrompt(ben.student, base, evidencePrompt.id, 'Ben on the evidence.');
    for (const item of [thesisPrompt, evidencePrompt]) {
      expect((await teacher.post(`${base}/items/${item.id}/reveal`)).status).toBe(200);
    }
    const stream = await ben.student.openStream(`${base}/events`);

    const benView = await ben.student.get<StudentSessionView>(`${base}/me`);
    expect(benView.status).toBe(200);
    const wall = benView.body.wall;
    expect(wall).toHaveLength(4);
    // No author ids at all in what Ben is sent, and no name while names are hidden.
    expect(JSON.stringify(benView.body)).not.toContain(anaId);
    for (const response of wall) {
      expect(response).not.toHaveProperty('participantId');
      expect(response.label).toBeNull();
      expect(response.responseId).toMatch(/^[\w-]{16,}$/);
      expect(response.responseId).not.toContain(anaId);
      expect(response.responseId).not.toContain(benId);
    }
    const byText = (text: string) => wall.find((r) => r.text === text)!;
    const anaThesis = byText('Ana on the thesis.');
    const anaEvidence = byText('Ana on the evidence.');
    expect(new Set(wall.map((r) => r.responseId)).size).toBe(4);
    expect(anaThesis.responseId).not.toBe(anaEvidence.responseId);
    // Ben's own response is marked as his; nobody else's is.
    expect(
      wall
        .filter((r) => r.isMine)
        .map((r) => r.text)
        .sort(),
    ).toEqual(['Ben on the evidence.', 'Ben on the thesis.']);

    // The same response keeps its id on every read, and in Ana's view too.
    const again = await ben.student.get<StudentSessionView>(`${base}/me`);
    expect(again.body.wall.map((r) => r.responseId).sort()).toEqual(
      wall.map((r) => r.responseId).sort(),
    );
    const anaView = await ana.student.get<StudentSessionView>(`${base}/me`);
    expect(JSON.stringify(anaView.body)).not.toContain(benId);
    expect(anaView.body.wall.find((r) => r.text === 'Ana on the thesis.')).toMatchObject({
      responseId: anaThesis.responseId,
      isMine: true,
    });

    // The teacher's own views keep the author, with the same response ids.
    const teacherWall = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    const teacherAnaThesis = teacherWall.body.responses.find(
      (r) => r.text === 'Ana on the thesis.',
    );
    expect(teacherAnaThesis).toMatchObject({
      participantId: anaId,
      label: 'Ana',
      responseId: anaThesis.responseId,
    });
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.body.responses.map((r) => r.participantId).sort()).toEqual(
      [anaId, anaId, benId, benId].sort(),
    );

    // Spotlighting and hiding still address a response by its author and prompt.
    const spotlit = await teacher.post<TeacherWallResponse>(
      `${base}/responses/${anaId}/${thesisPrompt.id}`,
      { isSpotlighted: true },
    );
    expect(spotlit.status).toBe(200);
    expect(spotlit.body).toMatchObject({ responseId: anaThesis.responseId, isSpotlighted: true });
    const projector = await teacher.get<ProjectorView>(`${base}/projector`);
    expect(projector.body.spotlight).toEqual([
      expect.objectContaining({ responseId: anaThesis.responseId, label: null }),
    ]);
    expect(JSON.stringify(projector.body)).not.toContain(anaId);
    const spotlitWall = (await ben.student.get<StudentSessionView>(`${base}/me`)).body.wall;
    expect(spotlitWall.find((r) => r.responseId === anaThesis.responseId)?.isSpotlighted).toBe(
      true,
    );

    const hidden = await teacher.post(`${base}/responses/${anaId}/${evidencePrompt.id}`, {
      isHidden: true,
    });
    expect(hidden.status).toBe(200);
    const afterHide = (await ben.student.get<StudentSessionView>(`${base}/me`)).body.wall;
    expect(afterHide.map((r) => r.responseId)).not.toContain(anaEvidence.responseId);
    expect(afterHide).toHaveLength(3);
    // Its author still has it, marked hidden: it does not vanish from her wall without a word.
    const anaWall = (await ana.student.get<StudentSessionView>(`${base}/me`)).body.wall;
    expect(anaWall.find((r) => r.responseId === anaEvidence.responseId)).toMatchObject({
      isMine: true,
      isHidden: true,
    });

    // Nothing on Ben's event stream carried a classmate's id either.
    const events = await stream.collect(300);
    expect(events.map((e) => e.event)).toContain('wall.changed');
    expect(JSON.stringify(stream.received)).not.toContain(anaId);
  });

  it('gives the same response a different id in another session', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const view = await createLiveSession(teacher, 'self-paced');
      const base = `/api/sessions/${view.session.id}`;
      const { student } = await joinAs(ctx.server.baseUrl, view.session.joinCode, 'Ana');
      await answerPrompt(student, base, thesisPrompt.id, 'Same words.');
      await teacher.post(`${base}/items/${thesisPrompt.id}/reveal`);
      const wall = (await student.get<StudentSessionView>(`${base}/me`)).body.wall;
      ids.push(wall[0]!.responseId);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });
});
