import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restrictDataDirectory } from './data-directory';
import { openDatabase } from './open-database';

/** Every path under `dir` (itself included) whose group or other permission bits are set. */
async function openToOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (entry: string) => {
    const stat = await lstat(entry);
    if ((stat.mode & 0o077) !== 0) found.push(`${entry} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) {
      for (const child of await readdir(entry)) await visit(path.join(entry, child));
    }
  };
  await visit(dir);
  return found;
}

const modeOf = async (entry: string) => (await lstat(entry)).mode & 0o777;

describe('the data directory', { timeout: 90_000 }, () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-perms-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is created readable by the server user only, with every database file in it', async () => {
    const dataDir = path.join(root, 'data');
    const db = await openDatabase({ dataDir, databaseUrl: undefined, databaseSchema: undefined });
    try {
      // Something was written, so the check covers real database files.
      expect((await readdir(path.join(dataDir, 'pglite'))).length).toBeGreaterThan(5);
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await openToOthers(dataDir)).toEqual([]);
      // Created in a child process, opened here with the small machine's settings.
      const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows).toEqual([{ shared_buffers: '16MB' }]);
    } finally {
      await db.close();
    }
  });

  it('refuses to make a database where other files are, naming the directory', async () => {
    const dataDir = path.join(root, 'data');
    await mkdir(path.join(dataDir, 'pglite'), { recursive: true });
    await writeFile(path.join(dataDir, 'pglite', 'notes.txt'), 'not a database');
    await expect(
      openDatabase({ dataDir, databaseUrl: undefined, databaseSchema: undefined }),
    ).rejects.toThrow(
      `Could not create the embedded database in ${path.join(dataDir, 'pglite')}: it exists and is not a database`,
    );
    // Left as it was, and nothing half-made beside it.
    expect(await readdir(path.join(dataDir, 'pglite'))).toEqual(['notes.txt']);
    expect(await readdir(dataDir)).toEqual(['pglite']);
  });

  it('tightens one made world-readable by an earlier version, and only its own files', async () => {
    const dataDir = path.join(root, 'data');
    await mkdir(path.join(dataDir, 'pglite', 'base'), { recursive: true });
    await writeFile(path.join(dataDir, 'pglite', 'base', '1234'), 'rows');
    await writeFile(path.join(dataDir, 'cookie-secret'), 'secret');
    await writeFile(path.join(dataDir, 'notes.txt'), 'the admin’s own file');
    for (const entry of ['', 'pglite', 'pglite/base', 'pglite/base/1234', 'cookie-secret']) {
      await chmod(
        path.join(dataDir, entry),
        entry.includes('1234') || entry === 'cookie-secret' ? 0o666 : 0o777,
      );
    }
    await chmod(path.join(dataDir, 'notes.txt'), 0o644);

    await restrictDataDirectory(dataDir);

    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(path.join(dataDir, 'pglite', 'base'))).toBe(0o700);
    expect(await modeOf(path.join(dataDir, 'pglite', 'base', '1234'))).toBe(0o600);
    expect(await modeOf(path.join(dataDir, 'cookie-secret'))).toBe(0o600);
    // Not the server's: left as it was (the directory already keeps others out).
    expect(await modeOf(path.join(dataDir, 'notes.txt'))).toBe(0o644);
  });
});
