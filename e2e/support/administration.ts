import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startServerProcess } from '../../src/server/bench/server-process';
import { freePort } from '../../src/server/test/oidc-browser';
import { openDatabase } from '../../src/server/db/open-database';
import { hashPassword } from '../../src/server/lib/secrets';
import { createTeacher } from '../../src/server/repositories/teachers.repository';
import { TeacherAdmin } from '../../src/server/services/teacher-admin';
import type { Account } from './account-pages';

/** Reusable parts of administration (issue 25): a server with an administrator, inviting. */

export interface AdminServer {
  readonly baseURL: string;
  stop(): Promise<void>;
}

/**
 * A server of its own on a fresh embedded database whose one account, `admin`, is an
 * administrator, made as `npm run admin -- make-admin` makes one (the same service), before the
 * server starts (the embedded database is one process's at a time). Sign-up is closed on it
 * (SIGNUP=closed), so only an invitation opens another account; `env` adds settings.
 */
export async function startServerWithAdmin(
  admin: Account,
  env: Record<string, string> = {},
  /** A port chosen beforehand (an OpenID provider must know the callback's address first). */
  chosenPort?: number,
): Promise<AdminServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-e2e-admin-'));
  const db = await openDatabase({ dataDir, databaseUrl: undefined, databaseSchema: undefined });
  try {
    const teacher = await createTeacher(db, {
      email: admin.email,
      name: admin.name,
      passwordHash: await hashPassword(admin.password),
    });
    if (!teacher) throw new Error(`${admin.email} has an account already`);
    await new TeacherAdmin(db, null).setAdmin(null, teacher.id, true);
  } finally {
    await db.close();
  }
  const port = chosenPort ?? (await freePort());
  const baseURL = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: baseURL,
      SIGNUP: 'closed',
      LOG_LEVEL: 'warn',
      ...env,
    },
    startTimeoutMs: 180_000,
  });
  return {
    baseURL,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Presses Enter on an element reached by focus, as a keyboard user does. */
export async function pressOn(page: Page, target: ReturnType<Page['getByRole']>) {
  await target.focus();
  await page.keyboard.press('Enter');
}

/** On /teach/admin: invites the address by keyboard and returns the link shown to copy. */
export async function inviteByKeyboard(page: Page, email: string): Promise<string> {
  const form = page.getByRole('form', { name: 'Invite a teacher' });
  await form.getByLabel('E-mail of the teacher to invite').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  const link = form.getByLabel(`Invitation link for ${email}`);
  await expect(link).toBeVisible();
  return link.inputValue();
}
