import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { LiveEvent } from '#domain/api/live-events';
import { ApiClient, createLiveSession, errorOf, joinAs, signUpTeacher } from './api-client';
import { type SseMessage } from './event-stream-reader';
import { describeWithServer } from './use-test-server';

const first = lesson.sections[0]!;
const second = lesson.sections[1]!;
const third = lesson.sections[2]!;
const firstPrompt = first.items.find((i) => i.kind === 'prompt')!;
const secondSectionItems = second.items;
const prompts = lesson.sections.flatMap((s) => s.items).filter((i) => i.kind === 'prompt');

const promptAnswer = (text: string) => ({
  submissionId: randomUUID(),
  revision: 1,
  answer: { kind: 'prompt', text },
});

const eventOf = (message: SseMessage) => message.data as LiveEvent;
const TEACHER_ONLY: readonly string[] = [
  'participant.joined',
  'participant.progressed',
  'answers.counted',
];

describeWithServer('session event streams on %s', (ctx) => {
  async function liveClass(mode: 'teacher-paced' | 'self-paced' = 'teacher-paced') {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, mode);
    const base = `/api/sessions/${view.session.id}`;
    const { student, joined } = await joinAs(ctx.server.baseUrl, view.session.joinCode, 'Kim');
    return { teacher, student, joined, base, code: view.session.joinCode };
  }

  /** Opens a stream and waits for its `ready`, after which the server delivers live events. */
  async function openReady(client: ApiClient, base: string, lastEventId?: string) {
    const stream = await client.openStream(`${base}/events`, lastEventId);
    const ready = await stream.next();
    expect(ready).toEqual({ id: undefined, event: 'ready', data: { protocol: 1 } });
    return stream;
  }

  it('starts with ready and delivers a section change to a student, with an id', async () => {
    const { teacher, student, base } = await liveClass();
    const stream = await openReady(student, base);
    try {
      await teacher.post(`${base}/section`, { sectionId: second.id });
      const changed = await stream.nextOf('section.changed');
      expect(changed.id).toMatch(/^\d+$/);
      expect(changed.data).toEqual({ type: 'section.changed', sectionId: second.id });
    } finally {
      stream.close();
    }
  });

  it('refuses a stream to someone who has not joined', async () => {
    const { base } = await liveClass();
    const stranger = await new ApiClient(ctx.server.baseUrl).get(`${base}/events`);
    expect(stranger.status).toBe(401);
    expect(errorOf(stranger).code).toBe('not_joined');
  });

  it('replays the events missed while disconnected, in order, then goes on live', async () => {
    const { teacher, student, base } = await liveClass();
    const stream = await openReady(student, base);
    await teacher.post(`${base}/section`, { sectionId: second.id });
    const seen = await stream.nextOf('section.changed');
    stream.close();

    // While the student is away:
    const itemId = secondSectionItems[0]!.id;
    await teacher.post(`${base}/items/${itemId}/open`);
    await teacher.post(`${base}/summaries/${first.id}`, { text: 'We agreed on the thesis.' });
    await teacher.post(`${base}/section`, { sectionId: third.id });

    const resumed = await openReady(student, base, seen.id);
    try {
      const missed = [await resumed.next(), await resumed.next(), await resumed.next()];
      expect(missed.map((m) => m.event)).toEqual([
        'item.changed',
        'summary.published',
        'section.changed',
      ]);
      expect(eventOf(missed[0]!)).toEqual({
        type: 'item.changed',
        state: { itemId, status: 'open', isRevealed: false },
      });
      expect(eventOf(missed[2]!)).toEqual({ type: 'section.changed', sectionId: third.id });
      const ids = [seen, ...missed].map((m) => Number(m.id));
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);

      // Then live again, with no repeat of what was replayed.
      await teacher.post(`${base}/section`, { sectionId: first.id });
      const live = await resumed.next();
      expect(live.event).toBe('section.changed');
      expect(Number(live.id)).toBeGreaterThan(ids.at(-1)!);
      expect(await resumed.collect(300)).toEqual([]);
    } finally {
      resumed.close();
    }
  });

  it('sends the teacher coalesced answer counts, not one message per answer', async () => {
    const { teacher, student, base, code } = await liveClass();
    const others = await Promise.all(
      ['Lee', 'Mo', 'Ned', 'Oli'].map((name) => joinAs(ctx.server.baseUrl, code, name)),
    );
    const students = [student, ...others.map((o) => o.student)];
    await teacher.post(`${base}/items/${firstPrompt.id}/open`);
    const stream = await openReady(teacher, base);
    try {
      const acks = await Promise.all(
        students.map((s, i) =>
          s.put(`${base}/answers/${firstPrompt.id}`, promptAnswer(`Answer ${i}`)),
        ),
      );
      expect(acks.map((a) => a.status)).toEqual(students.map(() => 200));

      const counts: SseMessage[] = [];
      for (;;) {
        const message = await stream.nextOf('answers.counted');
        counts.push(message);
        const event = eventOf(message);
        if (event.type === 'answers.counted' && event.answerCounts[firstPrompt.id] === 5) break;
      }
      counts.push(...(await stream.collect(700)).filter((m) => m.event === 'answers.counted'));
      expect(counts.length).toBeLessThan(students.length);
      for (const message of counts) expect(message.id).toBeUndefined();
      expect(eventOf(counts.at(-1)!)).toEqual({
        type: 'answers.counted',
        answerCounts: { [firstPrompt.id]: 5 },
      });
    } finally {
      stream.close();
    }
  });

  it('never sends a student teacher-only events or another student’s', async () => {
    const { teacher, student, joined, base, code } = await liveClass('self-paced');
    const studentStream = await openReady(student, base);
    const teacherStream = await openReady(teacher, base);
    try {
      const other = await joinAs(ctx.server.baseUrl, code, 'Pat');
      const otherId = other.joined.participant.id;
      await other.student.post(`${base}/progress`, { sectionId: second.id });
      await other.student.put(`${base}/answers/${prompts[0]!.id}`, promptAnswer('Hi'));
      await teacher.delete(`${base}/participants/${otherId}`);
      // The teacher sees all of it.
      const joinedEvent = eventOf(await teacherStream.nextOf('participant.joined'));
      expect(joinedEvent).toMatchObject({
        type: 'participant.joined',
        participant: { id: otherId, label: 'Pat', displayName: 'Pat' },
      });
      expect(eventOf(await teacherStream.nextOf('participant.progressed'))).toEqual({
        type: 'participant.progressed',
        participantId: otherId,
        sectionId: second.id,
      });
      await teacherStream.nextOf('participant.removed');
      await teacherStream.nextOf('answers.counted');

      // An event for everyone marks the point by which the student's stream has caught up.
      await teacher.post(`${base}/summaries/${first.id}`, { text: 'Marker' });
      await studentStream.nextOf('summary.published');
      const seenByStudent = studentStream.received.map((m) => m.event);
      for (const teacherOnly of TEACHER_ONLY) expect(seenByStudent).not.toContain(teacherOnly);
      // The removal of another student is not this student's business either.
      expect(seenByStudent).not.toContain('participant.removed');
      expect(seenByStudent).toEqual(['ready', 'summary.published']);
      expect(joined.participant.id).not.toBe(otherId);
    } finally {
      studentStream.close();
      teacherStream.close();
    }
  });

  it('delivers every event of a burst of teacher actions', async () => {
    const { teacher, student, base } = await liveClass('self-paced');
    const stream = await openReady(student, base);
    try {
      const toClose = lesson.sections.flatMap((s) => s.items).slice(0, 8);
      // Several tabs or a double-click: the actions overlap.
      const responses = await Promise.all(
        toClose.map((item) => teacher.post(`${base}/items/${item.id}/close`)),
      );
      expect(responses.map((r) => r.status)).toEqual(toClose.map(() => 200));
      const received: SseMessage[] = [];
      for (let i = 0; i < toClose.length; i += 1) {
        received.push(await stream.nextOf('item.changed', 5000));
      }
      const closedIds = received.map((m) => {
        const event = eventOf(m);
        return event.type === 'item.changed' ? event.state.itemId : '';
      });
      // Each exactly once. Overlapping actions commit in any order, so no order is asserted.
      expect([...closedIds].sort()).toEqual(toClose.map((i) => i.id).sort());
      expect(new Set(received.map((m) => m.id)).size).toBe(toClose.length);
      expect((await stream.collect(300)).map((m) => m.event)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('stops sending session events to a student the teacher removed', async () => {
    const { teacher, student, joined, base } = await liveClass();
    const stream = await openReady(student, base);
    const teacherStream = await openReady(teacher, base);
    try {
      await teacher.delete(`${base}/participants/${joined.participant.id}`);
      expect(eventOf(await stream.nextOf('participant.removed'))).toEqual({
        type: 'participant.removed',
        participantId: joined.participant.id,
      });
      await teacher.post(`${base}/section`, { sectionId: second.id });
      await teacher.post(`${base}/summaries/${first.id}`, { text: 'Not for removed students' });
      await teacherStream.nextOf('summary.published');
      const after = await stream.collect(300);
      expect(after.map((m) => m.event)).toEqual([]);
    } finally {
      stream.close();
      teacherStream.close();
    }
  });
});
