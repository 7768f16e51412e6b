import type { Database, Queryable } from './database';

/**
 * Runs `work` in one transaction that first takes a lock named `scope` (such as
 * `wall-replies:<session id>`), held until the transaction ends. Writers that count rows before
 * adding one (the caps on statements, replies and speaking turns) take it first: two requests at
 * once then count one after the other, each seeing what the other committed, so neither slips
 * past the cap. Without it, PostgreSQL lets both count the same rows (read committed), and even
 * one statement that counts and inserts stored 52 replies against a cap of 50.
 *
 * An advisory lock rather than the session's row: every answer updates that row (its last
 * activity), and these writers need not wait for answers, nor answers for them. PGlite runs one
 * transaction at a time anyway; the lock costs it nothing.
 */
export function inScopeLock<T>(
  db: Database,
  scope: string,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    // A separate statement: the counts in `work` then take their snapshot after the lock.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [scope]);
    return work(tx);
  });
}
