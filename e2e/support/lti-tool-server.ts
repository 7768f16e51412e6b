import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runAdmin } from '../../src/server/test/admin-runner';

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
 * A server of the spec's own for LTI in a frame: reached as http://localhost:<port>, another
 * site than the test LMS on 127.0.0.1, so the browser treats the frame as third-party. Its
 * registration URL is made by the admin command before the server holds the database.
 */
export class LtiToolServer {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get baseURL(): string {
    return `http://localhost:${this.port}`;
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

  static async create(): Promise<LtiToolServer> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-lti-'));
    return new LtiToolServer(await freePort(), dataDir);
  }

  /** `npm run admin -- lti-registration-url`, run while the server is stopped. */
  async registrationUrl(): Promise<string> {
    const printed = await runAdmin(['lti-registration-url'], this.env);
    const url = /^ {2}(http\S+)$/m.exec(printed.stdout)?.[1];
    if (printed.code !== 0 || !url) {
      throw new Error(`lti-registration-url failed (${printed.code}): ${printed.stderr}`);
    }
    return url;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.process = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`the LTI tool server stopped (${child.exitCode})`);
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/api/health`)).ok) return;
      } catch {
        // Not listening yet: ask again.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the LTI tool server did not answer within 90 s`);
  }

  /** Stops the server (SIGTERM, so the database closes) and deletes its data. */
  async dispose(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
