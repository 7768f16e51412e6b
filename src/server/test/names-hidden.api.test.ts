import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TeacherWallResponse, WallResponsesResponse } from '#domain/api/dashboard-contracts';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import { classJoinedBy, expectRefusal, type ApiClient } from './api-client';
import { describeWithServer } from './use-test-server';

const itemId = 'thesis-question';

async function answer(student: ApiClient, base: string, text: string) {
  const answered = await student.put(`${base}/answers/${itemId}`, {
    submissionId: randomUUID(),
    revision: 1,
    answer: { kind: 'prompt', text },
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
}

describeWithServer('names hidden from the teacher too (political opinions) on %s', (ctx) => {
  it('sends the teacher no student name or id for the wall, and never turns back', async () => {
    const { teacher, base, students } = await classJoinedBy(ctx.server.baseUrl, 'self-paced', [
      'Anastasia',
      'Bartholomew',
    ]);
    const [ana, ben] = students;
    await answer(ana.student, base, 'The strike was a mistake.');
    const ids = [ana.joined.participant.id, ben.joined.participant.id];

    // Before: the teacher's wall names the author, as it always has.
    const before = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(before.body.responses[0]).toMatchObject({ label: 'Anastasia' });

    const hidden = await teacher.post<TeacherSessionView>(`${base}/settings`, {
      wallIdentity: 'names',
      namesHiddenFromTeacher: true,
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body.namesHiddenFromTeacher).toBe(true);
    await answer(ben.student, base, 'It was about deterrence.');

    // The API answers themselves carry no name and no participant id: pseudonyms only.
    const wall = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(wall.status).toBe(200);
    const text = JSON.stringify(wall.body);
    for (const leaked of ['Anastasia', 'Bartholomew', ...ids]) expect(text).not.toContain(leaked);
    expect(wall.body.responses).toHaveLength(2);
    for (const response of wall.body.responses) {
      expect(response.label).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(response.participantId).toBe(response.responseId);
      expect(response.pseudonym).toBeNull();
    }
    const report = await teacher.get(`${base}/report`);
    expect(report.status).toBe(200);
    const wallInReport = JSON.stringify(
      (report.body as { responses: TeacherWallResponse[] }).responses,
    );
    for (const leaked of ['Anastasia', 'Bartholomew', ...ids]) {
      expect(wallInReport).not.toContain(leaked);
    }

    // The teacher still moderates, by the response's opaque id.
    const first = wall.body.responses[0]!;
    const moderated = await teacher.post<TeacherWallResponse>(
      `${base}/responses/${first.participantId}/${itemId}`,
      { isHidden: true },
    );
    expect(moderated.status, JSON.stringify(moderated.body)).toBe(200);
    expect(moderated.body).toMatchObject({ responseId: first.responseId, isHidden: true });
    expect(JSON.stringify(moderated.body)).not.toMatch(/Anastasia|Bartholomew/);

    // It cannot be turned off, and says why.
    const back = await teacher.post(`${base}/settings`, { namesHiddenFromTeacher: false });
    expectRefusal(back, 400, 'invalid_input', 'namesHiddenFromTeacher');
    expect(JSON.stringify(back.body)).toContain('can only be turned on');
    const after = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(JSON.stringify(after.body)).not.toMatch(/Anastasia|Bartholomew/);
  });
});
