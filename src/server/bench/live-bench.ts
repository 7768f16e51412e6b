/**
 * Live-session benchmark: starts the real server as a child process on a fresh database and
 * drives one teacher-paced class of N students over real HTTP and real event streams, then
 * prints latencies, fan-out times and the server's memory.
 *
 *   npm run bench:live -- --students 1000 [--concurrency 100] [--timeout-s 300] [--log-level warn]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:live
 *
 * PGlite in a temporary data directory by default; with BENCH_DATABASE_URL, PostgreSQL in a fresh
 * schema that is dropped at the end. Only ever talks to 127.0.0.1.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { PollItem } from '../../domain/lesson/lesson-schema';
import type { AnswerAck, JoinResponse, TeacherSessionView } from '../../domain/live/live-contracts';
import type { LiveEvent } from '../../domain/live/live-events';
import { soleimaniLesson } from '../../domain/lessons/soleimani-lesson';
import { BenchClient, RequestError, type EventStream } from './http-client';
import {
  readOpenFileLimits,
  readProcCpuSeconds,
  startServerProcess,
  type ServerProcess,
} from './server-process';
import { Countdown, formatTable, mb, ms, runPool, summarize } from './stats';

const LESSON_ID = 'soleimani-2020';
const EVENT_WAIT_MS = 60_000;
const COUNTS_WAIT_MS = 15_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

interface Options {
  readonly students: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly logLevel: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      students: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '300' },
      'log-level': { type: 'string', default: 'warn' },
    },
    strict: true,
  });
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  return {
    students: positive('students', values.students),
    concurrency: positive('concurrency', values.concurrency),
    timeoutMs: positive('timeout-s', values['timeout-s']) * 1000,
    logLevel: values['log-level'],
  };
}

interface Student {
  readonly index: number;
  readonly client: BenchClient;
  stream: EventStream | null;
  itemOpenedAt: number | null;
  sectionChangedAt: number | null;
}

interface Failure {
  readonly what: string;
  readonly status: number;
  readonly text: string;
}

/** Everything the run makes that must be undone, whatever happens. */
class Resources {
  tempDir: string | null = null;
  server: ServerProcess | null = null;
  schema: { url: string; name: string } | null = null;
  readonly streams: EventStream[] = [];
  readonly agents: http.Agent[] = [];
  private cleaning: Promise<string[]> | null = null;

  /** Undoes everything once; returns what could not be undone. */
  cleanUp(): Promise<string[]> {
    this.cleaning ??= this.doCleanUp();
    return this.cleaning;
  }

  private async doCleanUp(): Promise<string[]> {
    const problems: string[] = [];
    for (const stream of this.streams) stream.close();
    for (const agent of this.agents) agent.destroy();
    try {
      await this.server?.stop();
    } catch (error) {
      problems.push(`stopping the server: ${String(error)}`);
    }
    if (this.schema) {
      const client = new pg.Client({ connectionString: this.schema.url });
      try {
        await client.connect();
        await client.query(
          `DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(this.schema.name)} CASCADE`,
        );
      } catch (error) {
        problems.push(`dropping schema ${this.schema.name}: ${String(error)}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    if (this.tempDir) await rm(this.tempDir, { recursive: true, force: true });
    return problems;
  }
}

function checkDatabaseUrl(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('BENCH_DATABASE_URL is not a valid URL');
  }
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(
      `BENCH_DATABASE_URL must point at 127.0.0.1 (the bench talks to no other host)`,
    );
  }
}

function checkOpenFileLimit(options: Options): void {
  const limits = readOpenFileLimits();
  // Each process (bench and server) holds one socket per student stream, plus request sockets,
  // database connections and files.
  const needed = options.students + options.concurrency + 256;
  if (limits && limits.soft < needed) {
    const hint =
      limits.hard >= needed
        ? `Raise it in this shell first: ulimit -n ${Math.min(limits.hard, needed * 2)}`
        : `The hard limit is ${limits.hard}; raise it (e.g. in /etc/security/limits.conf) or run fewer students.`;
    throw new Error(
      `${options.students} students need about ${needed} open files per process, ` +
        `but the limit (ulimit -n) is ${limits.soft}. ${hint}`,
    );
  }
}

function parseEvent(data: string): LiveEvent | null {
  try {
    return JSON.parse(data) as LiveEvent;
  } catch {
    return null;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<number> {
  const wallStart = performance.now();
  const options = readOptions();
  checkOpenFileLimit(options);
  const resources = new Resources();
  let phase = 'starting';

  const deadline = setTimeout(() => {
    console.error(`\nOverall timeout (${options.timeoutMs / 1000} s) during: ${phase}. Stopping.`);
    void resources.cleanUp().finally(() => process.exit(2));
  }, options.timeoutMs);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal} during: ${phase}. Stopping.`);
      void resources.cleanUp().finally(() => process.exit(130));
    });
  }

  const failures: Failure[] = [];
  const recordFailure = (error: unknown, what = phase) => {
    if (error instanceof RequestError) {
      failures.push({ what: error.what, status: error.status, text: error.responseText });
    } else {
      failures.push({
        what,
        status: 0,
        text: error instanceof Error ? error.message : String(error),
      });
    }
  };

  try {
    const lesson = soleimaniLesson;
    if (lesson.id !== LESSON_ID) throw new Error(`the built-in lesson is not ${LESSON_ID}`);
    const [firstSection, nextSection] = lesson.sections;
    const poll = firstSection?.items.find((item): item is PollItem => item.kind === 'poll');
    if (!firstSection || !nextSection || !poll) {
      throw new Error(`lesson ${LESSON_ID} needs a poll in its first section and a second section`);
    }

    // --- server ---------------------------------------------------------------------------
    phase = 'starting the server';
    resources.tempDir = await mkdtemp(path.join(os.tmpdir(), 'live-bench-'));
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'PUBLIC_URL', 'BENCH_DATABASE_URL']) {
      Reflect.deleteProperty(env, key);
    }
    Object.assign(env, {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(resources.tempDir, 'data'),
      STATIC_DIR: path.join(resources.tempDir, 'no-client'),
      COOKIE_SECRET: randomBytes(32).toString('base64url'),
      JOIN_RATE_LIMIT: '100000000',
      ANSWER_RATE_LIMIT: '100000000',
      // Every simulated student comes from this one address.
      JOIN_GUESS_LIMIT: '100000000',
      STREAMS_PER_IP: '100000000',
      LOG_LEVEL: options.logLevel,
    });
    if (databaseUrl) {
      checkDatabaseUrl(databaseUrl);
      const schema = `bench_${randomBytes(6).toString('hex')}`;
      resources.schema = { url: databaseUrl, name: schema };
      env.DATABASE_URL = databaseUrl;
      env.DATABASE_SCHEMA = schema;
    }
    const serverStart = performance.now();
    const server = await startServerProcess({ env, cwd: process.cwd() });
    resources.server = server;
    const serverStartMs = performance.now() - serverStart;
    const idleMemory = server.sampleNow();
    server.markLoadStart();

    const agent = new http.Agent({
      keepAlive: true,
      maxSockets: options.concurrency + 16,
      maxFreeSockets: options.concurrency + 16,
    });
    const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    resources.agents.push(agent, streamAgent);
    const newClient = () => new BenchClient(server.port, agent, streamAgent);

    // --- teacher --------------------------------------------------------------------------
    phase = 'teacher sign-up and session';
    const teacher = newClient();
    await teacher.expect(200, 'GET', '/api/csrf');
    await teacher.expect(201, 'POST', '/api/auth/sign-up', {
      email: `bench-${randomBytes(4).toString('hex')}@example.com`,
      name: 'Bench Teacher',
      password: 'bench-password-0123',
    });
    const created = await teacher.expect(201, 'POST', '/api/sessions', {
      lessonId: LESSON_ID,
      mode: 'teacher-paced',
    });
    const view = created.body as TeacherSessionView;
    const sessionId = view.session.id;
    const joinCode = view.session.joinCode;

    let joinedSeenByTeacher = 0;
    let teacherCounts: { counts: Readonly<Record<string, number>>; at: number } | null = null;
    let countsTarget: { expected: number; countdown: Countdown; reachedAt: number | null } | null =
      null;
    const teacherStream = teacher.openEventStream(`/api/sessions/${sessionId}/events`, {
      onEvent(event) {
        const parsed = parseEvent(event.data);
        if (parsed?.type === 'participant.joined') joinedSeenByTeacher += 1;
        if (parsed?.type === 'answers.counted') {
          teacherCounts = { counts: parsed.answerCounts, at: event.at };
          const target = countsTarget;
          if (target && target.reachedAt === null) {
            if ((parsed.answerCounts[poll.id] ?? 0) >= target.expected) {
              target.reachedAt = event.at;
              target.countdown.hit();
            }
          }
        }
      },
      onEnd(reason) {
        recordFailure(new Error(reason), 'teacher event stream');
      },
    });
    resources.streams.push(teacherStream);
    await teacherStream.ready;

    // --- students join and open their streams ---------------------------------------------
    phase = 'students joining';
    const students: Student[] = [];
    const joinMs: number[] = [];
    const streamOpenMs: number[] = [];
    let itemCountdown: Countdown | null = null;
    let sectionCountdown: Countdown | null = null;
    const joinStart = performance.now();
    await runPool(options.students, options.concurrency, async (index) => {
      const student: Student = {
        index,
        client: newClient(),
        stream: null,
        itemOpenedAt: null,
        sectionChangedAt: null,
      };
      try {
        await student.client.expect(200, 'GET', '/api/csrf');
        const sent = performance.now();
        const joined = await student.client.expect(201, 'POST', '/api/join', {
          code: joinCode,
          displayName: `Student ${index + 1}`,
        });
        joinMs.push(performance.now() - sent);
        const { sessionId: joinedSession } = joined.body as JoinResponse;
        if (joinedSession !== sessionId)
          throw new Error(`joined ${joinedSession}, not ${sessionId}`);

        const opening = performance.now();
        const stream = student.client.openEventStream(`/api/sessions/${sessionId}/events`, {
          onEvent(event) {
            if (event.type !== 'item.changed' && event.type !== 'section.changed') return;
            const parsed = parseEvent(event.data);
            if (
              parsed?.type === 'item.changed' &&
              parsed.state.itemId === poll.id &&
              parsed.state.status === 'open' &&
              student.itemOpenedAt === null
            ) {
              student.itemOpenedAt = event.at;
              itemCountdown?.hit();
            }
            if (
              parsed?.type === 'section.changed' &&
              parsed.sectionId === nextSection.id &&
              student.sectionChangedAt === null
            ) {
              student.sectionChangedAt = event.at;
              sectionCountdown?.hit();
            }
          },
          onEnd(reason) {
            recordFailure(new Error(reason), `student ${index + 1} event stream`);
          },
        });
        resources.streams.push(stream);
        await stream.ready;
        streamOpenMs.push(performance.now() - opening);
        student.stream = stream;
        students.push(student);
      } catch (error) {
        recordFailure(error, `student ${index + 1} joining`);
      }
    });
    const joinPhaseMs = performance.now() - joinStart;
    const joinedMemory = server.sampleNow();
    const listening = students.length;

    // The teacher's stream should have announced every join live...
    await waitUntil(() => joinedSeenByTeacher >= listening, 10_000);
    if (joinedSeenByTeacher < listening) {
      recordFailure(
        new Error(
          `the teacher's stream received ${joinedSeenByTeacher} of ${listening} participant.joined events`,
        ),
        'teacher event stream',
      );
    }
    // ...and a reconnect from the start (Last-Event-ID: 0) replays what is stored.
    let joinedReplayed = 0;
    const replay = teacher.openEventStream(
      `/api/sessions/${sessionId}/events`,
      {
        onEvent(event) {
          if (parseEvent(event.data)?.type === 'participant.joined') joinedReplayed += 1;
        },
        onEnd(reason) {
          recordFailure(new Error(reason), 'teacher replay stream');
        },
      },
      { 'last-event-id': '0' },
    );
    resources.streams.push(replay);
    await replay.ready;
    await waitUntil(() => joinedReplayed >= listening, 10_000);
    replay.close();

    // --- teacher opens the poll: fan-out to every student stream ---------------------------
    phase = 'opening the poll';
    itemCountdown = new Countdown(listening);
    const openSent = performance.now();
    let openRequestMs = NaN;
    const openRequest = teacher
      .expect(200, 'POST', `/api/sessions/${sessionId}/items/${poll.id}/open`, {})
      .then(
        () => {
          openRequestMs = performance.now() - openSent;
        },
        (error: unknown) => {
          recordFailure(error);
        },
      );
    const allOpened = await itemCountdown.wait(EVENT_WAIT_MS);
    await openRequest;
    const openedAt = students.flatMap((s) => (s.itemOpenedAt === null ? [] : [s.itemOpenedAt]));
    const openFanOutMs = Math.max(...openedAt) - openSent;
    const openDelivery = summarize(openedAt.map((at) => at - openSent));
    if (!allOpened) {
      recordFailure(
        new Error(`only ${itemCountdown.count} of ${listening} students received item.changed`),
      );
    }

    // --- every student answers --------------------------------------------------------------
    phase = 'students answering';
    const answerMs: number[] = [];
    let lastAckAt = 0;
    countsTarget = { expected: listening, countdown: new Countdown(1), reachedAt: null };
    const answerStart = performance.now();
    await runPool(students.length, options.concurrency, async (i) => {
      const student = students[i]!;
      const option = poll.options[student.index % poll.options.length]!;
      const submissionId = randomUUID();
      try {
        const sent = performance.now();
        const response = await student.client.expect(
          200,
          'PUT',
          `/api/sessions/${sessionId}/answers/${poll.id}`,
          { submissionId, revision: 1, answer: { kind: 'poll', optionIds: [option.id] } },
        );
        const acked = performance.now();
        answerMs.push(acked - sent);
        lastAckAt = Math.max(lastAckAt, acked);
        const ack = response.body as AnswerAck;
        if (ack.submissionId !== submissionId || ack.revision !== 1) {
          throw new Error(`unexpected ack ${JSON.stringify(ack)}`);
        }
      } catch (error) {
        recordFailure(error, `student ${student.index + 1} answering`);
      }
    });
    const answerPhaseMs = performance.now() - answerStart;
    const isCounted = await countsTarget.countdown.wait(COUNTS_WAIT_MS);
    const countsAfterAckMs =
      countsTarget.reachedAt === null ? NaN : countsTarget.reachedAt - lastAckAt;
    const lastCounts = teacherCounts as { counts: Readonly<Record<string, number>> } | null;
    const lastCount = lastCounts?.counts[poll.id] ?? 0;
    if (!isCounted) {
      recordFailure(
        new Error(`the teacher's last answers.counted shows ${lastCount}, not ${listening}`),
        'answers.counted',
      );
    }
    const answeredMemory = server.sampleNow();

    // --- teacher moves to the next section --------------------------------------------------
    phase = 'changing section';
    sectionCountdown = new Countdown(listening);
    const sectionSent = performance.now();
    let sectionRequestMs = NaN;
    const sectionRequest = teacher
      .expect(200, 'POST', `/api/sessions/${sessionId}/section`, { sectionId: nextSection.id })
      .then(
        () => {
          sectionRequestMs = performance.now() - sectionSent;
        },
        (error: unknown) => {
          recordFailure(error);
        },
      );
    const allMoved = await sectionCountdown.wait(EVENT_WAIT_MS);
    await sectionRequest;
    const movedAt = students.flatMap((s) =>
      s.sectionChangedAt === null ? [] : [s.sectionChangedAt],
    );
    const sectionFanOutMs = Math.max(...movedAt) - sectionSent;
    const sectionDelivery = summarize(movedAt.map((at) => at - sectionSent));
    if (!allMoved) {
      recordFailure(
        new Error(
          `only ${sectionCountdown.count} of ${listening} students received section.changed`,
        ),
      );
    }

    // --- measurements at the end, then stop -------------------------------------------------
    phase = 'stopping';
    const endMemory = server.sampleNow();
    const serverCpuS = readProcCpuSeconds(server.pid);
    const unexpectedExit = server.unexpectedExit;
    const cleanupProblems = await resources.cleanUp();
    clearTimeout(deadline);
    const wallMs = performance.now() - wallStart;

    // --- report -----------------------------------------------------------------------------
    const cpus = os.cpus();
    const storage = databaseUrl
      ? `postgres (${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}, schema ${resources.schema?.name ?? '?'})`
      : 'pglite (temporary data directory)';
    const join = summarize(joinMs);
    const streamOpen = summarize(streamOpenMs);
    const answer = summarize(answerMs);
    const latencyRow = (name: string, s: ReturnType<typeof summarize>) => [
      name,
      String(s.count),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
    ];

    console.log('\nLive-session benchmark');
    console.log(
      `  machine  ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), ${mb(os.totalmem() / 1024)} MB RAM, ` +
        `Node ${process.version}, ${os.platform()} ${os.arch()}`,
    );
    console.log(`  storage  ${server.storage}: ${storage}`);
    console.log(
      `  server   child process pid ${server.pid}, started in ${ms(serverStartMs)} ms, log level ${options.logLevel}`,
    );
    console.log(
      `  load     ${options.students} students, ${options.concurrency} requests at a time, lesson ${LESSON_ID}, ` +
        `poll ${poll.id}, then section ${nextSection.id}\n`,
    );
    console.log(
      formatTable(
        ['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max'],
        [
          latencyRow('join (POST /api/join)', join),
          latencyRow('stream open (GET events -> ready)', streamOpen),
          latencyRow('answer (PUT answers -> ack)', answer),
          latencyRow('item.changed delivery (from open sent)', openDelivery),
          latencyRow('section.changed delivery (from POST sent)', sectionDelivery),
        ],
      ),
    );
    console.log('');
    const yesNo = (ok: boolean) => (ok ? 'yes' : 'NO');
    console.log(
      formatTable(
        ['result', 'value'],
        [
          ['students joined with an open stream', `${listening} / ${options.students}`],
          ['teacher stream got participant.joined live', `${joinedSeenByTeacher} / ${listening}`],
          ['  replayed on reconnect (Last-Event-ID: 0)', `${joinedReplayed} / ${listening}`],
          [
            'join phase',
            `${ms(joinPhaseMs)} ms (${(listening / (joinPhaseMs / 1000)).toFixed(0)} joins/s)`,
          ],
          ['open item -> last student item.changed', `${ms(openFanOutMs)} ms`],
          ['  (teacher POST open answered in)', `${ms(openRequestMs)} ms`],
          [
            'answer phase',
            `${ms(answerPhaseMs)} ms (${(answerMs.length / (answerPhaseMs / 1000)).toFixed(0)} answers/s)`,
          ],
          [
            'answers counted OK',
            `${yesNo(isCounted)} (${lastCount} / ${listening}` +
              (isCounted ? `, ${ms(countsAfterAckMs)} ms after the last ack)` : ')'),
          ],
          ['change section -> last student section.changed', `${ms(sectionFanOutMs)} ms`],
          ['  (teacher POST section answered in)', `${ms(sectionRequestMs)} ms`],
          [
            'server RSS idle / joined / answered / end',
            [idleMemory, joinedMemory, answeredMemory, endMemory]
              .map((m) => mb(m?.rssKb ?? NaN))
              .join(' / ') + ' MB',
          ],
          ['server peak RSS during the load (sampled 10/s)', `${mb(server.loadPeakRssKb)} MB`],
          [
            'server peak RSS incl. start-up',
            `${mb(server.peakRssKb)} MB sampled, VmHWM ${mb(endMemory?.hwmKb ?? NaN)} MB`,
          ],
          ['server CPU time', serverCpuS === null ? '-' : `${serverCpuS.toFixed(1)} s`],
          ['bench client RSS at end', `${mb(process.memoryUsage().rss / 1024)} MB`],
          ['server warnings/errors logged', String(server.problemCount)],
          ['server exit after SIGTERM', server.exitDescription ?? '-'],
          ['failed requests/checks', String(failures.length)],
          ['total wall time', `${(wallMs / 1000).toFixed(1)} s`],
        ],
      ),
    );

    if (server.problems.length > 0) {
      console.log(`\nServer log (first ${server.problems.length} of ${server.problemCount}):`);
      for (const line of server.problems) console.log(`  ${line}`);
    }
    if (unexpectedExit) console.log(`\nThe server process ${unexpectedExit} during the run.`);
    for (const problem of cleanupProblems) console.log(`\nCleanup: ${problem}`);
    if (failures.length > 0) {
      console.log(`\nFailures (first ${Math.min(10, failures.length)} of ${failures.length}):`);
      for (const f of failures.slice(0, 10)) {
        console.log(
          `  ${f.what}: ${f.status === 0 ? 'no status' : `HTTP ${f.status}`} ${f.text.slice(0, 300)}`,
        );
      }
    }
    const isOk = failures.length === 0 && !unexpectedExit && cleanupProblems.length === 0;
    return isOk ? 0 : 1;
  } catch (error) {
    recordFailure(error);
    console.error(`\nThe bench stopped during: ${phase}`);
    for (const f of failures.slice(0, 10)) {
      console.error(
        `  ${f.what}: ${f.status === 0 ? 'no status' : `HTTP ${f.status}`} ${f.text.slice(0, 500)}`,
      );
    }
    const problems = resources.server?.problems ?? [];
    if (problems.length > 0) {
      console.error('Server log:');
      for (const line of problems) console.error(`  ${line}`);
    }
    for (const problem of await resources.cleanUp()) console.error(`Cleanup: ${problem}`);
    clearTimeout(deadline);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
