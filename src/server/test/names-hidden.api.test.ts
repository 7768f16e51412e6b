import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type {
  SessionReport,
  StudentTranscript,
  TeacherWallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { PollItem, WritingItem } from '#domain/lesson/lesson-schema';
import { parseCsv } from '#domain/reports/csv';
import { classJoinedBy, expectRefusal, submitAnswer, type ApiClient } from './api-client';
import { describeWithServer } from './use-test-server';

const itemId = 'thesis-question';
const items = lesson.sections.flatMap((section) => section.items);
const letter = items.find((item): item is WritingItem => item.kind === 'writing')!;
const poll = items.find((item): item is PollItem => item.kind === 'poll')!;
const HIDDEN_NOTE = /^Hidden: you chose names hidden from you for this session/;

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

  it("keeps a student's prompt answers out of the transcript, the report's per-student parts, answers.csv and feedback", async () => {
    const { teacher, base, students } = await classJoinedBy(ctx.server.baseUrl, 'self-paced', [
      'Anastasia',
      'Bartholomew',
    ]);
    const [ana, ben] = students;
    const anaId = ana.joined.participant.id;
    const benId = ben.joined.participant.id;
    const anaOpinion = 'I think the strike was unlawful.';
    const benOpinion = 'I back the strike fully.';
    const letterText = 'Dear editor, the dates in your piece are wrong.';
    // Given before the choice and after it: both stay unnamed.
    await answer(ana.student, base, anaOpinion);
    await submitAnswer(ana.student, base, poll.id, {
      kind: 'poll',
      optionIds: [poll.options[0]!.id],
    });
    await submitAnswer(ana.student, base, letter.id, { kind: 'writing', text: letterText });

    // Before the choice the transcript shows the prompt answer beside the name, as it always has.
    const open = await teacher.get<StudentTranscript>(`${base}/participants/${anaId}/transcript`);
    expect(JSON.stringify(open.body)).toContain(anaOpinion);
    expect(open.body.namesHiddenNote).toBeNull();

    const hidden = await teacher.post(`${base}/settings`, { namesHiddenFromTeacher: true });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    await answer(ben.student, base, benOpinion);
    const opinions = [anaOpinion, benOpinion];

    // The transcript: the student's other answers, not the prompt answer, and a note why.
    for (const [id, name] of [
      [anaId, 'Anastasia'],
      [benId, 'Bartholomew'],
    ] as const) {
      const transcript = await teacher.get<StudentTranscript>(
        `${base}/participants/${id}/transcript`,
      );
      expect(transcript.status).toBe(200);
      const raw = JSON.stringify(transcript.body);
      expect(raw).toContain(name);
      for (const opinion of opinions) expect(raw).not.toContain(opinion);
      expect(transcript.body.entries.map((e) => e.itemId)).not.toContain(itemId);
      expect(transcript.body.namesHiddenNote).toMatch(HIDDEN_NOTE);
    }
    const anaTranscript = await teacher.get<StudentTranscript>(
      `${base}/participants/${anaId}/transcript`,
    );
    expect(anaTranscript.body.entries.map((e) => e.itemId).sort()).toEqual(
      [poll.id, letter.id].sort(),
    );

    // The report: the opinions are on its wall, unnamed; nowhere beside a name or an id.
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.status).toBe(200);
    const { responses, ...perStudent } = report.body;
    expect(responses.map((r) => r.text).sort()).toEqual([...opinions].sort());
    const rawWall = JSON.stringify(responses);
    for (const leaked of ['Anastasia', 'Bartholomew', anaId, benId]) {
      expect(rawWall).not.toContain(leaked);
    }
    const rawRest = JSON.stringify(perStudent);
    expect(rawRest).toContain('Anastasia');
    for (const opinion of opinions) expect(rawRest).not.toContain(opinion);

    // answers.csv: the prompt rows keep the student and question, not the answer or its time.
    const csv = await teacher.get<string>(`${base}/answers.csv`);
    expect(csv.status).toBe(200);
    for (const opinion of opinions) expect(csv.body).not.toContain(opinion);
    const [header, ...rows] = parseCsv(csv.body);
    expect(header?.at(-1)).toBe('note');
    const promptRows = rows.filter((row) => row[3] === itemId);
    expect(promptRows.map((row) => row[0]).sort()).toEqual(['Anastasia', 'Bartholomew']);
    for (const row of promptRows) {
      expect(row.slice(6, 8)).toEqual(['', '']);
      expect(row[8]).toMatch(HIDDEN_NOTE);
    }
    const letterRow = rows.find((row) => row[3] === letter.id)!;
    expect([letterRow[0], letterRow[6], letterRow[8]]).toEqual(['Anastasia', letterText, '']);

    // Writing feedback: the letter is scored by name as before; a prompt answer cannot be
    // reached through it, and neither answer carries an opinion.
    const path = (item: string, id: string) => `${base}/writing/${item}/participants/${id}`;
    const scores = Object.fromEntries(letter.rubric.map((c) => [c.id, c.points]));
    const scored = await teacher.put(path(letter.id, anaId), {
      scores,
      comment: 'Clear.',
      release: true,
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    const byPrompt = await teacher.put(path(itemId, anaId), {
      scores,
      comment: 'x',
      release: false,
    });
    expectRefusal(byPrompt, 404, 'item_not_found', 'itemId');
    for (const opinion of opinions) {
      expect(JSON.stringify([scored.body, byPrompt.body])).not.toContain(opinion);
    }

    // The student's own data export (the right of access) keeps the student's own answers.
    const exported = await teacher.get(`${base}/participants/${anaId}/export`);
    expect(exported.status).toBe(200);
    const rawExport = JSON.stringify(exported.body);
    expect(rawExport).toContain(anaOpinion);
    expect(rawExport).not.toContain(benOpinion);
  });
});
