import { expect, it } from 'vitest';
import type { JoinResponse } from '#domain/api/live-contracts';
import { loadConfig } from '../config';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  expectRefusal,
  inBatches,
  joinAs,
} from './api-client';
import { describeEachStorage, useServerPerTest } from './use-test-server';

/** A tenth of the default first delay, so a test sees the delays grow without waiting long. */
const DELAY_MS = 25;
const CLASS_SIZE = 30;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** A code of the rejoin alphabet that is not `code`. */
const otherCode = (code: string) => (code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');

describeEachStorage('guessing limits behind one address on %s', { timeout: 120_000 }, (kind) => {
  const startServer = useServerPerTest(kind);

  /** The server's default limits, with delays a tenth as long. */
  async function defaultLimits() {
    const defaults = await loadConfig({ COOKIE_SECRET: 'x'.repeat(32) });
    return {
      joinGuessLimit: defaults.joinGuessLimit,
      rejoinRateLimit: defaults.rejoinRateLimit,
      rejoinStudentRateLimit: defaults.rejoinStudentRateLimit,
      guessDelayMs: DELAY_MS,
    };
  }

  it('lets a class of 30 back in and join while one student behind the same address guesses', async () => {
    const limits = await defaultLimits();
    const server = await startServer(limits);
    const { baseUrl } = server;
    const teacher = new ApiClient(baseUrl);
    await teacher.post('/api/auth/sign-up', {
      email: 'class@school.example',
      name: 'Teacher',
      password: 'correct horse battery',
    });
    const { session } = await createLiveSession(teacher, 'self-paced');
    const code = session.joinCode;
    const students = await inBatches(CLASS_SIZE, 10, (i) => joinAs(baseUrl, code, `Student ${i}`));
    const target = students[0]!.joined.participant;

    // One student, from the school's address, guesses: join codes, then rejoin codes, first at
    // one classmate, then at made-up names.
    const guesser = new ApiClient(baseUrl);
    const joinGuesses: { status: number; ms: number }[] = [];
    for (let i = 0; i < 2 * limits.joinGuessLimit; i += 1) {
      const { result, ms } = await timed(() => guesser.get('/api/join/ZZZZZZ'));
      joinGuesses.push({ status: result.status, ms });
    }
    const rejoinGuesses: { status: number; ms: number }[] = [];
    const guessRejoin = async (displayName: string, rejoinCode: string) => {
      const { result, ms } = await timed(() =>
        guesser.post('/api/rejoin', { code, displayName, rejoinCode }),
      );
      rejoinGuesses.push({ status: result.status, ms });
      return result;
    };
    for (let i = 0; i < limits.rejoinStudentRateLimit; i += 1) {
      await guessRejoin(target.displayName, otherCode(target.rejoinCode));
    }
    for (let i = 0; i < 2 * limits.rejoinRateLimit; i += 1)
      await guessRejoin(`Nobody ${i}`, 'ZZZZZZ');

    // Wrong join codes: free, then slower and slower, then refused.
    const joinFree = Math.ceil(limits.joinGuessLimit / 2);
    expect(joinGuesses.slice(0, limits.joinGuessLimit).map((g) => g.status)).toEqual(
      Array.from({ length: limits.joinGuessLimit }, () => 404),
    );
    expect(joinGuesses.slice(limits.joinGuessLimit).every((g) => g.status === 429)).toBe(true);
    expect(joinGuesses[joinFree]!.ms).toBeGreaterThanOrEqual(DELAY_MS - 2);
    expect(joinGuesses[joinFree + 3]!.ms).toBeGreaterThanOrEqual(8 * DELAY_MS - 2);
    // Wrong rejoin codes: the classmate's code is refused 403 each time, then the address's
    // wrong guesses 429.
    expect(rejoinGuesses.slice(0, limits.rejoinRateLimit).map((g) => g.status)).toEqual(
      Array.from({ length: limits.rejoinRateLimit }, () => 403),
    );
    expect(rejoinGuesses.slice(limits.rejoinRateLimit + 1).every((g) => g.status === 429)).toBe(
      true,
    );

    // The classmate who was guessed at waits out the 10 minutes, even with the right code...
    const lockedOut = await new ApiClient(baseUrl).post('/api/rejoin', {
      code,
      displayName: target.displayName,
      rejoinCode: target.rejoinCode,
    });
    expectRefusal(lockedOut, 429, 'rate_limited');
    expect(errorOf(lockedOut).message).toMatch(/wrong rejoin codes for this student.*wait \d+ s/i);

    // ...but every other classmate gets back in on a new device, and a latecomer joins.
    const rejoins = await inBatches(CLASS_SIZE - 1, 10, async (i) => {
      const { participant } = students[i + 1]!.joined;
      return timed(() =>
        new ApiClient(baseUrl).post<JoinResponse>('/api/rejoin', {
          code,
          displayName: participant.displayName,
          rejoinCode: participant.rejoinCode,
        }),
      );
    });
    expect(rejoins.map(({ result }) => result.status)).toEqual(
      Array.from({ length: CLASS_SIZE - 1 }, () => 200),
    );
    const latecomer = await timed(() => joinAs(baseUrl, code, 'Latecomer'));
    expect(latecomer.result.joined.participant.label).toBe('Latecomer');
    const slowest = Math.max(...rejoins.map((r) => r.ms));
    // Slowed, by no more than a few of the longest delays, never refused.
    expect(slowest).toBeLessThan(4 * 8 * DELAY_MS + 1000);
    console.info(
      `[guess limits] ${CLASS_SIZE - 1} classmates rejoined: slowest ${Math.round(slowest)} ms; ` +
        `latecomer joined in ${Math.round(latecomer.ms)} ms; wrong join codes took ` +
        `${joinGuesses.map((g) => Math.round(g.ms)).join(' ')} ms; wrong rejoin codes took ` +
        `${rejoinGuesses.map((g) => Math.round(g.ms)).join(' ')} ms (first delay ${DELAY_MS} ms)`,
    );
  });

  it('lets a class of 30 join and rejoin while one student floods the join routes from their address', async () => {
    // The default cap is 300 a minute; a lower one is reached sooner, with the same rules.
    const joinRateLimit = 60;
    const server = await startServer({ ...(await defaultLimits()), joinRateLimit });
    const { baseUrl } = server;
    const teacher = new ApiClient(baseUrl);
    await teacher.post('/api/auth/sign-up', {
      email: 'flood@school.example',
      name: 'Teacher',
      password: 'correct horse battery',
    });
    const { session } = await createLiveSession(teacher, 'self-paced');
    const code = session.joinCode;
    const early = await joinAs(baseUrl, code, 'Early bird');

    // One student's script, from the school's address: the right code looked up over and over,
    // wrong codes, and joins with wrong codes, well past the address's cap.
    const flooder = new ApiClient(baseUrl);
    const flood = await inBatches(3 * joinRateLimit, 10, async (i) => {
      const response =
        i % 3 === 0
          ? await flooder.get(`/api/join/${code}`)
          : i % 3 === 1
            ? await flooder.get('/api/join/ZZZZZZ')
            : await flooder.post('/api/join', { code: 'YYYYYY', displayName: `Bot ${i}` });
      return response.status;
    });
    expect(flood.filter((status) => status === 429).length).toBeGreaterThan(joinRateLimit);
    // Past the cap a wrong code is refused at once, without waiting out a guessing delay.
    const { result: refused, ms: refusedMs } = await timed(() => flooder.get('/api/join/ZZZZZZ'));
    expectRefusal(refused, 429, 'rate_limited');
    expect(errorOf(refused).message).toMatch(/attempts to join.*wait \d+ s/i);
    expect(refusedMs).toBeLessThan(DELAY_MS * 8);

    // The class, from the same address: every look-up, join and rejoin with the right code gets in.
    const joined = await inBatches(CLASS_SIZE, 10, async (i) => {
      const student = new ApiClient(baseUrl);
      const lookup = await student.get(`/api/join/${code}`);
      const join = await student.post<JoinResponse>('/api/join', {
        code,
        displayName: `Student ${i}`,
      });
      return [lookup.status, join.status];
    });
    expect(joined).toEqual(Array.from({ length: CLASS_SIZE }, () => [200, 201]));
    const back = await new ApiClient(baseUrl).post<JoinResponse>('/api/rejoin', {
      code,
      displayName: early.joined.participant.displayName,
      rejoinCode: early.joined.participant.rejoinCode,
    });
    expect(back.status).toBe(200);
    // A wrong code is still refused, however the class's joins went.
    expectRefusal(await flooder.get('/api/join/ZZZZZZ'), 429, 'rate_limited');
    const roster = await teacher.get<{ participants: unknown[] }>(`/api/sessions/${session.id}`);
    expect(roster.body.participants).toHaveLength(CLASS_SIZE + 1);
  });

  it('lets the teacher with the right password in after many wrong ones from the same address', async () => {
    // Longer delays than the other tests', to stand out from the time a password check takes.
    const delayMs = 2 * DELAY_MS;
    // Lower limits than the defaults (20 and 50), as each try costs a password hash.
    const server = await startServer({
      guessDelayMs: delayMs,
      wrongPasswordsPerAddress: 8,
      wrongPasswordsPerAccount: 12,
    });
    const email = 'teacher@school.example';
    const password = 'correct horse battery';
    const teacher = new ApiClient(server.baseUrl);
    await teacher.post('/api/auth/sign-up', { email, name: 'Teacher', password });
    const signIn = (body: { email: string; password: string }) =>
      timed(() => new ApiClient(server.baseUrl).post('/api/auth/sign-in', body));

    const wrong: { status: number; ms: number }[] = [];
    for (let i = 0; i < 11; i += 1) {
      const { result, ms } = await signIn({
        email: i % 2 === 0 ? email : `other${i}@school.example`,
        password: `wrong password ${i}`,
      });
      wrong.push({ status: result.status, ms });
    }
    // 8 wrong passwords a minute from one address are answered "wrong", then refused 429; from
    // the 5th each waits first: 1, 2, 4, then 8 times the first delay.
    expect(wrong.map((w) => w.status)).toEqual([...Array<number>(8).fill(401), 429, 429, 429]);
    const typical = Math.min(...wrong.slice(0, 4).map((w) => w.ms));
    const waited = wrong.slice(4, 11).reduce((sum, w) => sum + w.ms - typical, 0);
    expect(waited).toBeGreaterThan(0.8 * delayMs * (1 + 2 + 4 + 8 * 4));

    const right = await signIn({ email: email.toUpperCase(), password });
    expect(right.result.status).toBe(200);
    expect(right.result.body).toMatchObject({ teacher: { email } });
  });

  it('locks out an account only after many wrong passwords, from any number of addresses', async () => {
    const server = await startServer({
      guessDelayMs: 1,
      trustProxy: ['127.0.0.1'],
      wrongPasswordsPerAccount: 8,
    });
    const email = 'target@school.example';
    const password = 'correct horse battery';
    await new ApiClient(server.baseUrl).post('/api/auth/sign-up', { email, name: 'T', password });
    const signIn = (from: string, body: { email: string; password: string }) =>
      new ApiClient(server.baseUrl).request('POST', '/api/auth/sign-in', body, {
        'x-forwarded-for': from,
      });
    // 8 wrong passwords an hour for one account (50 by default), each from an address of its own.
    for (let i = 0; i < 8; i += 1) {
      const response = await signIn(`10.1.0.${i}`, { email, password: `wrong ${i}` });
      expect(response.status).toBe(401);
    }
    const locked = await signIn('10.2.0.1', { email, password });
    expectRefusal(locked, 429, 'rate_limited');
    expect(errorOf(locked).message).toMatch(/wrong passwords for this account/);
    // Another account, from the same addresses, is untouched.
    await new ApiClient(server.baseUrl).post('/api/auth/sign-up', {
      email: 'other@school.example',
      name: 'O',
      password,
    });
    expect((await signIn('10.1.0.1', { email: 'other@school.example', password })).status).toBe(
      200,
    );
  });
});
