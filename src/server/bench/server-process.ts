import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');
/** The line main.ts prints once it listens. */
const READY_LINE = /running at http:\/\/[^:]+:(\d+) \(storage: (\w+)\)/;
const MAX_KEPT_LINES = 20;

/** Memory of a process from /proc/<pid>/status, in kB; null once the process is gone. */
export function readProcMemory(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process (clock ticks at the usual 100 Hz). */
export function readProcCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / 100;
  } catch {
    return null;
  }
}

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  readonly storage: string;
  /** Highest VmRSS seen by the sampler, in kB: since start, and since markLoadStart(). */
  readonly peakRssKb: number;
  readonly loadPeakRssKb: number;
  /** How the process ended after stop(): "code 0", "SIGKILL"... */
  readonly exitDescription: string | null;
  /** Log lines at warn level or above, and anything on stderr. */
  readonly problems: readonly string[];
  readonly problemCount: number;
  /** Set when the process exited while the bench still needed it. */
  readonly unexpectedExit: string | null;
  sampleNow(): { rssKb: number; hwmKb: number } | null;
  markLoadStart(): void;
  stop(): Promise<void>;
}

/**
 * Starts the server (main.ts) as a child node process (tsx as an import hook, so the pid is the
 * server's own) and samples its resident memory every `sampleMs` until it stops.
 */
export async function startServerProcess(options: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  sampleMs?: number;
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server process');

  const problems: string[] = [];
  let problemCount = 0;
  const keepProblem = (line: string) => {
    problemCount += 1;
    if (problems.length < MAX_KEPT_LINES) problems.push(line.slice(0, 600));
  };
  let stderrTail = '';
  let isStopping = false;
  let unexpectedExit: string | null = null;
  let peakRssKb = 0;
  let loadPeakRssKb = 0;
  let exitDescription: string | null = null;

  const sample = () => {
    const memory = readProcMemory(pid);
    if (memory && Number.isFinite(memory.rssKb)) {
      peakRssKb = Math.max(peakRssKb, memory.rssKb);
      loadPeakRssKb = Math.max(loadPeakRssKb, memory.rssKb);
    }
    return memory;
  };
  const sampler = setInterval(sample, options.sampleMs ?? 100);

  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      exitDescription = signal ?? `code ${code}`;
      if (!isStopping) unexpectedExit = `exited with ${signal ?? `code ${code}`}`;
      resolve();
    });
  });

  const started = new Promise<{ port: number; storage: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the server did not start within ${options.startTimeoutMs ?? 60_000} ms`));
    }, options.startTimeoutMs ?? 60_000);
    let stdoutBuffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdoutBuffer += chunk;
      let end = stdoutBuffer.indexOf('\n');
      while (end !== -1) {
        const line = stdoutBuffer.slice(0, end);
        stdoutBuffer = stdoutBuffer.slice(end + 1);
        end = stdoutBuffer.indexOf('\n');
        if (!line.trim()) continue;
        const ready = READY_LINE.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve({ port: Number(ready[1]), storage: ready[2]! });
          continue;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          keepProblem(`stdout: ${line}`);
          continue;
        }
        const record = parsed as { level?: number };
        if ((record.level ?? 0) >= 40) {
          keepProblem(`log: ${line}`);
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) keepProblem(`stderr: ${line}`);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server process ${unexpectedExit ?? 'exited'}:\n${stderrTail}`));
    });
  });

  let port: { port: number; storage: string };
  try {
    port = await started;
  } catch (error) {
    isStopping = true;
    clearInterval(sampler);
    child.kill('SIGKILL');
    await exited;
    throw error;
  }

  return {
    pid,
    port: port.port,
    storage: port.storage,
    get peakRssKb() {
      return peakRssKb;
    },
    get loadPeakRssKb() {
      return loadPeakRssKb;
    },
    get exitDescription() {
      return exitDescription;
    },
    markLoadStart() {
      loadPeakRssKb = 0;
      sample();
    },
    get problems() {
      return problems;
    },
    get problemCount() {
      return problemCount;
    },
    get unexpectedExit() {
      return unexpectedExit;
    },
    sampleNow: sample,
    async stop() {
      isStopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Limits a benchmark lifts: every simulated student comes from this one address, joining,
 * answering and streaming far faster than a class would.
 */
const LIFTED_LIMITS = {
  JOIN_RATE_LIMIT: '100000000',
  ANSWER_RATE_LIMIT: '100000000',
  JOIN_GUESS_LIMIT: '100000000',
  STREAMS_PER_IP: '100000000',
} as const;

/**
 * The environment of a benchmark's server: this process's, without its database or public
 * address, on a free port of 127.0.0.1, with a fresh data folder in `tempDir`, no client build,
 * a random cookie secret, and `settings` on top.
 */
export function benchServerEnv(
  tempDir: string,
  settings: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'PUBLIC_URL', 'BENCH_DATABASE_URL']) {
    Reflect.deleteProperty(env, key);
  }
  return Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(tempDir, 'data'),
    STATIC_DIR: path.join(tempDir, 'no-client'),
    COOKIE_SECRET: randomBytes(32).toString('base64url'),
    ...settings,
  });
}

/** A load benchmark's server environment: benchServerEnv with LIFTED_LIMITS, `settings` on top. */
export function loadBenchServerEnv(
  tempDir: string,
  settings: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  return benchServerEnv(tempDir, { ...LIFTED_LIMITS, ...settings });
}
