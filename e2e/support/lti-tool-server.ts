import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestLtiPlatform } from '../../src/server/test/lti-platform';

const run = promisify(execFile);

/**
 * The tool as a school runs it for an LMS: a server of the spec's own on a fresh embedded
 * database, with the test LMS registered by the administrator's command
 * (`npm run admin -- lti-register`) before the server starts, as the embedded database is open
 * to one process at a time.
 */
export class LtiToolServer {
  readonly baseURL: string;
  private readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-lti-'));
  private process: ChildProcess | null = null;

  constructor(readonly port: number) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      LOG_LEVEL: 'warn',
    };
  }

  /** Registers the LMS with the admin command, then starts the server and waits for it. */
  async start(lms: TestLtiPlatform): Promise<void> {
    const registration = lms.registration();
    await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/admin.ts',
        'lti-register',
        ...['--issuer', registration.issuer, '--client-id', registration.clientId],
        ...['--auth-url', registration.authLoginUrl, '--token-url', registration.authTokenUrl],
        ...['--jwks-url', registration.jwksUrl],
        ...registration.deploymentIds.flatMap((id) => ['--deployment-id', id]),
      ],
      { env: this.env() },
    );
    // Node runs the TypeScript through tsx's loader in this one process, so stopping it stops
    // the server (npx would leave a child running).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: this.env(),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.process = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`the tool's server stopped at start (exit ${child.exitCode})`);
      }
      try {
        if ((await fetch(`${this.baseURL}/api/health`)).ok) return;
      } catch {
        // Not listening yet: ask again.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the tool's server did not answer on ${this.baseURL} within 90 s`);
  }

  /** Stops the server (cleanly: the embedded database must close) and deletes its data. */
  async dispose(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error('the tool’s server did not stop within 30 s of SIGTERM'));
        }, 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
