/**
 * Opinion-map benchmark: starts the real server as a child process on a fresh database, has a
 * class of N students write S statements and vote on them (as planted camps, with noise) over
 * real HTTP, each student holding an open event stream; then one more vote, and the time until
 * every student's stream has `map.updated`, and until every student has fetched the new map.
 *
 *   npm run bench:map -- [--students 1000] [--statements 200] [--votes-each 120]
 *     [--concurrency 100] [--timeout-s 900]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:map
 *
 * The map's own computation, in-process, is `npm run bench:map-compute`. Only ever talks to
 * 127.0.0.1; the PostgreSQL schema it makes is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { plantedCampVotes } from '#domain/discussion/planted-camps';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import type { StudentStatementsView } from '#domain/api/statements-contracts';
import { statementsItem, statementsLesson } from '../../test-fixtures/lessons/statements-lesson';
import { MAP_DELAY_MS } from '../services/opinion-map-scheduler';
import { BenchClient, type EventStream } from './http-client';
import {
  loadBenchServerEnv,
  readProcCpuSeconds,
  startServerProcess,
  type ServerProcess,
} from './server-process';
import { formatTable, mb, ms, runPool, summarize } from './stats';
import { runBench } from './run-bench';

const STATEMENTS_PER_STUDENT = 5;
const QUIET_MS = 3000;

function readOptions() {
  const { values } = parseArgs({
    options: {
      students: { type: 'string', default: '1000' },
      statements: { type: 'string', default: '200' },
      'votes-each': { type: 'string', default: '120' },
      concurrency: { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '900' },
    },
    strict: true,
  });
  const whole = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const students = whole('students', values.students, 4);
  const statements = whole('statements', values.statements, 2);
  if (statements > students * STATEMENTS_PER_STUDENT) {
    throw new Error(
      `${students} students can write at most ${students * STATEMENTS_PER_STUDENT} statements`,
    );
  }
  return {
    students,
    statements,
    votesEach: Math.min(whole('votes-each', values['votes-each'], 3), statements),
    concurrency: whole('concurrency', values.concurrency, 1),
    timeoutMs: whole('timeout-s', values['timeout-s'], 10) * 1000,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  const options = readOptions();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'map-bench-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const schema = databaseUrl ? `bench_${randomBytes(6).toString('hex')}` : null;
  const streams: EventStream[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency + 16 });
  const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let server: ServerProcess | null = null;
  const deadline = setTimeout(() => {
    console.error(`Overall timeout (${options.timeoutMs / 1000} s). Stopping.`);
    process.exit(2);
  }, options.timeoutMs);
  try {
    const env = loadBenchServerEnv(tempDir, { LOG_LEVEL: 'warn' });
    if (databaseUrl && schema) {
      if (!['127.0.0.1', 'localhost'].includes(new URL(databaseUrl).hostname)) {
        throw new Error('BENCH_DATABASE_URL must point at 127.0.0.1');
      }
      env.DATABASE_URL = databaseUrl;
      env.DATABASE_SCHEMA = schema;
    }
    server = await startServerProcess({ env, cwd: process.cwd(), startTimeoutMs: 180_000 });
    const port = server.port;
    const client = () => new BenchClient(port, agent, streamAgent);
    console.log(
      `Server on ${server.storage}; ${options.students} students, ${options.statements} statements, ${options.votesEach} votes each.`,
    );

    // The teacher publishes a lesson with a class-statements item and opens it.
    const teacher = client();
    await teacher.signUpTeacher();
    const lesson = statementsLesson();
    const noSeeds = {
      ...lesson,
      sections: lesson.sections.map((s) => ({
        ...s,
        items: s.items.map((i) => (i.kind === 'statements' ? { ...i, seedStatements: [] } : i)),
      })),
    };
    const made = await teacher.expect(201, 'POST', '/api/lessons', { draft: noSeeds });
    const lessonId = (made.body as { summary: { lessonId: string } }).summary.lessonId;
    await teacher.expect(200, 'POST', `/api/lessons/${lessonId}/publish`);
    const created = await teacher.expect(201, 'POST', '/api/sessions', {
      lessonId,
      mode: 'teacher-paced',
    });
    const view = created.body as TeacherSessionView;
    const base = `/api/sessions/${view.session.id}`;
    const itemId = statementsItem.id;
    await teacher.expect(200, 'POST', `${base}/items/${itemId}/open`);

    // Students join and each opens a stream that notes when map.updated arrives.
    let started = performance.now();
    const students = Array.from({ length: options.students }, () => client());
    const mapArrivals: (number | null)[] = students.map(() => null);
    let watching = false;
    await runPool(options.students, options.concurrency, async (i) => {
      const student = students[i]!;
      await student.expect(200, 'GET', '/api/csrf');
      await student.expect(201, 'POST', '/api/join', {
        code: view.session.joinCode,
        displayName: `Student ${i + 1}`,
      });
      const stream = student.openEventStream(`${base}/events`, {
        onEvent(event) {
          if (!watching || mapArrivals[i] !== null) return;
          const parsed = JSON.parse(event.data) as LiveEvent;
          if (parsed.type === 'map.updated') mapArrivals[i] = event.at;
        },
        onEnd(reason) {
          console.error(`student ${i + 1}'s stream ended: ${reason}`);
        },
      });
      streams.push(stream);
      await stream.ready;
    });
    const joinMs = performance.now() - started;
    console.log(`Joined, streams open: ${ms(joinMs)} ms`);

    // Statements, five per writer.
    started = performance.now();
    const writers = Math.ceil(options.statements / STATEMENTS_PER_STUDENT);
    await runPool(options.statements, Math.min(options.concurrency, writers), async (k) => {
      const writer = students[k % writers]!;
      await writer.expect(200, 'POST', `${base}/statements/${itemId}/mine`, {
        text: `Statement ${k + 1}: a view on the strike, written for the benchmark.`,
      });
    });
    const statementsMs = performance.now() - started;
    console.log(`Statements written: ${ms(statementsMs)} ms`);
    const listed = await teacher.expect(200, 'GET', `${base}/statements/${itemId}`);
    const written = (listed.body as { statements: { id: string; author: string | null }[] })
      .statements;
    const statementIds = written.map((s) => s.id);
    const authorOf = written.map((s) => Number(s.author?.replace('Student ', '') ?? 0) - 1);

    // Votes as four camps with 10 % noise, each student on `votesEach` statements.
    const planted = plantedCampVotes({
      campSizes: [0, 1, 2, 3].map(
        (c) => Math.floor(options.students / 4) + (c < options.students % 4 ? 1 : 0),
      ),
      statementCount: statementIds.length,
      flipRate: 0.1,
      missingRate: 1 - options.votesEach / statementIds.length,
      seed: 7,
    });
    const word = { 1: 'agree', [-1]: 'disagree', 0: 'pass' } as const;
    const jobs = planted.votes.flatMap((vote) => {
      const student = Number(vote.participantId.slice(1)) - 1;
      const statement = Number(vote.statementId.slice(1)) - 1;
      // A writer cannot vote on their own statement.
      if (authorOf[statement] === student) return [];
      return [{ student, statementId: statementIds[statement]!, vote: word[vote.vote] }];
    });
    console.log(`Casting ${jobs.length} votes…`);
    started = performance.now();
    const cpuBefore = readProcCpuSeconds(server.pid) ?? NaN;
    await runPool(jobs.length, options.concurrency, async (j) => {
      const job = jobs[j]!;
      await students[job.student]!.expect(
        200,
        'PUT',
        `${base}/statements/${itemId}/votes/${job.statementId}`,
        { vote: job.vote },
      );
    });
    const votesMs = performance.now() - started;
    const votingCpu = (readProcCpuSeconds(server.pid) ?? NaN) - cpuBefore;

    // Let the last map of the voting settle, then one vote more, and watch it reach everyone.
    await sleep(QUIET_MS);
    watching = true;
    const voter = students[options.students - 1]!;
    const before = (await voter.expect(200, 'GET', `${base}/statements/${itemId}/mine`))
      .body as StudentStatementsView;
    const target = before.next?.id ?? statementIds[0]!;
    const voteSent = performance.now();
    await voter.expect(200, 'PUT', `${base}/statements/${itemId}/votes/${target}`, {
      vote: 'pass',
    });
    const acked = performance.now();
    const waitUntil = performance.now() + 60_000;
    while (mapArrivals.some((a) => a === null) && performance.now() < waitUntil) await sleep(20);
    const arrivals = mapArrivals.flatMap((a) => (a === null ? [] : [a - acked]));
    const lastEvent = Math.max(...mapArrivals.map((a) => a ?? NaN));
    // Each student then fetches their view of the new map, as their page does.
    const fetches: number[] = [];
    await runPool(options.students, options.concurrency, async (i) => {
      const sent = performance.now();
      await students[i]!.expect(200, 'GET', `${base}/statements/${itemId}/mine`);
      fetches.push(performance.now() - sent);
    });
    const allFetched = performance.now();
    const teacherView = await teacher.expect(200, 'GET', `${base}/statements/${itemId}`);
    const map = (teacherView.body as { map: { status: string; groups?: { size: number }[] } }).map;

    const delivered = summarize(arrivals);
    const fetched = summarize(fetches);
    console.log('');
    console.log(
      formatTable(
        ['Measure', 'Value'],
        [
          ['Join + open streams', `${ms(joinMs)} ms`],
          [`Write ${statementIds.length} statements`, `${ms(statementsMs)} ms`],
          [
            `Cast ${jobs.length} votes (${options.concurrency} at a time)`,
            `${ms(votesMs)} ms (${((jobs.length / votesMs) * 1000).toFixed(0)} votes/s)`,
          ],
          [
            'Server CPU while voting',
            `${votingCpu.toFixed(1)} s over ${(votesMs / 1000).toFixed(1)} s`,
          ],
          ['One vote, ack', `${ms(acked - voteSent)} ms`],
          [
            `map.updated on ${delivered.count} of ${options.students} streams, after the ack`,
            `p50 ${ms(delivered.p50)} · p95 ${ms(delivered.p95)} · last ${ms(lastEvent - acked)} ms (includes the ${MAP_DELAY_MS} ms wait that gathers votes)`,
          ],
          [
            `Every student has fetched the new map, after the ack`,
            `${ms(allFetched - acked)} ms (fetch p95 ${ms(fetched.p95)} ms)`,
          ],
          [
            'Map',
            map.status === 'ready'
              ? `${map.groups?.length ?? 0} groups (${(map.groups ?? []).map((g) => g.size).join(', ')})`
              : map.status,
          ],
          ['Server memory peak', `${mb(server.peakRssKb)} MB`],
        ],
      ),
    );
    return delivered.count === options.students ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    for (const stream of streams) stream.close();
    agent.destroy();
    streamAgent.destroy();
    await server?.stop();
    if (databaseUrl && schema) {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      await db.end();
    }
    await rm(tempDir, { recursive: true, force: true });
  }
}

runBench(main);
