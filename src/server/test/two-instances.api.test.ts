import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { LiveEvent } from '#domain/api/live-events';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import { createLiveSession, joinAs, signUpTeacher } from './api-client';
import { closeOpenStreams } from './event-stream-reader';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './test-server';
import { describeEachStorage } from './use-test-server';

const second = lesson.sections[1]!;
const prompt = second.items.find((i) => i.kind === 'prompt')!;

/** Opens a student's event stream on an instance with their cookie; abort() closes it. */
async function fetchStream(baseUrl: string, urlPath: string, token: string | undefined) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${urlPath}`, {
    headers: { accept: 'text/event-stream', cookie: `pt=${token ?? ''}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  // Once `ready` is read, the server has counted this stream towards the student being online.
  let received = '';
  while (!received.includes('event: ready')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended before it was ready');
    received += decoder.decode(value, { stream: true });
  }
  // Read on, so the stream flows; the abort that closes it rejects this, as expected.
  void (async () => {
    for (;;) if ((await reader.read()).done) return;
  })().catch(() => undefined);
  return controller;
}

/** Two app instances over one PostgreSQL, as behind a load balancer. */
describeEachStorage('two server instances on one PostgreSQL', { kinds: ['postgres'] }, (kind) => {
  let database: TestDatabase;
  let serverA: TestServer;
  let serverB: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    serverA = await startTestServer(database);
    serverB = await startTestServer(database);
  });
  afterEach(() => {
    closeOpenStreams();
  });
  afterAll(async () => {
    await serverA.close();
    await serverB.close();
    await database.destroy();
  });

  it('delivers each instance’s events to the streams held by the other', async () => {
    const teacher = await signUpTeacher(serverA.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const base = `/api/sessions/${session.id}`;
    const teacherStream = await teacher.openStream(`${base}/events`);
    expect((await teacherStream.next()).event).toBe('ready');

    // The student reaches instance B.
    const { student, joined } = await joinAs(serverB.baseUrl, session.joinCode, 'Remy');
    const arrived = (await teacherStream.nextOf('participant.joined')).data as LiveEvent;
    expect(arrived).toMatchObject({
      type: 'participant.joined',
      participant: { id: joined.participant.id, label: 'Remy' },
    });
    const studentStream = await student.openStream(`${base}/events`);
    expect((await studentStream.next()).event).toBe('ready');

    // The teacher acts on A; the student's stream on B hears it.
    await teacher.post(`${base}/section`, { sectionId: second.id });
    expect((await studentStream.nextOf('section.changed')).data).toEqual({
      type: 'section.changed',
      sectionId: second.id,
    });
    await teacher.post(`${base}/items/${prompt.id}/open`);
    expect((await studentStream.nextOf('item.changed')).data).toEqual({
      type: 'item.changed',
      state: { itemId: prompt.id, status: 'open', isRevealed: false },
    });

    // The student answers on B; the teacher's stream on A gets the count.
    const ack = await student.put(`${base}/answers/${prompt.id}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'prompt', text: 'Heard on B, counted on A.' },
    });
    expect(ack.status).toBe(200);
    const counted = await teacherStream.nextOf('answers.counted');
    expect(counted.id).toBeUndefined();
    expect(counted.data).toEqual({ type: 'answers.counted', answerCounts: { [prompt.id]: 1 } });

    // The student's cookie, made on B, works on A too (one cookie secret for both).
    const onA = await fetch(`${serverA.baseUrl}${base}/me`, {
      headers: { cookie: `pt=${student.cookie('pt') ?? ''}` },
    });
    expect(onA.status).toBe(200);
    const view = (await onA.json()) as StudentSessionView;
    expect(view.myAnswers.map((a) => a.itemId)).toEqual([prompt.id]);

    teacherStream.close();
    studentStream.close();
  });

  it('shows a student offline on one instance when their last stream closes on another', async () => {
    const teacher = await signUpTeacher(serverA.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const base = `/api/sessions/${session.id}`;
    const teacherStream = await teacher.openStream(`${base}/events`);
    expect((await teacherStream.next()).event).toBe('ready');
    const { student, joined } = await joinAs(serverB.baseUrl, session.joinCode, 'Ines');
    const presence = (isOnline: boolean): LiveEvent => ({
      type: 'participant.presence',
      participantId: joined.participant.id,
      isOnline,
    });
    const isOnlineOnA = async () =>
      (await teacher.get<TeacherSessionView>(base)).body.participants[0]?.isOnline;

    // One tab on each instance: closing the one on B leaves the student online.
    const onB = await student.openStream(`${base}/events`);
    expect((await teacherStream.nextOf('participant.presence')).data).toEqual(presence(true));
    const studentOnA = await fetchStream(serverA.baseUrl, `${base}/events`, student.cookie('pt'));
    onB.close();
    const quiet = await teacherStream.collect(1000);
    expect(quiet.filter((m) => m.event === 'participant.presence')).toEqual([]);
    expect(await isOnlineOnA()).toBe(true);

    const closedAt = Date.now();
    studentOnA.abort();
    expect((await teacherStream.nextOf('participant.presence')).data).toEqual(presence(false));
    expect(Date.now() - closedAt).toBeLessThan(3000);
    expect(await isOnlineOnA()).toBe(false);
    teacherStream.close();
  });
});
