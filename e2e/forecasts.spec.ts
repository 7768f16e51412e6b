import type { Locator, Page } from '@playwright/test';
import { forecastField } from './support/forecast-inputs';
import { startFutureForecastSession } from './support/forecast-lesson';
import { forecastQuestion, resolveQuestion } from './support/forecast-pages';
import { ForecastServer } from './support/forecast-server';
import { expect, test } from './support/fixtures';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/*
 * Forecasts that live past the lesson (issue 26), on a server of this spec's own: a student
 * forecasts in class; the session ends; three (simulated) days later, on another device, they
 * come back with the join code, their name and their rejoin code and update with a reason,
 * keyboard only; the teacher resolves; both see the score.
 */

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

/**
 * A server of the test's own, beside the suite's (E2E_PORT): one port per parallel worker, a
 * fresh data directory for each run, its clock starting at today. The test restarts it later.
 */
const testOnOwnServer = test.extend<{ forecastServer: ForecastServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  forecastServer: async ({}, use, testInfo) => {
    const server = new ForecastServer(
      Number(process.env.E2E_PORT ?? 4173) + 10 + testInfo.parallelIndex,
    );
    await server.start(0);
    await use(server);
    await server.dispose();
  },
  baseURL: async ({ forecastServer }, use) => {
    await use(forecastServer.baseURL);
  },
});

testOnOwnServer.describe('on a server of its own, restarted three simulated days later', () => {
  // Two server starts and two classes' worth of pages.
  testOnOwnServer.describe.configure({ timeout: 240_000 });
  testOnOwnServer(
    'a forecast lives past the lesson: updated days later with a reason, resolved, scored',
    async ({ forecastServer: server, teacher, newDevice, newStudent }) => {
      const { today, lesson, item, nextWeek, strike, talks, sessionId, joinCode } =
        await startFutureForecastSession(teacher.page);

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

      // The teacher closes the week's question today: three days later it waits to be resolved.
      await teacher.page.goto(`/teach/sessions/${sessionId}/forecasts`);
      const weekQuestion = forecastQuestion(teacher.page, nextWeek);
      await weekQuestion.getByLabel('Close date (UTC)').fill(today);
      await weekQuestion.getByRole('button', { name: 'Set close date' }).click();
      const todayInWords = new Date(`${today}T12:00:00Z`).toLocaleDateString('en-GB', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
      await expect(
        weekQuestion.getByText(`Open until the end of ${todayInWords} (UTC)`),
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

      const closed = page.getByRole('region', { name: 'Closed, waiting for the outcome' });
      await expect(forecastQuestion(closed, nextWeek)).toBeVisible();
      await expect(forecastQuestion(closed, nextWeek).getByRole('form')).toHaveCount(0);
      const question = forecastQuestion(page, item);
      await expect(question.getByText('Open', { exact: true })).toBeVisible();
      const inClassRow = question.getByRole('table', {
        name: `Your forecasts: ${strike.statement}`,
      });
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
      // Saved, the keyboard user is where they were, with the reason cleared for the next one.
      await expect(reason).toBeFocused();
      await expect(reason).toHaveValue('');

      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoSidewaysScroll(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      // The teacher's home lists the week's question, past its close date; the teacher resolves
      // the month's on day 3: the strike happened, the talks did not.
      await teacher.page.goto('/teach');
      const due = teacher.page.getByRole('region', { name: 'Forecasts to resolve (1)' });
      await due.getByRole('link', { name: nextWeek.question }).click();
      const teacherQuestion = forecastQuestion(teacher.page, item);
      await expect(teacherQuestion).toBeVisible();
      await expectNoAxeViolations(teacher.page);
      await resolveQuestion(teacher.page, item, [
        { statement: strike.statement, happened: true },
        { statement: talks.statement, happened: false },
      ]);

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

      // The week's question resolved too: its form closes, and the focus goes to its heading.
      await resolveQuestion(teacher.page, nextWeek, [
        { statement: nextWeek.scenarios[0]?.statement ?? '', happened: false },
      ]);
      await expect(
        forecastQuestion(teacher.page, nextWeek).getByRole('heading', { level: 3 }),
      ).toBeFocused();

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
        forecastQuestion(teacher.page, item).getByRole('row', {
          name: /^Ana /,
        }),
      ).toContainText(EXPECTED_BRIER);
    },
  );
});

/*
 * Resolved the day it opened, so one day is scored: Ana gave the strike 80 % and the talks
 * 10 %: ((0.8 − 1)² + 0.1²) / 2 = 0.025. Ben gave 40 % and 60 %: (0.36 + 0.36) / 2 = 0.36.
 * Their team's forecast is their median, 60 % and 35 %: (0.16 + 0.1225) / 2 = 0.14125.
 */
test('a team, the leaderboard by pseudonym and calibration on the forecasts pages', async ({
  teacher,
  newStudent,
}) => {
  const { lesson, item, strike, talks, sessionId, joinCode } = await startFutureForecastSession(
    teacher.page,
  );
  const forecastInClass = async (name: string, percents: readonly [string, string]) => {
    const student = await newStudent();
    const pages = new StudentPages(student.page, lesson);
    await pages.join(joinCode, name);
    await forecastField(pages.item(item), strike.statement).fill(percents[0]);
    await forecastField(pages.item(item), talks.statement).fill(percents[1]);
    await pages.expectSaved(item);
    return student.page;
  };
  const ana = await forecastInClass('Ana', ['80', '10']);
  await forecastInClass('Ben', ['40', '60']);

  // The teacher makes a team of both and turns the leaderboard on, by pseudonym.
  await teacher.page.goto(`/teach/sessions/${sessionId}/forecasts`);
  await teacher.page.getByText('Edit teams', { exact: true }).click();
  await teacher.page.getByRole('button', { name: 'Add a team' }).click();
  await teacher.page.getByLabel('Team 1 name').fill('Owls');
  await teacher.page.getByRole('combobox', { name: /^Ana:/ }).selectOption('Owls');
  await teacher.page.getByRole('combobox', { name: /^Ben:/ }).selectOption('Owls');
  await teacher.page.getByRole('button', { name: 'Save teams' }).click();
  const teams = teacher.page.getByRole('table', { name: 'Teams and their scores' });
  await expect(teams.getByRole('row', { name: /^Owls / })).toContainText('Ana, Ben');
  await teacher.page
    .getByRole('combobox', { name: 'Leaderboard' })
    .selectOption('On, by pseudonym');
  await teacher.page.getByRole('button', { name: 'Save leaderboard' }).click();

  // Ana sees her team and opts in to the leaderboard.
  await ana.goto(`/forecasts/${sessionId}`);
  await expect(ana.getByRole('heading', { level: 2, name: 'Your team: Owls' })).toBeVisible();
  await ana.getByRole('checkbox', { name: 'Show me on the class leaderboard' }).check();
  await expect(ana.getByText('Nobody on the leaderboard yet')).toBeVisible();

  await resolveQuestion(teacher.page, item, [
    { statement: strike.statement, happened: true },
    { statement: talks.statement, happened: false },
  ]);
  await expect(teams.getByRole('row', { name: /^Owls / })).toContainText('0.141');

  // Ana's open page follows: her place on the leaderboard, not by name, and her calibration.
  const board = ana.getByRole('table', { name: 'Leaderboard' });
  await expect(board.getByRole('row', { name: /\(you\)/ })).toContainText('0.025');
  await expect(board).not.toContainText('Ana');
  await expect(board).not.toContainText('Ben');
  const calibration = ana.getByRole('table', { name: /^Calibration of your forecasts/ });
  await expect(calibration.getByRole('row', { name: /^80–90 %/ })).toContainText('1');
  await expect(calibration.getByRole('row', { name: /^10–20 %/ })).toContainText('0');
  await expectNoAxeViolations(ana);
  await expectNoAxeViolations(teacher.page);
  await teacher.page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(teacher.page);
});
