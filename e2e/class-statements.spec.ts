import {
  request as apiRequest,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';
import {
  CAMP_STATEMENTS,
  statementsItem,
  statementsLesson,
} from '../src/test-fixtures/lessons/statements-lesson';
import { expect, test } from './support/fixtures';
import type { StudentPages } from './support/live-session-pages';
import { teacherApi } from './support/teacher-api';
import { expectNoAxeViolations } from './support/page-checks';

/** The lesson with class statements, published by the teacher, in a session of its own. */
async function startStatementsSession(page: Page): Promise<{ code: string; sessionId: string }> {
  const made = (await teacherApi(page, 'POST', '/api/lessons', {
    draft: statementsLesson({ requireApproval: true }),
  })) as { summary: { lessonId: string } };
  await teacherApi(page, 'POST', `/api/lessons/${made.summary.lessonId}/publish`);
  const view = (await teacherApi(page, 'POST', '/api/sessions', {
    lessonId: made.summary.lessonId,
    mode: 'teacher-paced',
  })) as { session: { id: string; joinCode: string } };
  await page.goto(`/teach/sessions/${view.session.id}`);
  await expect(page.getByText('Live updates on.')).toBeVisible();
  return { code: view.session.joinCode, sessionId: view.session.id };
}

const card = (student: StudentPages): Locator =>
  student.page.getByRole('region', { name: statementsItem.question });

/**
 * Votes through the lesson's six statements as a camp would: camp A agrees with the first
 * three and disagrees with the next two, camp B the other way round; both agree with the last.
 */
async function voteAsCamp(student: StudentPages, camp: 'A' | 'B') {
  const statements = card(student);
  for (let turn = 1; turn <= CAMP_STATEMENTS.length; turn += 1) {
    const offered = statements.getByRole('group');
    await expect(offered).toContainText(`(${turn} of ${CAMP_STATEMENTS.length})`);
    const text = (await offered.textContent()) ?? '';
    const index = CAMP_STATEMENTS.findIndex((s) => text.includes(s.text));
    expect(index, text).toBeGreaterThanOrEqual(0);
    const agrees = index === 5 || index < 3 === (camp === 'A');
    const button = offered.getByRole('button', {
      name: agrees ? 'Agree' : 'Disagree',
      exact: true,
    });
    // Camp B votes by keyboard alone.
    if (camp === 'B') await button.press('Enter');
    else await button.click();
  }
  await expect(statements).toContainText(
    `You have voted on all ${CAMP_STATEMENTS.length} statements`,
  );
}

test('eight students in two camps: approval, votes, the teacher’s map, each student’s group', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(240_000);
  const { page } = teacher;
  const { code, sessionId } = await startStatementsSession(page);
  const campA = ['Ada', 'Ben', 'Cy', 'Dee'];
  const campB = ['Eve', 'Fox', 'Gil', 'Hal'];
  const students: StudentPages[] = [];
  for (const name of [...campA, ...campB]) {
    const student = await newStudent();
    await student.join(code, name);
    students.push(student);
  }
  await teacher.expectStudents([...campA, ...campB]);
  await teacher.openItem(statementsItem);
  const [ada, ben] = students as [StudentPages, StudentPages];

  // Ada writes a statement: it waits for the teacher, and no classmate is offered it yet.
  const own = 'The article never asks what Iraqis wanted.';
  const form = card(ada).getByRole('form', { name: 'Write a statement' });
  await form.getByLabel('Your own statement (one line)').fill(own);
  await form.getByRole('button', { name: 'Add my statement' }).click();
  await expect(form.getByRole('listitem')).toContainText(
    `“${own}” Waiting for your teacher’s approval`,
  );
  const panel = page.getByRole('region', { name: statementsItem.question });
  const waiting = panel.getByRole('list', { name: 'Statements waiting for approval' });
  await expect(waiting).toContainText(`“${own}” by Ada`);

  for (const [i, student] of students.entries()) await voteAsCamp(student, i < 4 ? 'A' : 'B');
  await expect(card(ben)).not.toContainText(own);

  // Approved, it reaches Ben's page at once, and he can vote on it.
  await waiting.getByRole('button', { name: /^Approve/ }).click();
  await expect(waiting).toBeHidden();
  const offered = card(ben).getByRole('group');
  await expect(offered).toContainText(own);
  await expect(card(ada).getByRole('group')).toBeHidden();
  await offered.getByRole('button', { name: 'Pass / unsure' }).click();
  await expect(card(ben)).toContainText('You have voted on all 7 statements');

  // The teacher's map: two groups with the right students, and what every group agrees on.
  const groups = panel.getByRole('table', { name: 'Groups of the opinion map' });
  await expect(groups.getByRole('row')).toHaveCount(3);
  const rowOf = (name: string) => groups.getByRole('row').filter({ hasText: name });
  await expect(rowOf('Ada')).toContainText(`4: ${campA.join(', ')}`);
  await expect(rowOf('Eve')).toContainText(`4: ${campB.join(', ')}`);
  await expect(
    panel.getByRole('list', { name: 'Statements every group agrees with' }),
  ).toContainText(CAMP_STATEMENTS[5].text);
  await expect(
    panel.getByRole('img', { name: /^Opinion map: 8 students in 2 groups/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Each student sees their group, and what it agrees on, without a reload.
  const adaGroup = ((await rowOf('Ada').getByRole('rowheader').textContent()) ?? '').trim();
  await expect(card(ada)).toContainText(`You are in ${adaGroup.replace('Group', 'group')}`);
  await expect(card(ada)).toContainText(`agrees with “${CAMP_STATEMENTS[0].text}”`);
  await expect(card(ada)).toContainText(`Every group agrees:“${CAMP_STATEMENTS[5].text}”`);
  await expectNoAxeViolations(ada.page);
  // At a phone's width the card fits: nothing scrolls sideways.
  await ada.page.setViewportSize({ width: 320, height: 800 });
  await expect(card(ada)).toContainText('You are in group');
  expect(
    await ada.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);

  // The classroom screen shows the map and the groups, and no student's name.
  const projector = await page.context().newPage();
  await projector.goto(`/teach/sessions/${sessionId}/projector`);
  const onScreen = projector.getByRole('region', {
    name: `Opinion map: ${statementsItem.question}`,
  });
  await expect(onScreen.getByRole('table', { name: 'Groups of the opinion map' })).toBeVisible();
  await expect(onScreen).not.toContainText('Ada');
});

test('by keyboard alone: the lesson’s statements are named the teacher’s, and the last vote leaves the focus on the card', async ({
  teacher,
  newStudent,
}) => {
  const { code } = await startStatementsSession(teacher.page);
  const kay = await newStudent();
  await kay.join(code, 'Kay');
  await teacher.openItem(statementsItem);
  const statements = card(kay);
  const total = CAMP_STATEMENTS.length;
  for (let turn = 1; turn <= total; turn += 1) {
    const offered = statements.getByRole('group');
    // Every statement here is the lesson's own: no classmate wrote it.
    await expect(offered).toContainText(`Your teacher’s statement (${turn} of ${total})`);
    const agree = offered.getByRole('button', { name: 'Agree', exact: true });
    if (turn === 1) await agree.focus();
    await expect(agree).toBeFocused();
    await kay.page.keyboard.press(turn % 2 === 0 ? 'Space' : 'Enter');
    if (turn < total) await expect(offered).toContainText(`(${turn + 1} of ${total})`);
  }
  // The buttons are gone; the focus is on what replaced them, not back at the page's start.
  const done = statements.getByText(`You have voted on all ${total} statements`);
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
});

/** A classmate on no page at all: joined by the API, voting by it, with their own cookies. */
async function classmateByApi(
  baseURL: string,
  code: string,
  name: string,
): Promise<APIRequestContext> {
  const request = await apiRequest.newContext({ baseURL });
  const { token } = (await (await request.get('/api/csrf')).json()) as { token: string };
  const joined = await request.post('/api/join', {
    data: { code, displayName: name },
    headers: { 'x-csrf-token': token },
  });
  expect(joined.status(), await joined.text()).toBe(201);
  return request;
}

/** Camp A agrees with the first three and the last statement, camp B with the others and the last. */
const campAgrees = (camp: 'A' | 'B', index: number) =>
  index === CAMP_STATEMENTS.length - 1 || index < 3 === (camp === 'A');

test('a student reading at a steady pace while classmates vote: every vote lands on the statement read', async ({
  teacher,
  newStudent,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { page } = teacher;
  const made = (await teacherApi(page, 'POST', '/api/lessons', { draft: statementsLesson() })) as {
    summary: { lessonId: string };
  };
  await teacherApi(page, 'POST', `/api/lessons/${made.summary.lessonId}/publish`);
  const started = (await teacherApi(page, 'POST', '/api/sessions', {
    lessonId: made.summary.lessonId,
    mode: 'teacher-paced',
  })) as { session: { id: string; joinCode: string } };
  const { id: sessionId, joinCode: code } = started.session;
  await page.goto(`/teach/sessions/${sessionId}`);
  await expect(page.getByText('Live updates on.')).toBeVisible();

  const ada = await newStudent();
  await ada.join(code, 'Ada');
  const camps = { Ben: 'A', Cy: 'A', Dee: 'A', Eve: 'B', Fox: 'B', Gil: 'B' } as const;
  const classmates = await Promise.all(
    Object.keys(camps).map((name) => classmateByApi(baseURL ?? '', code, name)),
  );
  await teacher.openItem(statementsItem);

  const base = `/api/sessions/${sessionId}/statements/${statementsItem.id}`;
  /** Each classmate votes through the statements one every 1.2 s, their order the server's. */
  const classmatesVote = Promise.all(
    Object.values(camps).map(async (camp, i) => {
      const request = classmates[i]!;
      const { token } = (await (await request.get('/api/csrf')).json()) as { token: string };
      type View = { next: { id: string; text: string } | null };
      let view = (await (await request.get(`${base}/mine`)).json()) as View;
      while (view.next) {
        await new Promise((resolve) => setTimeout(resolve, 800 + 400 * Math.random()));
        const index = CAMP_STATEMENTS.findIndex((s) => s.text === view.next?.text);
        const voted = await request.put(`${base}/votes/${view.next.id}`, {
          data: { vote: campAgrees(camp, index) ? 'agree' : 'disagree' },
          headers: { 'x-csrf-token': token },
        });
        expect(voted.status(), await voted.text()).toBe(200);
        view = (await voted.json()) as View;
      }
    }),
  );

  // Ada reads each statement for 1.5 s (the pace of the pauses that found the swaps), then
  // votes as camp A would on the statement she read.
  const offered = card(ada).getByRole('group');
  const swaps: string[] = [];
  for (let turn = 1; turn <= CAMP_STATEMENTS.length; turn += 1) {
    // The lesson's statements are the teacher's, not a classmate's.
    await expect(offered).toContainText(
      `Your teacher’s statement (${turn} of ${CAMP_STATEMENTS.length})`,
    );
    const read = (await offered.getByRole('paragraph').nth(1).textContent()) ?? '';
    const index = CAMP_STATEMENTS.findIndex((s) => s.text === read);
    expect(index, read).toBeGreaterThanOrEqual(0);
    // Reading takes time: the pause is what this test is about, not a wait for the page.
    await ada.page.waitForTimeout(1500);
    const shown = (await offered.getByRole('paragraph').nth(1).textContent()) ?? '';
    if (shown !== read) swaps.push(`read “${read}”, then shown “${shown}”`);
    await offered
      .getByRole('button', { name: campAgrees('A', index) ? 'Agree' : 'Disagree', exact: true })
      .click();
  }
  await expect(card(ada)).toContainText(
    `You have voted on all ${CAMP_STATEMENTS.length} statements`,
  );
  await classmatesVote;
  expect(swaps).toEqual([]);

  // Every statement's votes are what the seven cast: four of camp A (Ada among them), three of B.
  const tallies = (await (await page.request.get(base)).json()) as {
    statements: { text: string; agree: number; disagree: number }[];
  };
  for (const [index, { text }] of CAMP_STATEMENTS.entries()) {
    const agree = (campAgrees('A', index) ? 4 : 0) + (campAgrees('B', index) ? 3 : 0);
    expect(
      tallies.statements.find((s) => s.text === text),
      text,
    ).toMatchObject({
      agree,
      disagree: 7 - agree,
    });
  }
  await Promise.all(classmates.map((request) => request.dispose()));
});
