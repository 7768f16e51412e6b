import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { loadConfig } from '../config';
import { STREAMS_PER_PARTICIPANT, STREAMS_PER_TEACHER } from '../live/stream-limits';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  inBatches,
  joinAs,
  signUpTeacher,
  expectRefusal,
} from './api-client';
import { type EventStreamReader } from './event-stream-reader';
import type { TestServer } from './test-server';
import { describeEachStorage, useServerPerTest } from './use-test-server';

/** A well-formed join code that no session has (codes are random over 31 characters). */
const WRONG_CODE = 'ZZZZZZ';

/** Waits until `check` holds (the server noticing a closed connection takes a moment). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Each test starts a server of its own, which takes a while on a busy machine.
describeEachStorage('limits on abuse on %s', { timeout: 90_000 }, (kind) => {
  /** A server of its own, with its own database, for a test that spends its limits. */
  const startServer = useServerPerTest(kind);

  const guess = (server: TestServer, forwardedFor?: string) =>
    new ApiClient(server.baseUrl).request(
      'GET',
      `/api/join/${WRONG_CODE}`,
      undefined,
      forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    );

  it('ignores X-Forwarded-For without TRUST_PROXY: a made-up address buys no allowance', async () => {
    const direct = await startServer({ joinGuessLimit: 3 });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      expectRefusal(await guess(direct, address), 404, 'session_not_found');
    }
    expectRefusal(await guess(direct, '10.0.0.4'), 429, 'rate_limited');
  });

  it('counts wrong join codes tried through rejoining toward the same guessing limit', async () => {
    const server = await startServer({ joinGuessLimit: 3 });
    const client = new ApiClient(server.baseUrl);
    const rejoin = () =>
      client.post('/api/rejoin', { code: WRONG_CODE, displayName: 'Sam', rejoinCode: 'ABCDEF' });
    expectRefusal(await rejoin(), 404, 'session_not_found');
    expectRefusal(await guess(server), 404, 'session_not_found');
    expectRefusal(await rejoin(), 404, 'session_not_found');
    expectRefusal(await rejoin(), 429, 'rate_limited');
  });

  it('keys per-address limits on the client a trusted proxy names', async () => {
    const proxied = await startServer({ joinGuessLimit: 3, trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 3; i += 1) {
      expectRefusal(await guess(proxied, '10.0.0.1'), 404, 'session_not_found');
    }
    expectRefusal(await guess(proxied, '10.0.0.1'), 429, 'rate_limited');
    // Behind the trusted proxy, each client the proxy names has its own allowance.
    expectRefusal(await guess(proxied, '10.0.0.2'), 404, 'session_not_found');
    // Only the hop the trusted proxy added counts: a client cannot prepend its own.
    expectRefusal(await guess(proxied, '10.9.9.9, 10.0.0.1'), 429, 'rate_limited');
  });

  it('lets two classes of 40 join from one address in a minute, but not guess codes', async () => {
    const defaults = await loadConfig({ COOKIE_SECRET: 'x'.repeat(32) });
    const server = await startServer({
      joinRateLimit: defaults.joinRateLimit,
      joinGuessLimit: defaults.joinGuessLimit,
    });
    const teacher = await signUpTeacher(server.baseUrl);
    const classes = await Promise.all([
      createLiveSession(teacher, 'teacher-paced'),
      createLiveSession(teacher, 'teacher-paced'),
    ]);
    const started = Date.now();
    const joined = await inBatches(80, 8, async (i) => {
      const { session } = classes[i % 2]!;
      const student = new ApiClient(server.baseUrl);
      // What the join page does: look the code up, then join with a name.
      const lookup = await student.get(`/api/join/${session.joinCode}`);
      const join = await student.post('/api/join', {
        code: session.joinCode,
        displayName: `Student ${i}`,
      });
      return [lookup.status, join.status];
    });
    expect(joined).toEqual(Array.from({ length: 80 }, () => [200, 201]));
    expect(Date.now() - started).toBeLessThan(60_000);

    let wrong = 0;
    for (;;) {
      const response = await guess(server);
      if (response.status !== 404) {
        expectRefusal(response, 429, 'rate_limited');
        break;
      }
      wrong += 1;
    }
    expect(wrong).toBe(defaults.joinGuessLimit);
    // Past the guessing limit, wrong codes from the address are refused this minute, but a
    // classmate with the right one still gets in.
    expectRefusal(await guess(server), 429, 'rate_limited');
    const code = classes[0].session.joinCode;
    expect((await new ApiClient(server.baseUrl).get(`/api/join/${code}`)).status).toBe(200);
  });

  it('keeps a student to a few streams: a new one closes the oldest', async () => {
    const server = await startServer();
    const teacher = await signUpTeacher(server.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const { student } = await joinAs(server.baseUrl, session.joinCode, 'Kim');
    const events = `/api/sessions/${session.id}/events`;
    const streams: EventStreamReader[] = [];
    for (let i = 0; i <= STREAMS_PER_PARTICIPANT; i += 1) {
      const stream = await student.openStream(events);
      expect((await stream.next()).event).toBe('ready');
      streams.push(stream);
    }
    const [oldest, ...rest] = streams;
    expect(await oldest!.waitForEnd(3000)).toBe(true);
    for (const stream of rest) expect(stream.hasEnded).toBe(false);
    // The streams still open still get the class's events.
    await teacher.post(`/api/sessions/${session.id}/section`, {
      sectionId: lesson.sections[1]!.id,
    });
    for (const stream of rest)
      expect((await stream.nextOf('section.changed')).event).toBe('section.changed');
  });

  it('keeps a teacher to a few more streams: a new one closes the oldest', async () => {
    const server = await startServer();
    const teacher = await signUpTeacher(server.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const streams: EventStreamReader[] = [];
    for (let i = 0; i <= STREAMS_PER_TEACHER; i += 1) {
      const stream = await teacher.openStream(`/api/sessions/${session.id}/events`);
      expect((await stream.next()).event).toBe('ready');
      streams.push(stream);
    }
    expect(await streams[0]!.waitForEnd(3000)).toBe(true);
    expect(streams.slice(1).every((s) => !s.hasEnded)).toBe(true);
  });

  it('refuses a stream past the cap per address with a 429, until one closes', async () => {
    const server = await startServer({ streamsPerAddress: 5 });
    const teacher = await signUpTeacher(server.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const events = `/api/sessions/${session.id}/events`;
    const students = await inBatches(6, 6, (i) =>
      joinAs(server.baseUrl, session.joinCode, `Student ${i}`),
    );
    const streams: EventStreamReader[] = [];
    for (const { student } of students.slice(0, 5)) {
      const stream = await student.openStream(events);
      await stream.next();
      streams.push(stream);
    }
    const sixth = students[5]!.student;
    await expect(sixth.openStream(events)).rejects.toThrow(/refused: 429 .*"rate_limited"/);
    await expect(teacher.openStream(events)).rejects.toThrow(/refused: 429/);

    streams[0]!.close();
    await eventually(async () => {
      try {
        (await sixth.openStream(events)).close();
        return true;
      } catch {
        return false;
      }
    });
  });

  it('limits section changes per student and stores only real moves', async () => {
    const server = await startServer();
    const teacher = await signUpTeacher(server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${session.id}`;
    const { student, joined } = await joinAs(server.baseUrl, session.joinCode, 'Kim');
    const watching = await teacher.openStream(`${base}/events`);
    await watching.next();

    const [, second, third] = lesson.sections;
    for (let i = 0; i < 3; i += 1) {
      expect((await student.post(`${base}/progress`, { sectionId: second!.id })).status).toBe(204);
    }
    expect((await student.post(`${base}/progress`, { sectionId: third!.id })).status).toBe(204);
    await watching.nextOf('participant.progressed');
    const last = await watching.nextOf('participant.progressed');
    expect(last.data).toMatchObject({ participantId: joined.participant.id, sectionId: third!.id });
    // Three reports of the same section made one event, not three.
    const stored = await server.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM session_events WHERE session_id = $1 AND event->>'type' = 'participant.progressed'`,
      [session.id],
    );
    expect(Number(stored.rows[0]!.n)).toBe(2);

    // 4 calls so far; the limit is 60 a minute.
    for (let i = 4; i < 60; i += 1) {
      const sectionId = (i % 2 === 0 ? second : third)!.id;
      expect((await student.post(`${base}/progress`, { sectionId })).status).toBe(204);
    }
    const over = await student.post(`${base}/progress`, { sectionId: second!.id });
    expectRefusal(over, 429, 'rate_limited');
    expect(errorOf(over).message).toMatch(/section changes.*wait \d+ s/i);
  });
});
