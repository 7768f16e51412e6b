import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPgliteDatabase } from './pglite-database';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('one process per PGlite directory', { timeout: 90_000 }, () => {
  let dir: string;
  let dataDir: string;
  /** Starting from the migrated template is several times faster than a fresh PGlite. */
  const openFromTemplate = async () =>
    openPgliteDatabase({
      dataDir,
      loadDataDir: new Blob([await readFile(inject('pgliteTemplatePath'))]),
    });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-lock-'));
    dataDir = path.join(dir, 'pglite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second open of the same directory, naming it, until the first closes', async () => {
    const first = await openFromTemplate();
    try {
      await expect(openPgliteDatabase({ dataDir })).rejects.toThrow(
        `The database in ${dataDir} is already in use by another server (process ${process.pid})`,
      );
      // The refused open changed nothing: the first still works.
      const { rows } = await first.query<{ one: number }>('SELECT 1 AS one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await first.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await openPgliteDatabase({ dataDir });
    await again.close();
  });

  it('refuses while another live process holds the lock, and takes over once it is gone', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    const otherPid = other.pid;
    if (otherPid === undefined) throw new Error('could not start another process');
    const exited = new Promise((resolve) => other.once('exit', resolve));
    await writeFile(`${dataDir}.lock`, `${otherPid}\n`);
    await expect(openPgliteDatabase({ dataDir })).rejects.toThrow(
      new RegExp(
        `${escapeRegExp(dataDir)}.*process ${otherPid}.*delete ${escapeRegExp(dataDir)}\\.lock`,
      ),
    );

    other.kill();
    await exited;
    // A lock left by a process that crashed does not keep the server from starting.
    const db = await openFromTemplate();
    await db.close();
  });
});
