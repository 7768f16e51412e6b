import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { SessionReport, SpeakingTurnsResponse } from '#domain/api/dashboard-contracts';
import { SPEAKING_TURNS_MAX } from '#domain/live/speaking-turns';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import {
  createLiveSession,
  errorOf,
  expectRefusal,
  joinAs,
  sendAtOnce,
  signUpTeacher,
  type ApiClient,
  classJoinedBy,
} from './api-client';
import { describeWithServer } from './use-test-server';

describeWithServer('speaking turns on %s', (ctx) => {
  async function classOfThree() {
    const { teacher, base, students } = await classJoinedBy(ctx.server.baseUrl, 'teacher-paced', [
      'Ana',
      'Ben',
      'Kim',
    ]);
    const [ana, ben, kim] = students;
    return { teacher, base, ana, ben, kim };
  }

  const turn = (teacher: ApiClient, base: string, participantId: string, kind?: string | null) =>
    teacher.post<SpeakingTurnsResponse>(`${base}/turns`, { participantId, kind });

  it('records turns with their kind and section, takes one back, and reports the counts', async () => {
    const { teacher, base, ana, ben, kim } = await classOfThree();
    const anaId = ana.joined.participant.id;
    const benId = ben.joined.participant.id;
    const stream = await teacher.openStream(`${base}/events`);
    const studentStream = await kim.student.openStream(`${base}/events`);
    try {
      await stream.nextOf('ready');
      await studentStream.nextOf('ready');
      const first = await turn(teacher, base, anaId, 'new-idea');
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.turns).toMatchObject([
        { participantId: anaId, kind: 'new-idea', sectionId: lesson.sections[0]!.id },
      ]);
      // The teacher's other tabs hear of it; students do not.
      expect((await stream.nextOf('turns.changed')).data).toEqual({ type: 'turns.changed' });

      await turn(teacher, base, anaId);
      const third = await turn(teacher, base, benId, 'challenges');
      expect(third.body.turns.map((t) => [t.participantId, t.kind])).toEqual([
        [anaId, 'new-idea'],
        [anaId, null],
        [benId, 'challenges'],
      ]);
      const listed = await teacher.get<SpeakingTurnsResponse>(`${base}/turns`);
      expect(listed.body).toStrictEqual(third.body);

      // A mistaken tap is taken back.
      const mistaken = await turn(teacher, base, benId);
      const mistakeId = mistaken.body.turns.at(-1)!.id;
      const undone = await teacher.delete<SpeakingTurnsResponse>(`${base}/turns/${mistakeId}`);
      expect(undone.status).toBe(200);
      expect(undone.body.turns).toHaveLength(3);
      expectRefusal(await teacher.delete(`${base}/turns/${mistakeId}`), 404, 'not_found', 'turnId');

      const seenByStudent = (await studentStream.collect(300)).map((m) => m.event);
      expect(seenByStudent).not.toContain('turns.changed');

      // The report carries every turn; the CSV has a row per student, the silent one too.
      const report = await teacher.get<SessionReport>(`${base}/report`);
      expect(report.body.speakingTurns).toStrictEqual(undone.body.turns);
      const csv = await teacher.get<string>(`${base}/speaking.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.body.replace('\uFEFF', '').trim().split('\r\n')).toEqual([
        'student,turns,share_percent,new_idea,builds_on,challenges,question,unmarked',
        'Ana,2,67,1,0,0,0,1',
        'Ben,1,33,0,0,1,0,0',
        'Kim,0,0,0,0,0,0,0',
      ]);

      // Each turn is the student's data: in their export, not in another's.
      const anaData = await teacher.get<StudentDataExport>(`${base}/participants/${anaId}/export`);
      expect(anaData.body.speakingTurns.map((t) => [t.kind, t.sectionTitle])).toEqual([
        ['new-idea', lesson.sections[0]!.title],
        [null, lesson.sections[0]!.title],
      ]);
      const kimData = await teacher.get<StudentDataExport>(
        `${base}/participants/${kim.joined.participant.id}/export`,
      );
      expect(kimData.body.speakingTurns).toEqual([]);
    } finally {
      stream.close();
      studentStream.close();
    }
  });

  it('refuses bad turns, students, other teachers and an ended session', async () => {
    const { teacher, base, ana, ben } = await classOfThree();
    const anaId = ana.joined.participant.id;
    expectRefusal(await turn(teacher, base, 'not-a-uuid'), 400, 'invalid_input', 'participantId');
    expectRefusal(await turn(teacher, base, randomUUID()), 404, 'not_found', 'participantId');
    expectRefusal(await turn(teacher, base, anaId, 'shouting'), 400, 'invalid_input', 'kind');
    expectRefusal(await turn(teacher, base, anaId, 'new-idea\u0000'), 400, 'invalid_input');

    // A student of another session is not in this one.
    const other = await createLiveSession(teacher, 'teacher-paced');
    const stranger = await joinAs(ctx.server.baseUrl, other.session.joinCode, 'Lee');
    expectRefusal(
      await turn(teacher, base, stranger.joined.participant.id),
      404,
      'not_found',
      'participantId',
    );

    // Students cannot tally, nor read the tally; another teacher finds no such session.
    expect((await ana.student.post(`${base}/turns`, { participantId: anaId })).status).toBe(401);
    expect((await ana.student.get(`${base}/turns`)).status).toBe(401);
    const otherTeacher = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expect((await turn(otherTeacher, base, anaId)).status).toBe(404);
    expect((await otherTeacher.get(`${base}/speaking.csv`)).status).toBe(404);

    // A removed student's turns stay stored but leave the tally; no new turn is taken.
    await turn(teacher, base, ben.joined.participant.id);
    await teacher.delete(`${base}/participants/${ben.joined.participant.id}`);
    expectRefusal(await turn(teacher, base, ben.joined.participant.id), 404, 'not_found');
    const csv = await teacher.get<string>(`${base}/speaking.csv`);
    expect(csv.body).not.toContain('Ben');

    await teacher.post(`${base}/end`);
    const ended = await turn(teacher, base, anaId);
    expectRefusal(ended, 409, 'session_ended');
    expect(errorOf(ended).message).toContain('ended');
    // What was recorded stays readable.
    expect((await teacher.get<SpeakingTurnsResponse>(`${base}/turns`)).body.turns).toHaveLength(1);
  });

  it(`keeps a session to ${SPEAKING_TURNS_MAX} turns when the last ones arrive 20 at once`, async () => {
    const { teacher, base, ana } = await classOfThree();
    const anaId = ana.joined.participant.id;
    // All but 10 are stored directly: tapping them would take the test minutes.
    await ctx.server.db.query(
      `INSERT INTO speaking_turns (id, session_id, participant_id)
       SELECT gen_random_uuid(), $1, $2 FROM generate_series(1, $3)`,
      [base.split('/').at(-1), anaId, SPEAKING_TURNS_MAX - 10],
    );
    const sent = await sendAtOnce(ctx.server.baseUrl, 20, () => turn(teacher, base, anaId));
    expect(sent.filter((r) => r.status === 200)).toHaveLength(10);
    for (const refused of sent.filter((r) => r.status !== 200)) {
      expectRefusal(refused, 409, 'invalid_input');
      expect(errorOf(refused).message).toContain(`${SPEAKING_TURNS_MAX} speaking turns`);
    }
    const listed = await teacher.get<SpeakingTurnsResponse>(`${base}/turns`);
    expect(listed.body.turns).toHaveLength(SPEAKING_TURNS_MAX);
  });

  it('deletes a student’s turns with their data', async () => {
    const { teacher, base, ana } = await classOfThree();
    const anaId = ana.joined.participant.id;
    await turn(teacher, base, anaId);
    await teacher.delete(`${base}/participants/${anaId}/data`);
    expect((await teacher.get<SpeakingTurnsResponse>(`${base}/turns`)).body.turns).toEqual([]);
  });
});
