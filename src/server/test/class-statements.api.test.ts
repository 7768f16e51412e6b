import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { OpinionMap } from '#domain/discussion/opinion-map-schema';
import type { LessonDetail } from '#domain/api/lesson-library-contracts';
import type {
  StudentStatementsView,
  TeacherStatementsView,
} from '#domain/api/statements-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import {
  CAMP_STATEMENTS,
  statementsItem,
  statementsLesson,
} from '../../test-fixtures/lessons/statements-lesson';
import {
  classJoinedBy,
  errorOf,
  expectRefusal,
  sendAtOnce,
  signUpTeacher,
  type ApiClient,
} from './api-client';
import { describeWithServer } from './use-test-server';

const itemId = statementsItem.id;

async function publish(teacher: ApiClient, requireApproval = false): Promise<string> {
  const draft = statementsLesson({ requireApproval });
  const made = await teacher.post<LessonDetail>('/api/lessons', { draft });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const lessonId = made.body.summary.lessonId;
  const published = await teacher.post(`/api/lessons/${lessonId}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return lessonId;
}

/** Agree on the first three statements for camp A, disagree for camp B; all agree on the last. */
const campVote = (camp: 'A' | 'B', index: number) =>
  index === CAMP_STATEMENTS.length - 1
    ? 'agree'
    : index < 3 === (camp === 'A')
      ? 'agree'
      : 'disagree';

describeWithServer('class statements and the opinion map on %s', (ctx) => {
  async function classWithItemOpen(names: readonly string[], requireApproval = false) {
    const { teacher, base, students } = await classJoinedBy(
      ctx.server.baseUrl,
      'teacher-paced',
      names,
      {
        lessonOf: (by) => publish(by, requireApproval),
      },
    );
    return { teacher, base, students, open: () => teacher.post(`${base}/items/${itemId}/open`) };
  }

  /** The teacher's view once the map has been drawn with `votes` votes. */
  async function mapWithVotes(teacher: ApiClient, base: string, votes: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
      if (view.body.map.counts.votes === votes || Date.now() > deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const mine = (student: ApiClient, base: string) =>
    student.get<StudentStatementsView>(`${base}/statements/${itemId}/mine`);

  async function voteThrough(student: ApiClient, base: string, camp: 'A' | 'B') {
    let view = (await mine(student, base)).body;
    while (view.next) {
      const index = CAMP_STATEMENTS.findIndex((s) => s.text === view.next?.text);
      const answer = await student.put<StudentStatementsView>(
        `${base}/statements/${itemId}/votes/${view.next.id}`,
        { vote: index === -1 ? 'pass' : campVote(camp, index) },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      view = answer.body;
    }
    return view;
  }

  it('maps two camps of students, with their group and a consensus statement', async () => {
    const names = ['Ana', 'Ben', 'Cai', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal'];
    const { teacher, base, students, open } = await classWithItemOpen(names);
    const [first] = students;

    // Closed: no statements, no votes.
    const closed = await first!.student.post(`${base}/statements/${itemId}/mine`, { text: 'Hi.' });
    expectRefusal(closed, 409, 'item_not_open');
    await open();

    const before = (await mine(first!.student, base)).body;
    expect(before.toVoteOn).toBe(CAMP_STATEMENTS.length);
    expect(before.map.status).toBe('too-few-votes');
    if (before.map.status === 'too-few-votes') expect(before.map.needed.participants).toBe(4);

    const stream = await teacher.openStream(`${base}/events`);
    try {
      await stream.nextOf('ready');
      const voted = await Promise.all(
        students.map(({ student }, i) => voteThrough(student, base, i < 4 ? 'A' : 'B')),
      );
      expect(voted.every((v) => v.votes === CAMP_STATEMENTS.length && v.next === null)).toBe(true);
      // The map is drawn off the request path, then announced.
      await stream.nextOf('map.updated', 5000);
    } finally {
      stream.close();
    }

    // A drawing may have started while the last votes came in: the next one counts them all.
    const teacherView = await mapWithVotes(teacher, base, names.length * CAMP_STATEMENTS.length);
    expect(teacherView.status).toBe(200);
    const { map, members } = teacherView.body;
    expect(map.status).toBe('ready');
    if (map.status !== 'ready') return;
    expect(members.map((g) => [...g.students].sort())).toEqual(
      expect.arrayContaining([
        ['Ana', 'Ben', 'Cai', 'Dee'],
        ['Eli', 'Fay', 'Gus', 'Hal'],
      ]),
    );
    expect(members).toHaveLength(2);
    expect(map.points).toHaveLength(8);
    expect(map.consensus.map((c) => c.text)).toContain(CAMP_STATEMENTS[5].text);
    const statement = teacherView.body.statements.find((s) => s.text === CAMP_STATEMENTS[0].text);
    expect(statement).toMatchObject({ author: null, status: 'shown', agree: 4, disagree: 4 });

    // Each student sees their group, what it agrees on, and no one's id or dot.
    const ana = (await mine(first!.student, base)).body;
    const anaGroup = members.find((g) => g.students.includes('Ana'))?.label;
    expect(ana.myGroup).toBe(anaGroup);
    expect(ana.map.status === 'ready' && ana.map.points).toEqual([]);
    const text = JSON.stringify(ana);
    for (const { joined } of students) expect(text).not.toContain(joined.participant.id);
    for (const name of names) expect(text).not.toContain(`"${name}"`);

    // Groups keep their labels when a vote changes.
    const labels = members.map((g) => [g.label, [...g.students].sort().join()]);
    const ben = students[1]!;
    const anyStatement = teacherView.body.statements[2]!;
    /** Changes a vote and waits for the drawing it causes. */
    const voteAndAwaitMap = async (student: ApiClient, statementId: string, vote: string) => {
      const watching = await teacher.openStream(`${base}/events`);
      try {
        await watching.nextOf('ready');
        await student.put(`${base}/statements/${itemId}/votes/${statementId}`, { vote });
        await watching.nextOf('map.updated', 5000);
      } finally {
        watching.close();
      }
    };
    await voteAndAwaitMap(ben.student, anyStatement.id, 'pass');
    const again = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
    expect(again.body.members.map((g) => [g.label, [...g.students].sort().join()])).toEqual(labels);

    // And across a restart: the stored map's groups are the next drawing's. Had an earlier
    // drawing named the camps the other way round, a drawing after the restart keeps that.
    const { rows } = await ctx.server.db.query<{ map: OpinionMap | string }>(
      'SELECT map FROM opinion_maps',
    );
    const stored = rows[0]!.map;
    const swap = (label: string) => (label === 'A' ? 'B' : label === 'B' ? 'A' : label);
    const parsed = typeof stored === 'string' ? (JSON.parse(stored) as OpinionMap) : stored;
    if (parsed.status !== 'ready') throw new Error('no stored map');
    const swapped = {
      ...parsed,
      groups: parsed.groups.map((g) => ({ ...g, label: swap(g.label) })),
    };
    await ctx.server.db.query('UPDATE opinion_maps SET map = $1', [JSON.stringify(swapped)]);
    await ctx.restart();
    await voteAndAwaitMap(ben.student, anyStatement.id, 'disagree');
    const restarted = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
    expect(restarted.body.members.map((g) => [g.label, [...g.students].sort().join()])).toEqual(
      labels.map(([label, students]) => [swap(label!), students]).sort(),
    );
  });

  it('holds students’ statements for approval, and lets the teacher hide one', async () => {
    const { teacher, base, students, open } = await classWithItemOpen(['Ana', 'Ben'], true);
    const [ana, ben] = students as [(typeof students)[0], (typeof students)[0]];
    await open();
    const written = await ana.student.post<StudentStatementsView>(
      `${base}/statements/${itemId}/mine`,
      { text: '  The author leaves out the Iraqi view.  ' },
    );
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body.mine).toMatchObject([
      { text: 'The author leaves out the Iraqi view.', status: 'pending' },
    ]);
    // Ben is never offered it while it waits; he votes through the lesson's six.
    const benView = await voteThrough(ben.student, base, 'A');
    expect(benView.toVoteOn).toBe(CAMP_STATEMENTS.length);

    const listed = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
    const pending = listed.body.statements.find((s) => s.status === 'pending')!;
    expect(pending.author).toBe('Ana');
    const approved = await teacher.post<TeacherStatementsView>(
      `${base}/statements/${itemId}/${pending.id}`,
      { status: 'shown' },
    );
    expect(approved.status).toBe(200);
    const offered = (await mine(ben.student, base)).body;
    expect(offered.next).toEqual({
      id: pending.id,
      text: 'The author leaves out the Iraqi view.',
      isTeachers: false,
    });
    // Ana cannot vote on her own.
    expectRefusal(
      await ana.student.put(`${base}/statements/${itemId}/votes/${pending.id}`, { vote: 'agree' }),
      404,
      'not_found',
      'statementId',
    );

    await teacher.post(`${base}/statements/${itemId}/${pending.id}`, { status: 'hidden' });
    expect((await mine(ben.student, base)).body.next).toBeNull();
    expectRefusal(
      await ben.student.put(`${base}/statements/${itemId}/votes/${pending.id}`, { vote: 'agree' }),
      404,
      'not_found',
    );

    // The statement and the votes are the students' data.
    const anaData = await teacher.get<StudentDataExport>(
      `${base}/participants/${ana.joined.participant.id}/export`,
    );
    expect(anaData.body.statements).toMatchObject([
      { text: 'The author leaves out the Iraqi view.', status: 'hidden' },
    ]);
    const benData = await teacher.get<StudentDataExport>(
      `${base}/participants/${ben.joined.participant.id}/export`,
    );
    expect(benData.body.statementVotes).toHaveLength(CAMP_STATEMENTS.length);
  });

  it('keeps a student to 5 statements when they send 20 at once', async () => {
    const { teacher, base, students, open } = await classWithItemOpen(['Ana']);
    const ana = students[0]!.student;
    await open();
    const sent = await sendAtOnce(ctx.server.baseUrl, 20, (i) =>
      ana.post(`${base}/statements/${itemId}/mine`, { text: `At once ${i}.` }),
    );
    // Some meet the per-minute limit first (429); of the rest, 5 are stored and the others
    // refused for the cap, however the requests interleave.
    expect(sent.filter((r) => r.status === 200)).toHaveLength(5);
    expect(sent.filter((r) => r.status === 409)).not.toHaveLength(0);
    for (const refused of sent.filter((r) => r.status !== 200)) {
      expect([409, 429]).toContain(refused.status);
      if (refused.status === 409) expect(errorOf(refused).message).toContain('5 statements');
    }
    const listed = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
    expect(listed.body.statements.filter((s) => s.author === 'Ana')).toHaveLength(5);
  });

  it('keeps the statement on a student’s screen until they vote on it, whatever classmates do', async () => {
    const { base, students, open } = await classWithItemOpen(['Ana', 'Ben', 'Cai']);
    const [ana, ben, cai] = students as [
      (typeof students)[0],
      (typeof students)[0],
      (typeof students)[0],
    ];
    await open();
    const shown = (await mine(ana.student, base)).body.next!;
    // The lesson's own statements are the teacher's, and say so.
    expect(shown.isTeachers).toBe(true);
    // Classmates vote on it: it is no longer the least voted, and would give way to another.
    for (const { student } of [ben, cai]) {
      await student.put(`${base}/statements/${itemId}/votes/${shown.id}`, { vote: 'agree' });
    }
    // (The vote counts that order them are brought up to date with the map's next drawing.)
    const deadline = Date.now() + 10_000;
    while ((await mine(ana.student, base)).body.next?.id === shown.id) {
      expect(Date.now(), 'the least voted statement changed').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const mineOffered = (offered: string) =>
      ana.student.get<StudentStatementsView>(
        `${base}/statements/${itemId}/mine?offered=${offered}`,
      );
    expect((await mineOffered(shown.id)).body.next).toEqual(shown);
    // Writing a statement of her own keeps it too.
    const written = await ana.student.post<StudentStatementsView>(
      `${base}/statements/${itemId}/mine?offered=${shown.id}`,
      { text: 'My own view.' },
    );
    expect(written.body.next).toEqual(shown);
    // Once she has voted on it, or for one she cannot vote on, the least voted comes next.
    await ana.student.put(`${base}/statements/${itemId}/votes/${shown.id}`, { vote: 'pass' });
    expect((await mineOffered(shown.id)).body.next?.id).not.toBe(shown.id);
    expect((await mineOffered(randomUUID())).status).toBe(200);
    const notAnId = await ana.student.get(`${base}/statements/${itemId}/mine?offered=nope`);
    expectRefusal(notAnId, 400, 'invalid_input', 'offered');
  });

  it('refuses bad statements, votes and callers', async () => {
    const { teacher, base, students, open } = await classWithItemOpen(['Ana']);
    const ana = students[0]!.student;
    await open();
    const post = (text: unknown) => ana.post(`${base}/statements/${itemId}/mine`, { text });
    expectRefusal(await post('   '), 400, 'invalid_input', 'text');
    expectRefusal(await post('x'.repeat(141)), 400, 'invalid_input', 'text');
    expectRefusal(await post('two\nlines'), 400, 'invalid_input', 'text');
    expectRefusal(await post('nul\u0000byte'), 400, 'invalid_input');
    for (let i = 1; i <= 5; i += 1) expect((await post(`Statement ${i}.`)).status).toBe(200);
    const sixth = await post('One too many.');
    expectRefusal(sixth, 409, 'invalid_input', 'text');
    expect(errorOf(sixth).message).toContain('5 statements');

    const next = (await mine(ana, base)).body.next!;
    const vote = (statementId: string, body: unknown) =>
      ana.put(`${base}/statements/${itemId}/votes/${statementId}`, body);
    expectRefusal(await vote(next.id, { vote: 'maybe' }), 400, 'invalid_input', 'vote');
    expectRefusal(await vote('nope', { vote: 'agree' }), 400, 'invalid_input', 'statementId');
    expectRefusal(await vote(randomUUID(), { vote: 'agree' }), 404, 'not_found');
    // Another item, or a prompt, is not a class-statements item.
    expectRefusal(await ana.get(`${base}/statements/thesis-question/mine`), 404, 'item_not_found');

    // Teachers' endpoints are the owner's; students' the students'.
    expect((await ana.get(`${base}/statements/${itemId}`)).status).toBe(401);
    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expect((await other.get(`${base}/statements/${itemId}`)).status).toBe(404);
    expect((await teacher.get(`${base}/statements/${itemId}/mine`)).status).toBe(401);

    await teacher.post(`${base}/end`);
    expectRefusal(await vote(next.id, { vote: 'agree' }), 409, 'session_ended');
  });
});
