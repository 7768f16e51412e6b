import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A held lock: release() deletes the lock file (once; later calls do nothing). */
export interface DirectoryLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes the lock on a data directory that only one process may use (PGlite's: a second writer
 * would lose its writes): `<directory>.lock`, made atomically and holding the owner's pid. A lock whose pid is no longer running was left by a crash and is taken over; one held by
 * a live process, this one included, is refused with an error naming the directory.
 */
export function lockDirectory(directory: string): DirectoryLock {
  const file = `${path.resolve(directory)}.lock`;
  // Written whole beside it, then linked into place: link() is atomic and fails when the lock
  // exists (like O_EXCL), and nobody ever reads a half-written pid.
  const draft = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, `${process.pid}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
      }
      const owner = readOwner(file);
      if (owner !== null && isAlive(owner)) {
        throw new Error(
          `The database in ${directory} is already in use by another server (process ${owner}). ` +
            `Stop that server first, or give this one another DATA_DIR. If no server is running, ` +
            `delete ${file}.`,
        );
      }
      // Left by a process that is gone (a crash): take it over.
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let isReleased = false;
  return {
    file,
    release() {
      if (isReleased) return;
      isReleased = true;
      if (readOwner(file) === process.pid) rmSync(file, { force: true });
    },
  };
}
