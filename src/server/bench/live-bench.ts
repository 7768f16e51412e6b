/**
 * Live-session benchmark: starts the real server as a child process on a fresh database and
 * drives one teacher-paced class of N students over real HTTP and real event streams, then
 * prints latencies, fan-out times and the server's memory.
 *
 *   npm run bench:live -- --students 1000 [--concurrency 100] [--timeout-s 300] [--log-level warn]
 *     [--rates 250,500,1000,1500,2000] [--rate-seconds 3] [--p95-target-ms 50] [--instances 2]
 *     [--open-rates 50,100,200,400] [--open-p95-target-ms 100]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:live
 *
 * PGlite in a temporary data directory by default (started twice, to measure its memory after a
 * first start and after a restart); with BENCH_DATABASE_URL, PostgreSQL in a fresh schema that is
 * dropped at the end, and `--instances 2` runs two server processes on it with the students split
 * between them. After every student has answered once (at most `concurrency` at a time), answers
 * are sent open loop at each of `--rates` per second in turn, for `--rate-seconds` each, until
 * the acknowledgement p95 exceeds `--p95-target-ms`; then students open a second stream at each of
 * `--open-rates` per second (a new tab, a reconnect), measured to `ready`, until that p95 exceeds
 * `--open-p95-target-ms`. A bare Node event-stream server then broadcasts to as many streams, so
 * the app's fan-out is printed against that floor. Only ever talks to 127.0.0.1.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { PollItem } from '#domain/lesson/lesson-schema';
import type { AnswerAck, JoinResponse, TeacherSessionView } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { readOpenFileLimits } from '../lib/open-file-limit';
import { startBareBroadcastServer, type BareBroadcastServer } from './bare-broadcast';
import { BenchClient, RequestError, type EventStream } from './http-client';
import {
  loadBenchServerEnv,
  readProcCpuSeconds,
  startServerProcess,
  type ServerProcess,
} from './server-process';
import { Countdown, formatTable, mb, ms, runPool, summarize } from './stats';

const LESSON_ID = 'soleimani-2020';
const EVENT_WAIT_MS = 60_000;
const COUNTS_WAIT_MS = 15_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const IDLE_SETTLE_MS = 2000;
const OPEN_LOOP_SOCKETS = 2048;

interface Options {
  readonly students: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly logLevel: string;
  readonly instances: number;
  /** Open-loop answer rates to try, per second, in increasing order. */
  readonly rates: readonly number[];
  /** Open-loop stream-open rates to try, per second, in increasing order. */
  readonly openRates: readonly number[];
  readonly openP95TargetMs: number;
  readonly rateSeconds: number;
  readonly p95TargetMs: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      students: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '300' },
      'log-level': { type: 'string', default: 'warn' },
      instances: { type: 'string', default: '1' },
      rates: { type: 'string', default: '250,500,1000,1500,2000' },
      'rate-seconds': { type: 'string', default: '3' },
      'p95-target-ms': { type: 'string', default: '50' },
      'open-rates': { type: 'string', default: '50,100,200,400' },
      'open-p95-target-ms': { type: 'string', default: '100' },
    },
    strict: true,
  });
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const increasingRates = (name: string, raw: string) => {
    const list = raw === '' ? [] : raw.split(',').map((rate) => positive(name, rate.trim()));
    if (list.some((rate, i) => i > 0 && rate <= list[i - 1]!)) {
      throw new Error(`--${name} must be increasing, e.g. 250,500,1000`);
    }
    return list;
  };
  const rates = increasingRates('rates', values.rates);
  const openRates = increasingRates('open-rates', values['open-rates']);
  const instances = positive('instances', values.instances);
  if (instances > 2) throw new Error('--instances must be 1 or 2');
  return {
    students: positive('students', values.students),
    concurrency: positive('concurrency', values.concurrency),
    timeoutMs: positive('timeout-s', values['timeout-s']) * 1000,
    logLevel: values['log-level'],
    instances,
    rates,
    rateSeconds: positive('rate-seconds', values['rate-seconds']),
    p95TargetMs: positive('p95-target-ms', values['p95-target-ms']),
    openRates,
    openP95TargetMs: positive('open-p95-target-ms', values['open-p95-target-ms']),
  };
}

interface Student {
  readonly index: number;
  /** The instance (0 or 1) whose server this student talks to. */
  readonly instance: number;
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
  readonly servers: ServerProcess[] = [];
  bare: BareBroadcastServer | null = null;
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
    for (const server of [...this.servers, this.bare]) {
      try {
        await server?.stop();
      } catch (error) {
        problems.push(`stopping a server: ${String(error)}`);
      }
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

/** One open-loop step: answers sent at a fixed rate, whatever the acknowledgements do. */
interface RateStep {
  readonly rate: number;
  readonly sent: number;
  readonly failed: number;
  /** From each answer's scheduled send time to its acknowledgement, so a slow server shows. */
  readonly latency: ReturnType<typeof summarize>;
  /** Server CPU seconds per 1,000 answers during the step. */
  readonly cpuPer1000: number;
}

/**
 * Sends `rate * seconds` requests, the k-th at start + k / rate, without waiting for earlier
 * ones (open loop), and measures each from its scheduled time to its answer.
 */
async function sendAtRate(
  rate: number,
  seconds: number,
  send: (k: number) => Promise<unknown>,
  cpuSeconds: () => number,
): Promise<RateStep> {
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  const cpuStart = cpuSeconds();
  const start = performance.now() + 10;
  let k = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      for (; k < total && start + k * intervalMs <= now; k += 1) {
        const scheduled = start + k * intervalMs;
        inFlight.push(
          send(k).then(
            () => {
              latencies.push(performance.now() - scheduled);
            },
            () => {
              failed += 1;
            },
          ),
        );
      }
      if (k < total) setTimeout(tick, Math.max(0, Math.min(5, start + k * intervalMs - now)));
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  const cpu = cpuSeconds() - cpuStart;
  return {
    rate,
    sent: total,
    failed,
    latency: summarize(latencies),
    cpuPer1000: (cpu / total) * 1000,
  };
}

/** One open-loop table: each rate tried, then the highest that kept the p95 within target. */
function printRateSteps(
  steps: readonly RateStep[],
  how: {
    readonly title: string;
    readonly unit: string;
    readonly what: string;
    readonly seconds: number;
    readonly targetMs: number;
    readonly highestTried: number | undefined;
    readonly highest: number | null;
  },
): void {
  if (steps.length === 0) return;
  console.log('');
  console.log(
    formatTable(
      [how.title, 'sent', 'failed', 'p50', 'p95', 'p99', 'max', 'CPU s/1000'],
      steps.map((step) => [
        `${step.rate} ${how.unit} for ${how.seconds} s`,
        String(step.sent),
        String(step.failed),
        ms(step.latency.p50),
        ms(step.latency.p95),
        ms(step.latency.p99),
        ms(step.latency.max),
        step.cpuPer1000.toFixed(2),
      ]),
    ),
  );
  console.log(
    how.highest === null
      ? `  no rate tried kept the ${how.what} p95 within ${how.targetMs} ms`
      : `  highest rate keeping the ${how.what} p95 within ${how.targetMs} ms: ${how.highest} ${how.unit}` +
          (how.highest === how.highestTried ? ' (the highest tried)' : ''),
  );
}

/**
 * Opens `count` streams on a bare Node server and measures how long one broadcast takes to
 * reach the last of them, as the app's section change is measured.
 */
async function measureBareBroadcast(
  resources: Resources,
  count: number,
  concurrency: number,
  streamAgent: http.Agent,
): Promise<{ fanOutMs: number; received: number; delivery: ReturnType<typeof summarize> }> {
  const bare = await startBareBroadcastServer();
  resources.bare = bare;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  resources.agents.push(agent);
  const client = new BenchClient(bare.port, agent, streamAgent);
  const receivedAt: number[] = [];
  let countdown: Countdown | null = null;
  const streams: EventStream[] = [];
  await runPool(count, concurrency, async () => {
    const stream = client.openEventStream('/events', {
      onEvent(event) {
        if (event.type !== 'broadcast') return;
        receivedAt.push(event.at);
        countdown?.hit();
      },
      onEnd(reason) {
        throw new Error(`a bare broadcast stream ended: ${reason}`);
      },
    });
    streams.push(stream);
    resources.streams.push(stream);
    await stream.ready;
  });
  countdown = new Countdown(count);
  const sent = performance.now();
  await client.expect(200, 'POST', '/broadcast', {
    type: 'section.changed',
    sectionId: 'shared-interests',
  });
  await countdown.wait(EVENT_WAIT_MS);
  for (const stream of streams) stream.close();
  await bare.stop();
  return {
    fanOutMs: Math.max(...receivedAt) - sent,
    received: receivedAt.length,
    delivery: summarize(receivedAt.map((at) => at - sent)),
  };
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
    const env = loadBenchServerEnv(resources.tempDir, { LOG_LEVEL: options.logLevel });
    if (options.instances > 1 && !databaseUrl) {
      throw new Error(
        '--instances 2 needs PostgreSQL (set BENCH_DATABASE_URL): a PGlite directory belongs to one process',
      );
    }
    if (databaseUrl) {
      checkDatabaseUrl(databaseUrl);
      const schema = `bench_${randomBytes(6).toString('hex')}`;
      resources.schema = { url: databaseUrl, name: schema };
      env.DATABASE_URL = databaseUrl;
      env.DATABASE_SCHEMA = schema;
    }
    const startOne = async () => {
      const started = performance.now();
      const child = await startServerProcess({ env, cwd: process.cwd(), startTimeoutMs: 180_000 });
      resources.servers.push(child);
      return { server: child, startMs: performance.now() - started };
    };
    /** Resident memory once the process has settled after its start. */
    const idleRssKb = async (target: ServerProcess) => {
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      return target.sampleNow()?.rssKb ?? NaN;
    };
    const first = await startOne();
    const serverStartMs = first.startMs;
    // PGlite: the first start creates the data directory; the memory that matters is the
    // server's after that, and after a restart on the same directory.
    let pgliteRestart: { firstIdleKb: number; restartIdleKb: number; restartMs: number } | null =
      null;
    if (!databaseUrl) {
      const firstIdleKb = await idleRssKb(first.server);
      await first.server.stop();
      resources.servers.splice(0);
      const again = await startOne();
      pgliteRestart = {
        firstIdleKb,
        restartIdleKb: await idleRssKb(again.server),
        restartMs: again.startMs,
      };
    }
    for (let i = 1; i < options.instances; i += 1) await startOne();
    const servers = [...resources.servers];
    const server = servers[0]!;
    const idleMemory = servers.map((s) => s.sampleNow());
    for (const s of servers) s.markLoadStart();
    const serversCpuSeconds = () =>
      servers.reduce((sum, s) => sum + (readProcCpuSeconds(s.pid) ?? NaN), 0);

    // Enough sockets for the open-loop phase, whose requests do not wait for each other.
    const sockets = Math.max(options.concurrency + 16, OPEN_LOOP_SOCKETS);
    const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
    const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    resources.agents.push(agent, streamAgent);
    const newClient = (instance = 0) =>
      new BenchClient(servers[instance]!.port, agent, streamAgent);

    // --- teacher --------------------------------------------------------------------------
    phase = 'teacher sign-up and session';
    const teacher = newClient();
    await teacher.signUpTeacher();
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
      const instance = index % options.instances;
      const student: Student = {
        index,
        instance,
        client: newClient(instance),
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
    const joinedMemory = servers.map((s) => s.sampleNow());
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
    const answerCpuStart = serversCpuSeconds();
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
    const answerCpuS = serversCpuSeconds() - answerCpuStart;
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
    const answeredMemory = servers.map((s) => s.sampleNow());

    // --- answers at a steady rate, open loop ---------------------------------------------------
    phase = 'answers at a steady rate';
    const rateSteps: RateStep[] = [];
    const revisions = new Map<Student, number>(students.map((s) => [s, 1]));
    for (const rate of students.length > 0 ? options.rates : []) {
      const step = await sendAtRate(
        rate,
        options.rateSeconds,
        (k) => {
          const student = students[k % students.length]!;
          const revision = (revisions.get(student) ?? 1) + 1;
          revisions.set(student, revision);
          const option = poll.options[(student.index + revision) % poll.options.length]!;
          return student.client
            .expect(200, 'PUT', `/api/sessions/${sessionId}/answers/${poll.id}`, {
              submissionId: randomUUID(),
              revision,
              answer: { kind: 'poll', optionIds: [option.id] },
            })
            .catch((error: unknown) => {
              recordFailure(error, `student ${student.index + 1} answering at ${rate}/s`);
              throw error;
            });
        },
        serversCpuSeconds,
      );
      rateSteps.push(step);
      if (step.failed > 0 || !(step.latency.p95 <= options.p95TargetMs)) break;
    }
    const keptRates = rateSteps.filter(
      (step) => step.failed === 0 && step.latency.p95 <= options.p95TargetMs,
    );
    const highestRate = keptRates.at(-1)?.rate ?? null;

    // --- streams opened at a steady rate, open loop ------------------------------------------
    // A student opening the lesson in a new tab, or a browser reconnecting after a drop: a second
    // stream of a joined student, opened at a fixed rate, measured to `ready`, then closed.
    phase = 'streams opened at a steady rate';
    const openSteps: RateStep[] = [];
    for (const rate of students.length > 0 ? options.openRates : []) {
      const step = await sendAtRate(
        rate,
        options.rateSeconds,
        async (k) => {
          const student = students[k % students.length]!;
          const extra = student.client.openEventStream(`/api/sessions/${sessionId}/events`, {
            onEvent() {},
            onEnd(reason) {
              recordFailure(new Error(reason), `student ${student.index + 1}'s second stream`);
            },
          });
          try {
            await extra.ready;
          } catch (error) {
            recordFailure(error, `student ${student.index + 1} opening a stream at ${rate}/s`);
            throw error;
          } finally {
            extra.close();
          }
        },
        serversCpuSeconds,
      );
      openSteps.push(step);
      if (step.failed > 0 || !(step.latency.p95 <= options.openP95TargetMs)) break;
    }
    const highestOpenRate =
      openSteps
        .filter((step) => step.failed === 0 && step.latency.p95 <= options.openP95TargetMs)
        .at(-1)?.rate ?? null;

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
    const endMemory = servers.map((s) => s.sampleNow());
    const serverCpuS = serversCpuSeconds();
    const unexpectedExit = servers.map((s) => s.unexpectedExit).find((e) => e !== null) ?? null;

    // --- the floor: a bare Node server broadcasting to as many streams --------------------------
    phase = 'bare Node broadcast';
    for (const stream of resources.streams.splice(0)) stream.close();
    const bare = await measureBareBroadcast(resources, listening, options.concurrency, streamAgent);

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
      `  server   ${servers.length === 1 ? 'child process' : `${servers.length} child processes, students split between them,`} ` +
        `pid ${servers.map((s) => s.pid).join(' and ')}, first started in ${ms(serverStartMs)} ms, log level ${options.logLevel}`,
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
            'bare Node broadcast -> last stream (same count)',
            `${ms(bare.fanOutMs)} ms (${bare.received} / ${listening} received, p95 ${ms(bare.delivery.p95)} ms)`,
          ],
          [
            '  app section change / bare broadcast',
            `${(sectionFanOutMs / bare.fanOutMs).toFixed(1)} x`,
          ],
          ...(pgliteRestart
            ? [
                [
                  'PGlite server RSS idle: first start / restart',
                  `${mb(pgliteRestart.firstIdleKb)} / ${mb(pgliteRestart.restartIdleKb)} MB`,
                ],
                ['  (restart took)', `${ms(pgliteRestart.restartMs)} ms`],
              ]
            : []),
          ...servers.map((s, i) => [
            `server${servers.length > 1 ? ` ${i + 1}` : ''} RSS idle / joined / answered / end`,
            [idleMemory, joinedMemory, answeredMemory, endMemory]
              .map((m) => mb(m[i]?.rssKb ?? NaN))
              .join(' / ') + ' MB',
          ]),
          [
            'memory per student (RSS joined - idle)',
            `${(
              servers.reduce(
                (sum, _s, i) =>
                  sum + (joinedMemory[i]?.rssKb ?? NaN) - (idleMemory[i]?.rssKb ?? NaN),
                0,
              ) / listening
            ).toFixed(1)} kB`,
          ],
          [
            'server peak RSS during the load (sampled 10/s)',
            servers.map((s) => mb(s.loadPeakRssKb)).join(' + ') + ' MB',
          ],
          [
            'server peak RSS incl. start-up',
            servers
              .map(
                (s, i) =>
                  `${mb(s.peakRssKb)} MB sampled, VmHWM ${mb(endMemory[i]?.hwmKb ?? NaN)} MB`,
              )
              .join('; '),
          ],
          ['server CPU time', `${serverCpuS.toFixed(1)} s`],
          [
            'server CPU per 1,000 answers (one each)',
            `${((answerCpuS / Math.max(1, answerMs.length)) * 1000).toFixed(2)} s`,
          ],
          ['bench client RSS at end', `${mb(process.memoryUsage().rss / 1024)} MB`],
          [
            'server warnings/errors logged',
            String(servers.reduce((sum, s) => sum + s.problemCount, 0)),
          ],
          ['server exit after SIGTERM', servers.map((s) => s.exitDescription ?? '-').join(', ')],
          ['failed requests/checks', String(failures.length)],
          ['total wall time', `${(wallMs / 1000).toFixed(1)} s`],
        ],
      ),
    );

    printRateSteps(rateSteps, {
      title: 'answers open loop (ms from scheduled send)',
      unit: 'answers/s',
      what: 'answer',
      seconds: options.rateSeconds,
      targetMs: options.p95TargetMs,
      highestTried: options.rates.at(-1),
      highest: highestRate,
    });
    printRateSteps(openSteps, {
      title: 'stream opens open loop (ms to ready)',
      unit: 'opens/s',
      what: 'stream-open',
      seconds: options.rateSeconds,
      targetMs: options.openP95TargetMs,
      highestTried: options.openRates.at(-1),
      highest: highestOpenRate,
    });
    for (const s of servers) {
      if (s.problems.length === 0) continue;
      console.log(`\nServer ${s.pid} log (first ${s.problems.length} of ${s.problemCount}):`);
      for (const line of s.problems) console.log(`  ${line}`);
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
    const problems = resources.servers.flatMap((s) => s.problems);
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
