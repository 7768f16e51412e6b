import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { startServerProcess, type ServerProcess } from '../src/server/bench/server-process';
import type { Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { openDatabase } from '../src/server/db/open-database';
import { setResourceLinkSession } from '../src/server/repositories/lti-resource-links.repository';
import { registerLtiPlatform } from '../src/server/services/lti-platforms';
import {
  INSTRUCTOR_ROLE,
  LEARNER_ROLE,
  TestLtiPlatform,
  type LaunchPlan,
} from '../src/server/test/lti-platform';
import { expect, test } from './support/fixtures';
import { StudentPages } from './support/live-session-pages';
import { teacherApi } from './support/teacher-api';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Works on the server's embedded database while the server is stopped (one process holds it). */
async function withDatabase<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: undefined, databaseSchema: undefined, dataDir });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A launch from the LMS in the browser: login initiation, the LMS's form, the tool's page. */
async function launch(page: Page, platform: TestLtiPlatform, baseURL: string, plan: LaunchPlan) {
  const query = new URLSearchParams({
    iss: platform.issuer,
    login_hint: platform.plan(plan),
    target_link_uri: `${baseURL}/lti/launch`,
    client_id: platform.clientId,
    lti_deployment_id: platform.deploymentId,
  });
  await page.goto(`${baseURL}/lti/login?${query.toString()}`);
}

const [thesis] = lesson.sections;
const poll = thesis!.items.find((item) => item.kind === 'poll')!;
const prompt = thesis!.items.find((item) => item.kind === 'prompt')!;
const firstOption = (item: Item) => (item.kind === 'poll' ? item.options[0]!.label : '');
/** The built-in lesson's core items that take an answer: completion is counted against them. */
const coreItems = lesson.sections
  .flatMap((section) => section.items)
  .filter((item) => item.kind !== 'statements' && item.extension !== true).length;
const percentOf = (answered: number) => Math.round((1000 * answered) / coreItems) / 10;

test('two students launched from the LMS: their grades reach its gradebook with the values the report shows', async ({
  newDevice,
}) => {
  test.setTimeout(300_000);
  const platform = await TestLtiPlatform.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-lti-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  platform.services.toolJwksUrl = `${baseURL}/lti/jwks.json`;
  const { id: platformId } = await withDatabase(dataDir, (db) =>
    registerLtiPlatform(db, platform.registration()),
  );
  const start = () =>
    startServerProcess({
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      startTimeoutMs: 180_000,
    });
  let server: ServerProcess | null = await start();
  try {
    // The teacher comes in from the LMS and makes a self-paced session of the built-in lesson.
    const resourceLinkId = randomUUID();
    const teacher = await newDevice({ baseURL });
    const rivera = { sub: randomUUID(), name: 'Ms Rivera', roles: [INSTRUCTOR_ROLE] };
    await launch(teacher, platform, baseURL, { user: rivera, resourceLinkId });
    await expect(teacher).toHaveURL(`${baseURL}/teach`);
    const view = (await teacherApi(teacher, 'POST', '/api/sessions', {
      lessonId: lesson.id,
      mode: 'self-paced',
    })) as TeacherSessionView;
    const sessionId = view.session.id;

    // Deep linking will tie the link to its session; until then the test does, server stopped.
    await server.stop();
    server = null;
    const link = { platformId, deploymentId: platform.deploymentId, resourceLinkId };
    expect(await withDatabase(dataDir, (db) => setResourceLinkSession(db, link, sessionId))).toBe(
      true,
    );
    server = await start();

    // Two students launch from the LMS and answer: Ada two items, Ben one.
    const ada = { sub: randomUUID(), name: 'Ada', roles: [LEARNER_ROLE] };
    const ben = { sub: randomUUID(), name: 'Ben', roles: [LEARNER_ROLE] };
    const students: StudentPages[] = [];
    for (const user of [ada, ben]) {
      const page = await newDevice({ baseURL });
      await launch(page, platform, baseURL, { user, resourceLinkId });
      await expect(page).toHaveURL(`${baseURL}/live/${sessionId}`);
      await expect(page.getByText(`You are ${user.name}`)).toBeVisible();
      students.push(new StudentPages(page, lesson));
    }
    const [adaPage, benPage] = students;
    await adaPage!.chooseOption(poll, firstOption(poll));
    await adaPage!.writeAnswer(prompt, 'A strike meant to deter, read as an escalation.');
    await adaPage!.expectSaved(prompt);
    await benPage!.chooseOption(poll, firstOption(poll));

    // The teacher ends the session: both have finished, and their grades go to the LMS.
    await teacherApi(teacher, 'POST', `/api/sessions/${sessionId}/end`);
    const scores = platform.services;
    await expect.poll(() => scores.scores.length, { timeout: 20_000 }).toBe(2);
    expect(scores.scoresOf(ada.sub)).toEqual([
      expect.objectContaining({ scoreGiven: percentOf(2), activityProgress: 'Completed' }),
    ]);
    expect(scores.scoresOf(ben.sub)).toEqual([
      expect.objectContaining({ scoreGiven: percentOf(1), activityProgress: 'Completed' }),
    ]);

    // The report shows the teacher the same grades, sent.
    // The LMS records a score before it answers, and the app marks it sent once it has answered.
    const grades = teacher.getByRole('region', { name: 'Grades sent to the LMS' });
    await expect(async () => {
      await teacher.goto(`/teach/sessions/${sessionId}/report`);
      await expect(grades.getByText(/^Sent /)).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    for (const [user, answered] of [
      [ada, 2],
      [ben, 1],
    ] as const) {
      const row = grades.getByRole('row', { name: new RegExp(`^${user.name} `) });
      await expect(row).toContainText(`${percentOf(answered)} / 100`);
      await expect(row).toContainText(/Sent /);
      const sent = scores.scoresOf(user.sub)[0];
      await expect(row).toContainText(sent?.comment ?? 'no comment sent');
    }
  } finally {
    await server?.stop();
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
