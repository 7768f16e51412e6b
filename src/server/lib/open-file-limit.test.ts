import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOW_OPEN_FILES, lowFileLimitWarning, readOpenFileLimits } from './open-file-limit';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const limits = readOpenFileLimits();
const canLowerLimits = existsSync('/bin/sh') && limits !== null && limits.hard > 1000;

/** Runs a command under `sh -c '<ulimit>; exec …'` and collects its output. */
function runLimited(ulimit: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawn('/bin/sh', ['-c', `${ulimit} && exec "$0" "$@"`, process.execPath, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the limit on open files', () => {
  it('warns only when the limit is low, naming how to raise it', () => {
    expect(lowFileLimitWarning({ soft: 1024, hard: 1024 })).toMatch(
      /only 1024 files.*ulimit -Hn 65536.*LimitNOFILE/,
    );
    expect(lowFileLimitWarning({ soft: LOW_OPEN_FILES, hard: LOW_OPEN_FILES })).toBeNull();
    expect(lowFileLimitWarning(null)).toBeNull();
  });

  it.skipIf(!canLowerLimits)(
    'is raised by Node itself from a low soft limit to the hard one',
    async () => {
      const child = runLimited('ulimit -Sn 256', [
        '-e',
        "process.stdout.write(require('fs').readFileSync('/proc/self/limits', 'utf8'))",
      ]);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => child.on('exit', resolve));
      expect(output).toMatch(new RegExp(`Max open files\\s+${limits!.hard}\\s+${limits!.hard}`));
    },
  );

  it.skipIf(!canLowerLimits)(
    'makes the server warn at start-up under a low hard limit (and free its database on exit)',
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-nofile-'));
      const server = runLimited('ulimit -n 1000', ['--import', 'tsx', MAIN], {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      let output = '';
      const collect = (chunk: Buffer) => (output += chunk.toString());
      server.stdout.on('data', collect);
      server.stderr.on('data', collect);
      const exited = new Promise((resolve) => server.on('exit', resolve));
      try {
        const deadline = Date.now() + 80_000;
        while (!/Warning: This process may open only 1000 files/.test(output)) {
          if (Date.now() > deadline || server.exitCode !== null) throw new Error(output);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(output).toMatch(/is running at/);
        expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(true);
      } finally {
        server.kill('SIGTERM');
        await exited;
      }
      expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
      await rm(dataDir, { recursive: true, force: true });
    },
    100_000,
  );
});
