import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Item, Section } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '#domain/live/live-constants';
import {
  type AnswerAck,
  type JoinLookupResponse,
  type SessionSummary,
  type StudentSessionView,
  type TeacherSessionView,
} from '#domain/api/live-contracts';
import { ApiClient, createLiveSession, errorOf, joinAs, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';

type PollItem = Extract<Item, { kind: 'poll' }>;

const firstSection = lesson.sections[0]!;
/** A section after the first with a poll: where the teacher moves the class to vote. */
const pollSection: Section = lesson.sections.find(
  (s, index) => index > 0 && s.items.some((i) => i.kind === 'poll'),
)!;
const poll = pollSection.items.find((i): i is PollItem => i.kind === 'poll')!;
const [optionA, optionB, optionC] = poll.options.map((o) => o.id) as [string, string, string];
const lastSection = lesson.sections.at(-1)!;
const allItemIds = lesson.sections.flatMap((s) => s.items.map((i) => i.id));

const pollAnswer = (optionIds: string[], revision = 1) => ({
  submissionId: randomUUID(),
  revision,
  answer: { kind: 'poll', optionIds },
});

describeWithServer('a live session on %s', (ctx) => {
  /** A teacher with a teacher-paced session and two students both called Sam. */
  async function classWithTwoSams() {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'teacher-paced');
    const id = view.session.id;
    const code = view.session.joinCode;
    const sam = await joinAs(ctx.server.baseUrl, code.toLowerCase(), 'Sam');
    const sam2 = await joinAs(ctx.server.baseUrl, ` ${code.slice(0, 3)}-${code.slice(3)} `, 'Sam', {
      asNewNamesake: true,
    });
    return { teacher, id, code, sam, sam2, base: `/api/sessions/${id}` };
  }

  it('creates a teacher-paced session with a join code, a join URL and a QR code', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const created = await teacher.post<TeacherSessionView>('/api/sessions', {
      lessonId: lesson.id,
      mode: 'teacher-paced',
    });
    expect(created.status).toBe(201);
    const { session, joinUrl } = created.body;
    expect(session).toMatchObject({
      lessonId: lesson.id,
      lessonTitle: lesson.metadata.title,
      mode: 'teacher-paced',
      status: 'open',
      currentSectionId: firstSection.id,
      endedAt: null,
    });
    expect(session.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    expect(joinUrl.endsWith(`/join?code=${session.joinCode}`)).toBe(true);
    expect(joinUrl.startsWith(ctx.server.baseUrl)).toBe(true);
    expect(created.body.participants).toEqual([]);
    expect(created.body.summaries).toEqual([]);
    expect(created.body.answerCounts).toEqual({});
    // Every item of the lesson, none opened yet.
    expect(created.body.itemStates.map((s) => s.itemId)).toEqual(allItemIds);
    expect(new Set(created.body.itemStates.map((s) => s.status))).toEqual(new Set(['pending']));

    const qr = await teacher.get<string>(`/api/sessions/${session.id}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toContain('<svg');

    const list = await teacher.get<{ sessions: SessionSummary[] }>('/api/sessions');
    expect(list.body.sessions.map((s) => s.id)).toEqual([session.id]);

    // Anyone can look a code up, typed in lower case with spaces.
    const typed = ` ${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)} `.toLowerCase();
    const lookup = await new ApiClient(ctx.server.baseUrl).get<JoinLookupResponse>(
      `/api/join/${encodeURIComponent(typed)}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual({
      sessionId: session.id,
      lessonTitle: lesson.metadata.title,
      status: 'open',
    });

    const otherCode = session.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const unknown = await new ApiClient(ctx.server.baseUrl).get(`/api/join/${otherCode}`);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'session_not_found', field: 'code' });
  });

  it('numbers namesakes and shows students nothing until the teacher opens an item', async () => {
    const { teacher, id, sam, sam2, base } = await classWithTwoSams();
    expect(sam.joined).toEqual({
      sessionId: id,
      participant: {
        id: sam.joined.participant.id,
        displayName: 'Sam',
        label: 'Sam',
        rejoinCode: sam.joined.participant.rejoinCode,
      },
    });
    expect(sam.joined.participant.rejoinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
    expect(sam2.joined.participant).toMatchObject({ displayName: 'Sam', label: 'Sam (2)' });
    expect(sam2.joined.participant.id).not.toBe(sam.joined.participant.id);

    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.participants.map((p) => [p.label, p.currentSectionId])).toEqual([
      ['Sam', firstSection.id],
      ['Sam (2)', firstSection.id],
    ]);

    const me = await sam2.student.get<StudentSessionView>(`${base}/me`);
    expect(me.status).toBe(200);
    expect(me.body.me).toEqual(sam2.joined.participant);
    expect(me.body.session).toMatchObject({
      id,
      status: 'open',
      currentSectionId: firstSection.id,
    });
    expect(me.body.session).not.toHaveProperty('joinCode');
    expect(me.body.itemStates).toEqual([]);
    expect(me.body.summaries).toEqual([]);
    expect(me.body.myAnswers).toEqual([]);
    expect(me.body.results).toEqual([]);

    // Someone who has not joined is told to join.
    const stranger = await new ApiClient(ctx.server.baseUrl).get(`${base}/me`);
    expect(stranger.status).toBe(401);
    expect(errorOf(stranger).code).toBe('not_joined');
  });

  it('runs a poll: change section, open, answer, count, close, reveal', async () => {
    const { teacher, sam, sam2, base } = await classWithTwoSams();

    const missing = await teacher.post(`${base}/section`, { sectionId: 'no-such-section' });
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'section_not_found', field: 'sectionId' });

    const moved = await teacher.post<TeacherSessionView>(`${base}/section`, {
      sectionId: pollSection.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.session.currentSectionId).toBe(pollSection.id);

    const beforeOpen = await sam.student.get<StudentSessionView>(`${base}/me`);
    expect(beforeOpen.body.session.currentSectionId).toBe(pollSection.id);
    expect(beforeOpen.body.itemStates).toEqual([]);
    const early = await sam.student.put(`${base}/answers/${poll.id}`, pollAnswer([optionA]));
    expect(early.status).toBe(409);
    expect(errorOf(early).code).toBe('item_not_open');

    const opened = await teacher.post<TeacherSessionView>(`${base}/items/${poll.id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.itemStates.find((s) => s.itemId === poll.id)?.status).toBe('open');
    const open = await sam.student.get<StudentSessionView>(`${base}/me`);
    expect(open.body.itemStates).toEqual([{ itemId: poll.id, status: 'open', isRevealed: false }]);

    const first = pollAnswer([optionA]);
    const ack = await sam.student.put<AnswerAck>(`${base}/answers/${poll.id}`, first);
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({ itemId: poll.id, submissionId: first.submissionId, revision: 1 });
    const ack2 = await sam2.student.put<AnswerAck>(
      `${base}/answers/${poll.id}`,
      pollAnswer([optionB]),
    );
    expect(ack2.status).toBe(200);

    const counted = await teacher.get<TeacherSessionView>(base);
    expect(counted.body.answerCounts).toEqual({ [poll.id]: 2 });
    // Students see no results before the reveal.
    expect((await sam.student.get<StudentSessionView>(`${base}/me`)).body.results).toEqual([]);

    const closed = await teacher.post<TeacherSessionView>(`${base}/items/${poll.id}/close`);
    expect(closed.body.itemStates.find((s) => s.itemId === poll.id)?.status).toBe('closed');
    const late = await sam.student.put(`${base}/answers/${poll.id}`, pollAnswer([optionC], 2));
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('item_not_open');
    expect(errorOf(late).message).toMatch(/closed/i);
    const afterClose = await sam.student.get<StudentSessionView>(`${base}/me`);
    expect(afterClose.body.myAnswers).toEqual([
      { itemId: poll.id, answer: { kind: 'poll', optionIds: [optionA] }, revision: 1 },
    ]);
    expect(afterClose.body.itemStates).toEqual([
      { itemId: poll.id, status: 'closed', isRevealed: false },
    ]);

    const revealed = await teacher.post<TeacherSessionView>(`${base}/items/${poll.id}/reveal`);
    expect(revealed.body.itemStates.find((s) => s.itemId === poll.id)).toEqual({
      itemId: poll.id,
      status: 'closed',
      isRevealed: true,
    });
    const results = (await sam2.student.get<StudentSessionView>(`${base}/me`)).body.results;
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result).toMatchObject({ kind: 'choice', itemId: poll.id, responses: 2 });
    const counts = result.kind === 'choice' ? result.counts : [];
    expect(counts.find((c) => c.key === optionA)?.count).toBe(1);
    expect(counts.find((c) => c.key === optionB)?.count).toBe(1);
    expect(counts.find((c) => c.key === optionC)?.count).toBe(0);
  });

  it('publishes and withdraws a section summary', async () => {
    const { teacher, sam, base } = await classWithTwoSams();
    const empty = await teacher.post(`${base}/summaries/${firstSection.id}`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(errorOf(empty)).toMatchObject({ code: 'invalid_input', field: 'text' });
    const nowhere = await teacher.post(`${base}/summaries/no-such-section`, { text: 'Hi' });
    expect(nowhere.status).toBe(404);
    expect(errorOf(nowhere).code).toBe('section_not_found');

    const published = await teacher.post<TeacherSessionView>(
      `${base}/summaries/${firstSection.id}`,
      { text: '  The class thinks the author overstates his case.  ' },
    );
    expect(published.status).toBe(200);
    const expected = {
      sectionId: firstSection.id,
      text: 'The class thinks the author overstates his case.',
    };
    expect(published.body.summaries).toMatchObject([expected]);
    const seen = await sam.student.get<StudentSessionView>(`${base}/me`);
    expect(seen.body.summaries).toMatchObject([expected]);
    expect(Number.isNaN(Date.parse(seen.body.summaries[0]!.publishedAt))).toBe(false);

    const withdrawn = await teacher.delete<TeacherSessionView>(
      `${base}/summaries/${firstSection.id}`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.summaries).toEqual([]);
    expect((await sam.student.get<StudentSessionView>(`${base}/me`)).body.summaries).toEqual([]);
  });

  it('removes a student, then ends the session', async () => {
    const { teacher, id, code, sam, sam2, base } = await classWithTwoSams();
    const item = firstSection.items[0]!;
    await teacher.post(`${base}/items/${item.id}/open`);
    const answer = (): unknown =>
      item.kind === 'poll'
        ? pollAnswer([item.options[0]!.id])
        : { submissionId: randomUUID(), revision: 1, answer: { kind: 'prompt', text: 'Yes.' } };
    expect((await sam.student.put(`${base}/answers/${item.id}`, answer())).status).toBe(200);
    expect((await sam2.student.put(`${base}/answers/${item.id}`, answer())).status).toBe(200);

    const removedId = sam2.joined.participant.id;
    const removed = await teacher.delete<TeacherSessionView>(`${base}/participants/${removedId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.participants.map((p) => p.id)).toEqual([sam.joined.participant.id]);
    // A removed student's answer no longer counts.
    expect(removed.body.answerCounts).toEqual({ [item.id]: 1 });

    const me = await sam2.student.get(`${base}/me`);
    expect(me.status).toBe(403);
    expect(errorOf(me).code).toBe('participant_removed');
    const answerAfter = await sam2.student.put(`${base}/answers/${item.id}`, answer());
    expect(answerAfter.status).toBe(403);
    expect(errorOf(answerAfter).code).toBe('participant_removed');
    expect((await teacher.delete(`${base}/participants/${removedId}`)).status).toBe(404);
    expect((await teacher.delete(`${base}/participants/not-a-participant`)).status).toBe(404);

    const ended = await teacher.post<TeacherSessionView>(`${base}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.session.status).toBe('ended');
    expect(ended.body.session.endedAt).not.toBeNull();

    const lookup = await new ApiClient(ctx.server.baseUrl).get(`/api/join/${code}`);
    expect(lookup.status).toBe(410);
    expect(errorOf(lookup)).toMatchObject({ code: 'session_ended', field: 'code' });
    const lateJoin = await new ApiClient(ctx.server.baseUrl).post('/api/join', {
      code,
      displayName: 'Late',
    });
    expect(lateJoin.status).toBe(410);
    expect(errorOf(lateJoin).code).toBe('session_ended');

    const afterEnd = await sam.student.put(`${base}/answers/${item.id}`, answer());
    expect(afterEnd.status).toBe(409);
    expect(errorOf(afterEnd).code).toBe('session_ended');
    // The student can still read the session, now ended.
    const view = await sam.student.get<StudentSessionView>(`${base}/me`);
    expect(view.body.session).toMatchObject({ id, status: 'ended' });
    // And the teacher can no longer change it.
    const reopen = await teacher.post(`${base}/items/${item.id}/open`);
    expect(reopen.status).toBe(409);
    expect(errorOf(reopen).code).toBe('session_ended');
  });

  it('keeps teacher actions from students and sessions from other teachers', async () => {
    const { teacher, sam, base } = await classWithTwoSams();
    const student = sam.student;
    const attempts = [
      await student.get(base),
      await student.get(`${base}/qr.svg`),
      await student.post(`${base}/section`, { sectionId: pollSection.id }),
      await student.post(`${base}/items/${poll.id}/open`),
      await student.post(`${base}/items/${poll.id}/reveal`),
      await student.post(`${base}/summaries/${firstSection.id}`, { text: 'Mine' }),
      await student.post(`${base}/end`),
      await student.delete(`${base}/participants/${sam.joined.participant.id}`),
    ];
    for (const response of attempts) {
      expect([401, 404]).toContain(response.status);
      expect(['not_signed_in', 'session_not_found']).toContain(errorOf(response).code);
    }

    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    const snooping = [
      await other.get(base),
      await other.get(`${base}/qr.svg`),
      await other.get(`${base}/events`),
      await other.post(`${base}/section`, { sectionId: pollSection.id }),
      await other.post(`${base}/items/${poll.id}/open`),
      await other.post(`${base}/end`),
    ];
    for (const response of snooping) {
      expect(response.status).toBe(404);
      expect(errorOf(response).code).toBe('session_not_found');
    }
    expect((await other.get<{ sessions: unknown[] }>('/api/sessions')).body.sessions).toEqual([]);
    expect((await other.get(`/api/sessions/not-a-uuid`)).status).toBe(404);

    // Nothing the others tried changed the session.
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.session).toMatchObject({ status: 'open', currentSectionId: firstSection.id });
    expect(view.body.itemStates.every((s) => s.status === 'pending')).toBe(true);
    expect(view.body.summaries).toEqual([]);
    expect(view.body.participants).toHaveLength(2);
  });

  it('lets students move freely in a self-paced session', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const created = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${created.session.id}`;
    const { student, joined } = await joinAs(ctx.server.baseUrl, created.session.joinCode, 'Noor');

    const me = await student.get<StudentSessionView>(`${base}/me`);
    expect(me.body.session.mode).toBe('self-paced');
    expect(me.body.itemStates.map((s) => s.itemId)).toEqual(allItemIds);
    expect(me.body.itemStates.every((s) => s.status === 'open')).toBe(true);

    // An item in the last section, with the teacher doing nothing.
    const prompt = lastSection.items.find((i) => i.kind === 'prompt')!;
    const ack = await student.put<AnswerAck>(`${base}/answers/${prompt.id}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'prompt', text: 'The voters decide.' },
    });
    expect(ack.status).toBe(200);

    const progress = await student.post(`${base}/progress`, { sectionId: lastSection.id });
    expect(progress.status).toBe(204);
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.participants.find((p) => p.id === joined.participant.id)).toMatchObject({
      label: 'Noor',
      currentSectionId: lastSection.id,
    });
    expect(view.body.answerCounts).toEqual({ [prompt.id]: 1 });

    const nowhere = await student.post(`${base}/progress`, { sectionId: 'no-such-section' });
    expect(nowhere.status).toBe(404);
    expect(errorOf(nowhere)).toMatchObject({ code: 'section_not_found', field: 'sectionId' });

    // The teacher can still close an item in a self-paced session.
    await teacher.post(`${base}/items/${prompt.id}/close`);
    const closed = await student.put(`${base}/answers/${prompt.id}`, {
      submissionId: randomUUID(),
      revision: 2,
      answer: { kind: 'prompt', text: 'Changed my mind.' },
    });
    expect(closed.status).toBe(409);
    expect(errorOf(closed).code).toBe('item_not_open');
  });
});
