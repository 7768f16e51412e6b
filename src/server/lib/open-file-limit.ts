import { readFileSync } from 'node:fs';

/**
 * Every event stream holds a socket, and a socket is an open file: a class of hundreds needs
 * more than the 1,024 many systems allow by default. Node raises its own soft limit to the hard
 * one as it starts, so the hard limit is what counts, and only the system can raise that.
 */
export const WANTED_OPEN_FILES = 65_536;
/** Below this the server warns at start-up: a few hundred students would reach it. */
export const LOW_OPEN_FILES = 4096;

export interface OpenFileLimits {
  readonly soft: number;
  readonly hard: number;
}

/** This process's limits on open files (Linux: /proc/self/limits); null where unknown. */
export function readOpenFileLimits(): OpenFileLimits | null {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
    if (!match) return null;
    const toNumber = (v: string | undefined) => (v === 'unlimited' ? Infinity : Number(v));
    return { soft: toNumber(match[1]), hard: toNumber(match[2]) };
  } catch {
    return null;
  }
}

/** A warning for the start-up log when the limit is low, naming the fix; null when it is fine. */
export function lowFileLimitWarning(limits: OpenFileLimits | null): string | null {
  if (!limits || limits.soft >= LOW_OPEN_FILES) return null;
  return (
    `This process may open only ${limits.soft} files, and each student's live connection takes ` +
    `one: raise the limit where the server starts (\`ulimit -Hn ${WANTED_OPEN_FILES}\` as root, ` +
    `LimitNOFILE=${WANTED_OPEN_FILES} in a systemd unit, or nofile in /etc/security/limits.conf).`
  );
}
