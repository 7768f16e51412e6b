import { expect, it } from 'vitest';
import type { LessonDetail } from '#domain/api/lesson-library-contracts';
import type {
  StudentStatementsView,
  TeacherStatementsView,
} from '#domain/api/statements-contracts';
import { findOpinionMap } from '../repositories/class-statements.repository';
import {
  CAMP_STATEMENTS,
  statementsItem,
  statementsLesson,
} from '../../test-fixtures/lessons/statements-lesson';
import { classJoinedBy, type ApiClient } from './api-client';
import { describeWithServer, type ServerContext } from './use-test-server';

const itemId = statementsItem.id;

async function publish(teacher: ApiClient): Promise<string> {
  const made = await teacher.post<LessonDetail>('/api/lessons', { draft: statementsLesson() });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const lessonId = made.body.summary.lessonId;
  expect((await teacher.post(`/api/lessons/${lessonId}/publish`)).status).toBe(200);
  return lessonId;
}

/** Two camps: A agrees with the first three statements, B disagrees; all agree on the last. */
const campVote = (camp: 'A' | 'B', index: number) =>
  index === CAMP_STATEMENTS.length - 1 || index < 3 === (camp === 'A') ? 'agree' : 'disagree';

async function voteThrough(student: ApiClient, base: string, camp: 'A' | 'B') {
  let view = (await student.get<StudentStatementsView>(`${base}/statements/${itemId}/mine`)).body;
  while (view.next) {
    const index = CAMP_STATEMENTS.findIndex((s) => s.text === view.next?.text);
    const answer = await student.put<StudentStatementsView>(
      `${base}/statements/${itemId}/votes/${view.next.id}`,
      { vote: index === -1 ? 'pass' : campVote(camp, index) },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    view = answer.body;
  }
}

/** The stored map, once drawn with every vote. */
async function storedMapWithVotes(ctx: ServerContext, sessionId: string, votes: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const map = await findOpinionMap(ctx.server.db, sessionId, itemId);
    if ((map?.counts.votes === votes && map.status === 'ready') || Date.now() > deadline) {
      return map;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const names = ['Ana', 'Ben', 'Cai', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal'];

describeWithServer('saved opinion maps once their item closes on %s', (ctx) => {
  async function mappedClass() {
    const joined = await classJoinedBy(ctx.server.baseUrl, 'teacher-paced', names, {
      lessonOf: publish,
    });
    const { teacher, base, students } = joined;
    expect((await teacher.post(`${base}/items/${itemId}/open`)).status).toBe(200);
    await Promise.all(
      students.map(({ student }, i) => voteThrough(student, base, i < 4 ? 'A' : 'B')),
    );
    const sessionId = joined.view.session.id;
    const open = await storedMapWithVotes(ctx, sessionId, names.length * CAMP_STATEMENTS.length);
    return { ...joined, sessionId, open };
  }

  const idsIn = (map: unknown) => JSON.stringify(map).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [];

  it('keeps positions and groups but no student ids once the teacher closes the item', async () => {
    const { teacher, base, students, sessionId, open } = await mappedClass();
    const participantIds = students.map((s) => s.joined.participant.id);
    // While open, the stored map places each student.
    expect(open?.status).toBe('ready');
    if (open?.status !== 'ready') return;
    expect(open.points.map((p) => p.participantId).sort()).toEqual([...participantIds].sort());

    expect((await teacher.post(`${base}/items/${itemId}/close`)).status).toBe(200);

    const closed = await findOpinionMap(ctx.server.db, sessionId, itemId);
    expect(closed?.status).toBe('ready');
    if (closed?.status !== 'ready') return;
    expect(closed.points).toHaveLength(names.length);
    expect(closed.points.map(({ x, y, groupLabel }) => ({ x, y, groupLabel }))).toEqual(
      open.points.map(({ x, y, groupLabel }) => ({ x, y, groupLabel })),
    );
    expect(closed.groups.map((g) => [g.label, g.size])).toEqual(
      open.groups.map((g) => [g.label, g.size]),
    );
    expect(idsIn(closed).filter((id) => participantIds.includes(id))).toEqual([]);
    // The teacher's page still has the map, and no group names its members any more.
    const view = await teacher.get<TeacherStatementsView>(`${base}/statements/${itemId}`);
    expect(view.status).toBe(200);
    expect(view.body.map.status).toBe('ready');
    expect(view.body.members.flatMap((g) => g.students)).toEqual([]);
  });

  it('drops the ids of every map of a session its teacher ends', async () => {
    const { teacher, base, students, sessionId } = await mappedClass();
    expect((await teacher.post(`${base}/end`)).status).toBe(200);
    const ended = await findOpinionMap(ctx.server.db, sessionId, itemId);
    expect(ended?.status).toBe('ready');
    const participantIds = students.map((s) => s.joined.participant.id);
    expect(idsIn(ended).filter((id) => participantIds.includes(id))).toEqual([]);
  });
});
