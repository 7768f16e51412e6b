import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  JoinResponse,
  StudentSessionView,
  TeacherSessionView,
} from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  joinAs,
  signUpTeacher,
  expectRefusal,
  classJoinedBy,
} from './api-client';
import { describeWithServer } from './use-test-server';

const prompt = lesson.sections[0]!.items.find((i) => i.kind === 'prompt')!;

/** A code of the rejoin alphabet that is not `code`. */
const otherCode = (code: string) => (code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');

describeWithServer('rejoining and look-alike names on %s', (ctx) => {
  /** A self-paced session (every item open) that Riley has joined. */
  async function classWithRiley() {
    const joined = await classJoinedBy(ctx.server.baseUrl, 'self-paced', ['Riley']);
    const { teacher, code, base } = joined;
    return {
      teacher,
      code,
      base,
      riley: joined.students[0],
      rejoin: (client: ApiClient, body: Record<string, unknown>) =>
        client.post<JoinResponse>('/api/rejoin', { code, ...body }),
    };
  }

  it('offers the way back when a name is taken, and numbers a namesake only when asked', async () => {
    const { teacher, code, base } = await classWithRiley();
    const again = await new ApiClient(ctx.server.baseUrl).post('/api/join', {
      code,
      displayName: ' Riley ',
    });
    expectRefusal(again, 409, 'name_taken', 'displayName');
    expect(errorOf(again).message).toMatch(/“Riley” has already joined/);
    expect(errorOf(again).message).toMatch(/rejoin code/);
    expect(errorOf(again).message).toMatch(/join as “Riley \(2\)”/);

    const second = await joinAs(ctx.server.baseUrl, code, 'Riley', { asNewNamesake: true });
    expect(second.joined.participant).toMatchObject({ displayName: 'Riley', label: 'Riley (2)' });
    const roster = await teacher.get<TeacherSessionView>(base);
    expect(roster.body.participants.map((p) => p.label)).toEqual(['Riley', 'Riley (2)']);
  });

  it('counts names that differ by invisible characters, width or look-alike letters as one', async () => {
    const { teacher, code, base } = await classWithRiley();
    const lookalikes = [
      'Riley\u200b', // zero-width space
      '\u202eRiley\u202c', // right-to-left override
      'R\u0456ley', // Cyrillic і
      'ＲＩＬＥＹ', // fullwidth
      'RILEY',
    ];
    for (const displayName of lookalikes) {
      const response = await new ApiClient(ctx.server.baseUrl).post('/api/join', {
        code,
        displayName,
      });
      expectRefusal(response, 409, 'name_taken', 'displayName');
    }
    // Joined anyway, the look-alike is numbered and kept without its invisible characters.
    const numbered = await joinAs(ctx.server.baseUrl, code, 'Riley\u200b', { asNewNamesake: true });
    expect(numbered.joined.participant).toMatchObject({
      displayName: 'Riley',
      label: 'Riley (2)',
    });
    const cyrillic = await joinAs(ctx.server.baseUrl, code, 'R\u0456ley', { asNewNamesake: true });
    expect(cyrillic.joined.participant.label).toBe('R\u0456ley (3)');

    const invisible = await new ApiClient(ctx.server.baseUrl).post('/api/join', {
      code,
      displayName: '\u200b\u2066\u2069',
    });
    expectRefusal(invisible, 400, 'invalid_input', 'displayName');
    const roster = await teacher.get<TeacherSessionView>(base);
    expect(roster.body.participants).toHaveLength(3);
  });

  it('rejoins on another device as the same student, with every answer', async () => {
    const { teacher, base, riley, rejoin } = await classWithRiley();
    const answer = { kind: 'prompt', text: 'Written on the phone that died.' };
    const saved = await riley.student.put(`${base}/answers/${prompt.id}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer,
    });
    expect(saved.status).toBe(200);

    const laptop = new ApiClient(ctx.server.baseUrl);
    const back = await rejoin(laptop, {
      displayName: 'riley',
      rejoinCode: riley.joined.participant.rejoinCode.toLowerCase(),
    });
    expect(back.status).toBe(200);
    // The same student, with a new rejoin code (the one used works once).
    const { rejoinCode: newCode, ...same } = back.body.participant;
    const { rejoinCode: usedCode, ...before } = riley.joined.participant;
    expect({ sessionId: back.body.sessionId, participant: same }).toEqual({
      sessionId: riley.joined.sessionId,
      participant: before,
    });
    expect(newCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(newCode).not.toBe(usedCode);

    const me = await laptop.get<StudentSessionView>(`${base}/me`);
    expect(me.status).toBe(200);
    expect(me.body.me).toEqual(back.body.participant);
    expect(me.body.myAnswers).toEqual([{ itemId: prompt.id, answer, revision: 1 }]);
    // The laptop goes on from where the phone was.
    const next = await laptop.put(`${base}/answers/${prompt.id}`, {
      submissionId: randomUUID(),
      revision: 2,
      answer: { kind: 'prompt', text: 'Carried on on the laptop.' },
    });
    expect(next.status).toBe(200);

    // One device at a time: the phone is signed out of the session.
    expectRefusal(await riley.student.get(`${base}/me`), 401, 'not_joined');
    const roster = await teacher.get<TeacherSessionView>(base);
    expect(roster.body.participants.map((p) => p.label)).toEqual(['Riley']);
    expect(roster.body.participants[0]?.rejoinCode).toBe(newCode);
  });

  it('replaces a used rejoin code: the old one no longer works, the new one does, and the teacher sees it', async () => {
    const { teacher, base, riley, rejoin } = await classWithRiley();
    const watching = await teacher.openStream(`${base}/events`);
    await watching.nextOf('ready');
    const usedCode = riley.joined.participant.rejoinCode;
    const phone = await rejoin(new ApiClient(ctx.server.baseUrl), {
      displayName: 'Riley',
      rejoinCode: usedCode,
    });
    expect(phone.status).toBe(200);
    const { rejoinCode: newCode } = phone.body.participant;
    expect(newCode).not.toBe(usedCode);

    const again = await rejoin(new ApiClient(ctx.server.baseUrl), {
      displayName: 'Riley',
      rejoinCode: usedCode,
    });
    expectRefusal(again, 403, 'rejoin_refused', 'rejoinCode');
    expect((await watching.nextOf('participant.rejoined')).data).toMatchObject({
      type: 'participant.rejoined',
      participant: { id: riley.joined.participant.id, label: 'Riley', rejoinCode: newCode },
    });
    const roster = await teacher.get<TeacherSessionView>(base);
    expect(roster.body.participants.map((p) => p.rejoinCode)).toEqual([newCode]);

    const tablet = new ApiClient(ctx.server.baseUrl);
    const withNew = await rejoin(tablet, { displayName: 'Riley', rejoinCode: newCode });
    expect(withNew.status).toBe(200);
    expect(withNew.body.participant.rejoinCode).not.toBe(newCode);
    expect((await tablet.get<StudentSessionView>(`${base}/me`)).body.me.rejoinCode).toBe(
      withNew.body.participant.rejoinCode,
    );
  });

  it('lets one of two devices in when both give the same code at once', async () => {
    const { riley, rejoin } = await classWithRiley();
    const { rejoinCode } = riley.joined.participant;
    const both = await Promise.all(
      [1, 2].map(() =>
        rejoin(new ApiClient(ctx.server.baseUrl), { displayName: 'Riley', rejoinCode }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 403]);
  });

  it('ends the old device’s live stream at once: its page learns it was signed out', async () => {
    const { base, riley, rejoin } = await classWithRiley();
    const phone = await riley.student.openStream(`${base}/events`);
    expect((await phone.next()).event).toBe('ready');

    const laptop = new ApiClient(ctx.server.baseUrl);
    const back = await rejoin(laptop, {
      displayName: 'Riley',
      rejoinCode: riley.joined.participant.rejoinCode,
    });
    expect(back.status).toBe(200);
    // Left open, the phone would go on receiving the class's events while signed out.
    expect(await phone.waitForEnd(3000)).toBe(true);
    // Its browser reconnects, is refused, and the page shows that it was signed out.
    await expect(riley.student.openStream(`${base}/events`)).rejects.toThrow(/401/);
    // The laptop's own stream, opened after, stays open.
    const onLaptop = await laptop.openStream(`${base}/events`);
    expect((await onLaptop.next()).event).toBe('ready');
    await onLaptop.collect(1000);
    expect(onLaptop.hasEnded).toBe(false);
  });

  it('lets a numbered namesake back in by either name', async () => {
    const { code, rejoin } = await classWithRiley();
    const second = await joinAs(ctx.server.baseUrl, code, 'Riley', { asNewNamesake: true });
    let { rejoinCode } = second.joined.participant;
    for (const displayName of ['Riley (2)', 'Riley']) {
      const back = await rejoin(new ApiClient(ctx.server.baseUrl), { displayName, rejoinCode });
      expect(back.status).toBe(200);
      expect(back.body.participant.label).toBe('Riley (2)');
      rejoinCode = back.body.participant.rejoinCode;
    }
  });

  it('refuses a wrong rejoin code, another student’s, a removed student and an ended session', async () => {
    const { teacher, code, base, riley, rejoin } = await classWithRiley();
    const { rejoinCode } = riley.joined.participant;
    const device = new ApiClient(ctx.server.baseUrl);

    const wrong = await rejoin(device, { displayName: 'Riley', rejoinCode: otherCode(rejoinCode) });
    expectRefusal(wrong, 403, 'rejoin_refused', 'rejoinCode');
    expect(errorOf(wrong).message).toMatch(/ask your teacher/);
    // Riley's code with someone else's name.
    const sam = await joinAs(ctx.server.baseUrl, code, 'Sam');
    expectRefusal(
      await rejoin(device, { displayName: 'Sam', rejoinCode }),
      403,
      'rejoin_refused',
      'rejoinCode',
    );
    expectRefusal(
      await rejoin(device, { displayName: 'Riley', rejoinCode: 'AB' }),
      400,
      'invalid_input',
      'rejoinCode',
    );
    expect(device.cookie('pt')).toBeUndefined();

    await teacher.delete(`${base}/participants/${sam.joined.participant.id}`);
    expectRefusal(
      await rejoin(device, {
        displayName: 'Sam',
        rejoinCode: sam.joined.participant.rejoinCode,
      }),
      403,
      'participant_removed',
    );

    await teacher.post(`${base}/end`);
    expectRefusal(await rejoin(device, { displayName: 'Riley', rejoinCode }), 410, 'session_ended');
  });

  it('tells the teacher within seconds when a student’s last stream closes', async () => {
    const { teacher, base, riley } = await classWithRiley();
    const teacherStream = await teacher.openStream(`${base}/events`);
    expect((await teacherStream.next()).event).toBe('ready');
    const isOnline = async () =>
      (await teacher.get<TeacherSessionView>(base)).body.participants[0]?.isOnline;
    expect(await isOnline()).toBe(false);
    const id = riley.joined.participant.id;

    const tab = await riley.student.openStream(`${base}/events`);
    expect((await teacherStream.nextOf('participant.presence')).data).toEqual({
      type: 'participant.presence',
      participantId: id,
      isOnline: true,
    } satisfies LiveEvent);
    expect(await isOnline()).toBe(true);

    // A second tab closing leaves the student online.
    const secondTab = await riley.student.openStream(`${base}/events`);
    expect((await secondTab.next()).event).toBe('ready');
    secondTab.close();
    expect(
      (await teacherStream.collect(1000)).filter((m) => m.event === 'participant.presence'),
    ).toEqual([]);
    expect(await isOnline()).toBe(true);

    const closedAt = Date.now();
    tab.close();
    expect((await teacherStream.nextOf('participant.presence')).data).toEqual({
      type: 'participant.presence',
      participantId: id,
      isOnline: false,
    } satisfies LiveEvent);
    expect(Date.now() - closedAt).toBeLessThan(3000);
    expect(await isOnline()).toBe(false);
  });
});

/** Low limits, so a test can reach them. */
const GUESS_LIMITS = { rejoinRateLimit: 5, rejoinStudentRateLimit: 3 };

describeWithServer('rejoin guesses on %s', { config: GUESS_LIMITS }, (ctx) => {
  it('limits wrong rejoin codes per student and per address, so codes cannot be guessed', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const first = await createLiveSession(teacher, 'teacher-paced');
    const second = await createLiveSession(teacher, 'teacher-paced');
    const riley = await joinAs(ctx.server.baseUrl, first.session.joinCode, 'Riley');
    const sam = await joinAs(ctx.server.baseUrl, first.session.joinCode, 'Sam');
    const guess = (code: string, displayName: string, guessed: string) =>
      new ApiClient(ctx.server.baseUrl).post('/api/rejoin', {
        code,
        displayName,
        rejoinCode: guessed,
      });
    const { rejoinCode } = riley.joined.participant;

    for (let i = 0; i < 3; i += 1) {
      expectRefusal(
        await guess(first.session.joinCode, 'Riley', otherCode(rejoinCode)),
        403,
        'rejoin_refused',
      );
    }
    // Riley's limit is used up: even the right code waits, so guessing Riley's stops here,
    // under either of Riley's names.
    for (const name of ['Riley', 'RILEY (2)']) {
      const limited = await guess(first.session.joinCode, name, rejoinCode);
      expectRefusal(limited, 429, 'rate_limited');
      expect(errorOf(limited).message).toMatch(/wrong rejoin codes for this student.*wait \d+ s/i);
    }
    // Sam, from the same address, is not held up by guesses at Riley's code.
    const samBack = await guess(first.session.joinCode, 'Sam', sam.joined.participant.rejoinCode);
    expect(samBack.status).toBe(200);

    // This address has two wrong guesses left, in any session; then wrong ones are refused...
    for (let i = 0; i < 2; i += 1) {
      expectRefusal(await guess(second.session.joinCode, 'Kim', 'ZZZZZZ'), 403, 'rejoin_refused');
    }
    const byAddress = await guess(second.session.joinCode, 'Kim', 'ZZZZZZ');
    expectRefusal(byAddress, 429, 'rate_limited');
    expect(errorOf(byAddress).message).toMatch(/Too many wrong rejoin codes in a short time/);
    // ...and right ones still get in.
    const samAgain = await guess(
      first.session.joinCode,
      'Sam',
      (samBack.body as JoinResponse).participant.rejoinCode,
    );
    expect(samAgain.status).toBe(200);
  });
});
