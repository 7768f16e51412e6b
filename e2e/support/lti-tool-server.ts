import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runAdmin } from '../../src/server/test/admin-runner';
import type { TestLtiPlatform } from '../../src/server/test/lti-platform';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port to listen on');
  return address.port;
}

/**
 * The tool as a school runs it for an LMS: a server of the spec's own on a fresh embedded
 * database. The administrator's commands (`npm run admin -- lti-register`,
 * `lti-registration-url`) run before the server starts, as the embedded database is open to one
 * process at a time.
 */
export class LtiToolServer {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly host: string,
  ) {}

  /**
   * On `localhost` the tool is another site than the test LMS on 127.0.0.1, so the browser
   * treats a frame of it inside the LMS as third-party.
   */
  static async create(host: 'localhost' | '127.0.0.1' = '127.0.0.1'): Promise<LtiToolServer> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-lti-'));
    return new LtiToolServer(await freePort(), dataDir, host);
  }

  get baseURL(): string {
    return `http://${this.host}:${this.port}`;
  }

  private get env(): Record<string, string> {
    return {
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      PUBLIC_URL: this.baseURL,
      LOG_LEVEL: 'warn',
    };
  }

  private async admin(args: readonly string[]): Promise<string> {
    const printed = await runAdmin(args, this.env);
    if (printed.code !== 0) {
      throw new Error(`admin ${args[0] ?? ''} failed (${printed.code}): ${printed.stderr}`);
    }
    return printed.stdout;
  }

  /** `npm run admin -- lti-register` with what the LMS gives, run while the server is stopped. */
  async register(lms: TestLtiPlatform): Promise<void> {
    const registration = lms.registration();
    await this.admin([
      'lti-register',
      ...['--issuer', registration.issuer, '--client-id', registration.clientId],
      ...['--auth-url', registration.authLoginUrl, '--token-url', registration.authTokenUrl],
      ...['--jwks-url', registration.jwksUrl],
      ...registration.deploymentIds.flatMap((id) => ['--deployment-id', id]),
    ]);
  }

  /** `npm run admin -- lti-registration-url`, run while the server is stopped. */
  async registrationUrl(): Promise<string> {
    const printed = await this.admin(['lti-registration-url']);
    const url = /^ {2}(http\S+)$/m.exec(printed)?.[1];
    if (!url) throw new Error(`lti-registration-url printed no address: ${printed}`);
    return url;
  }

  async start(): Promise<void> {
    // Node runs the TypeScript through tsx's loader in this one process, so stopping it stops
    // the server (npx would leave a child running).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.process = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`the tool's server stopped at start (exit ${child.exitCode})`);
      }
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).ok) return;
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
