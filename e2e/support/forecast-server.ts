import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A server of the spec's own, for forecasts that live past the lesson: it runs on a data
 * directory it keeps between starts, so a spec can stop it and start it again some (simulated)
 * days later with CLOCK_OFFSET_DAYS, a testing aid the server reads outside production. One
 * process at a time holds the embedded database, so the restart is a stop, then a start.
 */
export class ForecastServer {
  readonly baseURL: string;
  private dataDir: string | null = null;
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  /** Starts the server with its clock `offsetDays` ahead and waits until it answers. */
  async start(offsetDays: number): Promise<void> {
    if (this.process) throw new Error('the forecast server is already running');
    this.dataDir ??= mkdtempSync(path.join(os.tmpdir(), 'article-discussion-forecasts-'));
    // Node runs the TypeScript through tsx's loader in this one process, so stopping it stops
    // the server (npx would leave a child running).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        CLOCK_OFFSET_DAYS: String(offsetDays),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.process = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`the forecast server stopped at start (exit ${child.exitCode})`);
      }
      try {
        const health = await fetch(`${this.baseURL}/api/health`);
        if (health.ok) return;
      } catch {
        // Not listening yet: ask again.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the forecast server did not answer on ${this.baseURL} within 90 s`);
  }

  /** Stops the server and waits until it has closed its database. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve, reject) => {
      // Never killed harder: the embedded database must close cleanly to start again on it.
      const timer = setTimeout(() => {
        reject(new Error('the forecast server did not stop within 30 s of SIGTERM'));
      }, 30_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Stops the server and deletes its data. */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.dataDir !== null) rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}
