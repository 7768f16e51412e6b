import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The entries of a data directory that hold the server's data: the embedded database, its lock
 * and the cookie secret. Only these are tightened, never whatever else DATA_DIR may point at.
 */
const DATA_ENTRIES = ['pglite', 'pglite.lock', 'cookie-secret'];

/** Takes group and other permissions off `entry`, and off everything under it if a directory. */
async function restrictTree(entry: string): Promise<void> {
  let stat;
  try {
    stat = await lstat(entry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // A symbolic link's target is someone else's to protect.
  if (stat.isSymbolicLink()) return;
  if ((stat.mode & 0o077) !== 0) await chmod(entry, stat.mode & 0o700);
  if (stat.isDirectory()) {
    for (const child of await readdir(entry)) await restrictTree(path.join(entry, child));
  }
}

/**
 * Makes the data directory readable by the server's user only: created with mode 0o700, and an
 * existing one (from a version that made it world-readable) and its database files tightened.
 * Students' names and answers live there.
 */
export async function restrictDataDirectory(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const stat = await lstat(dataDir);
  if ((stat.mode & 0o077) !== 0) await chmod(dataDir, stat.mode & 0o700);
  for (const entry of DATA_ENTRIES) await restrictTree(path.join(dataDir, entry));
}
