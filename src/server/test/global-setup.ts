import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate';
import { openPgliteDatabase } from '../db/pglite-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite database: loading it takes ~1 s, a fresh init ~4.5 s. */
    pgliteTemplatePath: string;
  }
}

/** Builds one migrated PGlite template for every API test file to start from. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-template-'));
  const dataDir = path.join(dir, 'db');
  const db = await openPgliteDatabase({ dataDir });
  await migrate(db);
  await db.close();
  const source = await PGlite.create(dataDir);
  const dump = await source.dumpDataDir('none');
  await source.close();
  const dumpPath = path.join(dir, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', dumpPath);
  if (!process.env.TEST_DATABASE_URL) {
    console.warn(
      '\n[api tests] TEST_DATABASE_URL is not set: the PostgreSQL runs of the API tests are SKIPPED (PGlite runs only).\n',
    );
  }
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
