import type { Locator, Page } from '@playwright/test';
import { utcDayOf } from '#domain/forecasting/days';
import { getItemQuestion } from '#domain/lesson/item-question';
import { forecastField } from './support/forecast-inputs';
import { futureForecastLesson } from './support/forecast-lesson';
import { ForecastServer } from './support/forecast-server';
import { expect, test } from './support/fixtures';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';
import { teacherApi } from './support/teacher-api';

/*
 * Forecasts that live past the lesson (issue 26), on a server of this spec's own: a student
 * forecasts in class; the session ends; three (simulated) days later, on another device, they
 * come back with the join code, their name and their rejoin code and update with a reason,
 * keyboard only; the teacher resolves; both see the score.
 */

// Beside the suite's own server (E2E_PORT), on a data directory this spec restarts it on.
const server = new ForecastServer(Number(process.env.E2E_PORT ?? 4173) + 10);
test.use({ baseURL: server.baseURL });
test.beforeAll(async () => {
  await server.start(0);
});
test.afterAll(async () => {
  await server.dispose();
});

/*
 * The score the student and the teacher must see, by hand. The question opens on day 0 and the
 * teacher resolves it on day 3, so days 0-3 are scored (N = 4). One student, so the class
 * median is her own forecast. Strike: 40 % on days 0-2, 65 % on day 3, and it happened:
 * (3 × 0.6² + 0.35²) / 4 = 0.300625. Talks: 70 % then 20 %, and it did not:
 * (3 × 0.7² + 0.2²) / 4 = 0.3775. The question's Brier is their mean, 0.3390625.
 * Log score: strike (3 × −ln 0.40 − ln 0.65) / 4 = 0.794914; talks (3 × −ln 0.30 − ln 0.80) / 4
 * = 0.958765; mean 0.876840.
 */
const EXPECTED_BRIER = '0.339';
const EXPECTED_LOG = '0.877';

/** Presses Tab until `target` has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let press = 0; press < most; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Replaces a focused field's text by typing, as a keyboard user does. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('a forecast lives past the lesson: updated days later with a reason, resolved, scored', async ({
  teacher,
  newDevice,
  newStudent,
}) => {
  test.setTimeout(240_000);
  const { lesson, item } = futureForecastLesson(utcDayOf(new Date()));
  const [strike, talks] = item.scenarios;
  if (!strike || !talks) throw new Error('the lesson has two scenarios');

  // Day 0, in class: the teacher's self-paced session of a forecast a month ahead.
  const made = (await teacherApi(teacher.page, 'POST', '/api/lessons', { draft: lesson })) as {
    summary: { lessonId: string };
  };
  await teacherApi(teacher.page, 'POST', `/api/lessons/${made.summary.lessonId}/publish`);
  const view = (await teacherApi(teacher.page, 'POST', '/api/sessions', {
    lessonId: made.summary.lessonId,
    mode: 'self-paced',
  })) as { session: { id: string; joinCode: string } };
  const { id: sessionId, joinCode } = view.session;

  const inClass = await newStudent();
  const student = new StudentPages(inClass.page, lesson);
  await student.join(joinCode, 'Ana');
  const card = student.item(item);
  await expect(card).toBeVisible();
  await forecastField(card, strike.statement).fill('40');
  await forecastField(card, talks.statement).fill('70');
  await student.expectSaved(item);
  const rejoinText = (await inClass.page.getByText(/^Your rejoin code:/).textContent()) ?? '';
  const rejoinCode = /Your rejoin code:\s*([A-Z0-9]+)/.exec(rejoinText)?.[1];
  if (!rejoinCode) throw new Error(`no rejoin code in "${rejoinText}"`);
  await expect(
    inClass.page.getByRole('link', { name: 'Your forecasts and scores', exact: true }),
  ).toBeVisible();

  const teacherPages = new TeacherPages(teacher.page, lesson);
  await teacher.page.goto(`/teach/sessions/${sessionId}`);
  await teacherPages.endSession();
  await expect(
    inClass.page.getByRole('link', { name: 'your forecasts and scores', exact: true }),
  ).toBeVisible();

  // Three days later (the server's clock moved on), on another device. The class's pages close
  // first: the server waits for open event streams as it stops.
  await inClass.page.context().close();
  await teacher.page.goto('about:blank');
  await server.stop();
  await server.start(3);
  const page = await newDevice();
  await page.goto('/forecasts');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Come back to your forecasts' }),
  ).toBeVisible();
  await tabTo(page, page.getByLabel('Join code', { exact: true }));
  await page.keyboard.type(joinCode);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Tab');
  await page.keyboard.type(rejoinCode);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/forecasts/${sessionId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Your forecasts' })).toBeVisible();
  await expect(page.getByText(/Your rejoin code is now/)).toBeVisible();

  const question = page.getByRole('article', { name: getItemQuestion(item) });
  await expect(question.getByText('Open', { exact: true })).toBeVisible();
  const inClassRow = question.getByRole('table', { name: `Your forecasts: ${strike.statement}` });
  await expect(inClassRow.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page);

  // The update, keyboard only: an update without a reason is refused beside its field.
  await tabTo(page, forecastField(question, strike.statement));
  await typeOver(page, '65');
  await tabTo(page, forecastField(question, talks.statement));
  await typeOver(page, '20');
  const reason = question.getByRole('textbox', { name: 'Why are you changing it? (one line)' });
  await tabTo(page, reason);
  await page.keyboard.press('Enter');
  await expect(
    question.getByText('Say in one line why you are changing your forecast.'),
  ).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Talks were called off after the new strike');
  await page.keyboard.press('Enter');
  const history = question.getByRole('table', { name: `Your forecasts: ${strike.statement}` });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('Talks were called off after the new strike');
  await expect(history).toContainText('65 %');

  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The teacher resolves on day 3: the strike happened, the talks did not.
  await teacher.page.goto(`/teach/sessions/${sessionId}/forecasts`);
  const teacherQuestion = teacher.page.getByRole('article', { name: getItemQuestion(item) });
  await expect(teacherQuestion).toBeVisible();
  await expectNoAxeViolations(teacher.page);
  await teacherQuestion.getByText('Resolve this question', { exact: true }).click();
  const resolveStrike = teacherQuestion.getByRole('group', { name: strike.statement });
  await resolveStrike.getByRole('radio', { name: 'Happened' }).check();
  await resolveStrike.getByLabel('Source link').fill('https://example.org/strike');
  const resolveTalks = teacherQuestion.getByRole('group', { name: talks.statement });
  await resolveTalks.getByRole('radio', { name: 'Did not happen' }).check();
  await resolveTalks.getByLabel('Source link').fill('https://example.org/talks');
  await teacherQuestion.getByRole('button', { name: 'Resolve', exact: true }).click();
  await teacher.page
    .getByRole('dialog', { name: 'Resolve this question?' })
    .getByRole('button', { name: 'Resolve' })
    .click();

  // The student's open page follows, live; the teacher's shows the same score.
  await expect(question.getByText('Resolved', { exact: true })).toBeVisible();
  await expect(question).toContainText(
    `Your time-weighted Brier score: ${EXPECTED_BRIER}; log score: ${EXPECTED_LOG}.`,
  );
  const row = teacherQuestion.getByRole('row', { name: /^Ana / });
  await expect(row).toContainText(EXPECTED_BRIER);
  await expect(row).toContainText(EXPECTED_LOG);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);

  // The teacher groups the session into a class: the class's page shows its questions.
  await teacher.page.getByLabel('New class name').fill('Period 3');
  await teacher.page
    .getByRole('button', { name: 'Create class and put this session in it' })
    .click();
  await teacher.page.getByRole('link', { name: 'the class’s forecasts' }).click();
  await expect(
    teacher.page.getByRole('heading', { level: 1, name: 'Forecasts: Period 3' }),
  ).toBeVisible();
  await expect(
    teacher.page.getByRole('article', { name: getItemQuestion(item) }).getByRole('row', {
      name: /^Ana /,
    }),
  ).toContainText(EXPECTED_BRIER);
});
