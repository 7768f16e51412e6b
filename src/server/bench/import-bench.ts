/**
 * Lesson-import benchmark: starts the real server as a child process on a fresh database, signs
 * a teacher up and posts hostile lesson files of about 1 MB to POST /api/lessons/import, one at
 * a time, while a second client asks GET /api/health over and over. Prints, for each file, how
 * long the import took to answer, the size of the answer, and the health checks' latency while
 * the import ran.
 *
 *   npm run bench:import -- [--bytes 1000000] [--kinds long-name,many-problems,long-text,deep]
 *     [--timeout-s 120]
 *
 * The files:
 * - long-name: one field whose name takes half the file, holding a list of zeros (each value's
 *   position was once keyed by its whole field path: quadratic);
 * - many-problems: `sections` as a list of zeros, one problem each;
 * - many-objects: `sections` as a list of as many empty groups as a file may have values;
 * - long-text: one text in quotes that fills the file;
 * - deep: lists nested far past the depth limit, then zeros.
 * Only ever talks to 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BenchClient } from './http-client';
import { benchServerEnv, startServerProcess, type ServerProcess } from './server-process';
import { formatTable, mb, ms, summarize } from './stats';
import { runBench } from './run-bench';

const HEAD = '{"format":"article-discussion-lesson","schemaVersion":4,';
const HEALTH_GAP_MS = 10;

/** A list of `count` zeros, as JSON: two bytes each. */
const zeros = (count: number) => `[${new Array<string>(count).fill('0').join(',')}]`;

const FILES: Readonly<Record<string, (bytes: number) => string>> = {
  'many-problems': (bytes) =>
    `${HEAD}"sections":${zeros(Math.floor((bytes - HEAD.length - 14) / 2))}}`,
  // As many empty sections as a file may have values (json-positions.ts): 7 problems each.
  'many-objects': (bytes) =>
    `${HEAD}"sections":[${new Array<string>(19_990).fill('{}').join(',')}]${' '.repeat(Math.max(0, bytes - HEAD.length - 60_000))}}`,
  'long-text': (bytes) => `${HEAD}"id":"${'a'.repeat(bytes - HEAD.length - 8)}"}`,
  deep: (bytes) => {
    const depth = 10_000;
    const entries = Math.max(1, Math.floor((bytes - HEAD.length - 2 * depth - 16) / 2));
    return `${HEAD}"x":${zeros(entries)},"y":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  },
  'long-name': (bytes) => {
    const nameLength = Math.floor(bytes / 2);
    const entries = Math.max(1, Math.floor((bytes - nameLength - HEAD.length - 8) / 2));
    return `${HEAD}"${'n'.repeat(nameLength)}":${zeros(entries)}}`;
  },
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      bytes: { type: 'string', default: '1000000' },
      kinds: { type: 'string', default: Object.keys(FILES).join(',') },
      'timeout-s': { type: 'string', default: '120' },
    },
    strict: true,
  });
  const bytes = Number(values.bytes);
  if (!Number.isInteger(bytes) || bytes < 1000) throw new Error('--bytes must be ≥ 1000');
  const timeoutS = Number(values['timeout-s']);
  if (!Number.isInteger(timeoutS) || timeoutS < 1) throw new Error('--timeout-s must be ≥ 1');
  const kinds = values.kinds.split(',').map((kind) => kind.trim());
  const unknown = kinds.find((kind) => !(kind in FILES));
  if (unknown !== undefined) {
    throw new Error(`--kinds: no file "${unknown}" (there are ${Object.keys(FILES).join(', ')})`);
  }
  return { bytes, kinds, timeoutMs: timeoutS * 1000 };
}

const sleep = (wait: number) => new Promise((resolve) => setTimeout(resolve, wait));

async function main(): Promise<number> {
  const options = readOptions();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'import-bench-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  let server: ServerProcess | null = null;
  try {
    const env = benchServerEnv(tempDir, { LOG_LEVEL: 'warn' });
    server = await startServerProcess({ env, cwd: process.cwd(), startTimeoutMs: 180_000 });
    const teacher = new BenchClient(server.port, agent, agent, options.timeoutMs);
    const prober = new BenchClient(server.port, agent, agent, options.timeoutMs);
    await teacher.signUpTeacher();
    // Warm up: the first import compiles the schema (and starts whatever checks files).
    await teacher.request('POST', '/api/lessons/import', { file: '{}' });
    console.log(`Server on ${server.storage}; files of about ${options.bytes} bytes.`);

    const rows: string[][] = [];
    for (const kind of options.kinds) {
      const file = FILES[kind]!(options.bytes);
      const health: number[] = [];
      const importing = { isRunning: true };
      const probing = (async () => {
        while (importing.isRunning) {
          const started = performance.now();
          await prober.request('GET', '/api/health').catch(() => undefined);
          health.push(performance.now() - started);
          await sleep(HEALTH_GAP_MS);
        }
      })();
      server.markLoadStart();
      const started = performance.now();
      const answer = await teacher
        .request('POST', '/api/lessons/import', { file })
        .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      const took = performance.now() - started;
      importing.isRunning = false;
      await probing;
      const stats = summarize(health);
      const problems =
        typeof answer === 'string'
          ? '-'
          : String(
              (answer.body as { error?: { problems?: unknown[] } }).error?.problems?.length ?? '-',
            );
      rows.push([
        kind,
        (file.length / 1024).toFixed(0),
        typeof answer === 'string' ? answer.slice(0, 40) : String(answer.status),
        ms(took),
        typeof answer === 'string' ? '-' : (answer.text.length / 1024).toFixed(1),
        problems,
        String(stats.count),
        ms(stats.p50),
        ms(stats.max),
        mb(server.loadPeakRssKb),
      ]);
      console.log(`${kind}: answered ${rows.at(-1)?.[2]} in ${ms(took)} ms`);
    }
    console.log(
      `\n${formatTable(
        [
          'file',
          'KB',
          'status',
          'answer ms',
          'answer KB',
          'problems',
          'health n',
          'health p50 ms',
          'health max ms',
          'peak RSS MB',
        ],
        rows,
      )}`,
    );
    if (server.problemCount > 0) console.log(`\nServer logged:\n${server.problems.join('\n')}`);
    return 0;
  } finally {
    agent.destroy();
    await server?.stop();
    await rm(tempDir, { recursive: true, force: true });
  }
}

runBench(main);
