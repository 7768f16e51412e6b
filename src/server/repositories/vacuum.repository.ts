import type { Queryable } from '../db/database';

/**
 * Runs a plain VACUUM (not FULL: it takes no exclusive lock) on the app's own tables, so the
 * rows a deletion of students' data left dead are cleared from the table files now rather than
 * whenever autovacuum comes by (PGlite has no autovacuum at all). The tables are read from the
 * catalog, not listed here: a session's deletion cascades to a score of tables, and a new
 * migration's table is covered as it is. A lazy VACUUM skips the pages that changed nothing, so
 * the untouched tables cost little. It cannot run inside a transaction: call it with the
 * database, after the deletion has committed.
 */
export async function vacuumAppTables(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
     ORDER BY c.relname`,
  );
  if (rows.length === 0) return;
  await db.query(`VACUUM ${rows.map((r) => r.name).join(', ')}`);
}
