import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The plain SQL migrations in the repo, in version order: `NNN_name.sql`. */
export async function readMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = /^(\d+)_(.+)\.sql$/.exec(file);
      if (!match) throw new Error(`Migration file ${file} is not named NNN_name.sql`);
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'),
      };
    }),
  );
}

// Any constant works; it only has to be the same in every instance of this app.
const MIGRATION_LOCK_KEY = 482_019_337;

/**
 * Applies the migrations that the database has not seen, each in its own transaction, and
 * returns the versions applied. Instances starting together on one PostgreSQL take turns.
 */
export async function migrate(db: Database): Promise<number[]> {
  const migrations = await readMigrations();
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

/**
 * Splits a migration into statements at each `;`, except inside a dollar-quoted body
 * (`$$ ... $$` or `$tag$ ... $tag$`, a trigger function's), which is kept whole. Comment lines
 * are dropped first.
 */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
  const statements: string[] = [];
  let start = 0;
  let position = 0;
  while (position < text.length) {
    const dollarTag = /^\$[A-Za-z_]*\$/.exec(text.slice(position))?.[0];
    if (dollarTag) {
      const close = text.indexOf(dollarTag, position + dollarTag.length);
      if (close === -1) throw new Error(`unterminated ${dollarTag} body in a migration`);
      position = close + dollarTag.length;
    } else if (text[position] === ';') {
      statements.push(text.slice(start, position));
      position += 1;
      start = position;
    } else {
      position += 1;
    }
  }
  statements.push(text.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
