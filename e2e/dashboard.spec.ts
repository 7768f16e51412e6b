import { readFile } from 'node:fs/promises';
import type { Answer } from '#domain/lesson/answers';
import { formatAnswerText } from '#domain/lesson/format-answer';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { parseCsv } from '#domain/reports/csv';
import { expect, test } from './support/fixtures';
import { DashboardPages, StudentDashboardPages } from './support/live-session-pages';
import { expectNoAxeViolations } from './support/page-checks';

function findItem<K extends Item['kind']>(kind: K, sectionIndex: number) {
  const item = lesson.sections[sectionIndex]?.items.find((i) => i.kind === kind);
  if (item?.kind !== kind) throw new Error(`section ${sectionIndex + 1} has no ${kind}`);
  return item as Extract<Item, { kind: K }>;
}

const firstSection = lesson.sections[0]!;
const poll = findItem('poll', 0);
const prompt = findItem('prompt', 0);
const forecastSectionIndex = lesson.sections.findIndex((s) =>
  s.items.some((i) => i.kind === 'forecast'),
);
const forecastSection = lesson.sections[forecastSectionIndex]!;
const forecast = findItem('forecast', forecastSectionIndex);

const brier = (percent: number, happened: boolean) => (percent / 100 - (happened ? 1 : 0)) ** 2;

test('a teacher follows four students live, moderates the wall, scores forecasts, exports and deletes', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(240_000);
  const dashboard = new DashboardPages(teacher.page, lesson);
  const code = await teacher.startSession('Teacher-paced');
  const sessionId = dashboard.sessionId();

  const names = ['Ada', 'Ben', 'Chen', 'Dana'] as const;
  const students = await Promise.all(names.map(() => newStudent()));
  const studentViews = students.map((student) => new StudentDashboardPages(student.page));
  for (const [i, student] of students.entries()) await student.join(code, names[i]!);
  await teacher.expectStudents(names);

  /** What each student answered, to compare with the export: student, item id, answer. */
  const given: { student: string; item: Item; answer: Answer }[] = [];

  // Each answer refetches the monitor's view, but never in a storm: count the fetches.
  const viewPath = `/api/sessions/${sessionId}`;
  let viewFetches = 0;
  teacher.page.on('request', (request) => {
    if (new URL(request.url()).pathname === viewPath) viewFetches += 1;
  });

  // The poll: the monitor's count and table follow each answer.
  await teacher.openItem(poll);
  await teacher.expectAnswered(poll, 0, 4);
  const choices = [poll.options[0]!, poll.options[1]!, poll.options[1]!, poll.options[2]!];
  const tally = new Map<string, number>();
  for (const [i, student] of students.entries()) {
    const option = choices[i]!;
    await student.chooseOption(poll, option.label);
    given.push({
      student: names[i]!,
      item: poll,
      answer: { kind: 'poll', optionIds: [option.id] },
    });
    tally.set(option.id, (tally.get(option.id) ?? 0) + 1);
    await teacher.expectAnswered(poll, i + 1, 4);
    await dashboard.expectResultCount(poll, option.label, tally.get(option.id) ?? 0);
  }
  for (const option of poll.options) {
    await dashboard.expectResultCount(poll, option.label, tally.get(option.id) ?? 0);
  }

  // The prompt: each response arrives on the teacher's wall.
  await teacher.openItem(prompt);
  const texts = names.map(
    (name) =>
      `${name} thinks the headline asks why the US killed Soleimani, answer ${name.length}.`,
  );
  for (const [i, student] of students.entries()) {
    await student.writeAnswer(prompt, texts[i]!);
    await student.expectSaved(prompt);
    given.push({ student: names[i]!, item: prompt, answer: { kind: 'prompt', text: texts[i]! } });
    await expect(dashboard.response(names[i]!)).toContainText(texts[i]!);
  }
  await teacher.expectAnswered(prompt, 4, 4);
  console.log(`The monitor fetched its view ${viewFetches} times for 8 answers.`);
  expect(viewFetches).toBeLessThanOrEqual(8 * 3);

  // Revealed: the class sees the wall.
  await teacher.revealResults(prompt);
  const [ada, ben, chen, dana] = studentViews as [
    StudentDashboardPages,
    StudentDashboardPages,
    StudentDashboardPages,
    StudentDashboardPages,
  ];
  for (const view of [ada, ben, chen, dana]) {
    for (const text of texts) await expect(view.classWall()).toContainText(text);
  }

  // Hidden: gone from the students' wall; its author is told, not left to find it gone.
  await dashboard.hideResponse('Ben');
  for (const view of [ada, chen, dana]) {
    await expect(view.classWall().getByText(texts[1]!)).toBeHidden();
    await expect(view.classWall()).toContainText(texts[0]!);
  }
  await expect(ben.classWall().getByRole('listitem', { name: 'Your response' })).toContainText(
    'Hidden by your teacher: your classmates no longer see this response.',
  );

  // Spotlighted: on the projector, with the name only once names are shown.
  await dashboard.spotlightResponse('Chen');
  await expect(ada.classWall().getByText('Spotlighted by your teacher')).toBeVisible();
  const projector = await teacher.page.context().newPage();
  await projector.goto(`/teach/sessions/${sessionId}/projector`);
  await expect(
    projector.getByRole('heading', { level: 1, name: lesson.metadata.title }),
  ).toBeVisible();
  await expect(projector.getByText(`Now: ${firstSection.title}`)).toBeVisible();
  const spotlight = projector.getByRole('list', { name: 'Spotlighted responses' });
  await expect(spotlight).toContainText(texts[2]!);
  await expect(spotlight.getByText('Chen', { exact: true })).toBeHidden();
  await dashboard.setWallIdentity('Names');
  await expect(spotlight.getByText('Chen', { exact: true })).toBeVisible();
  await expect(ada.classWall().getByText('Chen', { exact: true })).toBeVisible();
  await expect(
    projector.getByRole('img', { name: `QR code to join session ${code}` }),
  ).toBeVisible();

  // Forecasts: each student's Brier scores follow from their numbers and the outcomes.
  for (const section of lesson.sections.slice(1, forecastSectionIndex + 1)) {
    await teacher.nextSection(section);
  }
  for (const student of students) await student.expectSection(forecastSection);
  await expect(projector.getByText(`Now: ${forecastSection.title}`)).toBeVisible();
  await teacher.openItem(forecast);
  const forecasts = names.map((_, i) =>
    Object.fromEntries(forecast.scenarios.map((s, j) => [s.id, (i * 23 + j * 17 + 5) % 101])),
  );
  for (const [i, view] of studentViews.entries()) {
    for (const scenario of forecast.scenarios) {
      await view.setForecast(forecast, scenario.statement, forecasts[i]![scenario.id]!);
    }
    await students[i]!.expectSaved(forecast);
    given.push({
      student: names[i]!,
      item: forecast,
      answer: { kind: 'forecast', probabilities: forecasts[i]! },
    });
  }
  await teacher.expectAnswered(forecast, 4, 4);
  // The spread chart: a strip per scenario, named by its statement and the class's marks.
  const spread = teacher.item(forecast).getByRole('figure', { name: 'Forecast spread' });
  await expect(spread.getByRole('img')).toHaveCount(forecast.scenarios.length);
  const firstScenario = forecast.scenarios[0]!;
  const firstMean = forecasts.reduce((sum, f) => sum + f[firstScenario.id]!, 0) / forecasts.length;
  await expect(
    spread.getByRole('img', {
      name: `${firstScenario.statement}: mean ${Math.round(firstMean)} %`,
    }),
  ).toBeVisible();
  // The teacher corrects one outcome before revealing.
  const corrected = forecast.scenarios[3]!;
  const outcomes = Object.fromEntries(
    forecast.scenarios.map((s) => [
      s.id,
      s.id === corrected.id ? !s.resolution?.happened : s.resolution?.happened,
    ]),
  );
  await dashboard.revealOutcomes(forecast, { [corrected.id]: outcomes[corrected.id]! });
  // The calibration: a chart for the eye, its table beside it, level with it.
  const calibrationTable = teacher.item(forecast).getByRole('table', { name: /^Calibration:/ });
  const calibrationChart = teacher.item(forecast).getByRole('img', { name: /^Calibration chart/ });
  await expect(calibrationTable).toBeVisible();
  await expect(calibrationChart).toBeVisible();
  await expect(calibrationChart).toHaveAccessibleDescription(
    /(over-confident|under-confident|about right) at \d+–\d+ %/i,
  );
  const [chartBox, tableBox] = await Promise.all([
    calibrationChart.boundingBox(),
    calibrationTable.boundingBox(),
  ]);
  expect(chartBox!.x + chartBox!.width).toBeLessThanOrEqual(tableBox!.x);
  expect(chartBox!.y).toBeLessThan(tableBox!.y + tableBox!.height);
  await expectNoAxeViolations(teacher.page);
  await expect(projector.getByRole('img', { name: /^Calibration chart/ })).toBeVisible();
  for (const [i, view] of studentViews.entries()) {
    const scores = forecast.scenarios.map((s) => brier(forecasts[i]![s.id]!, outcomes[s.id]!));
    for (const [j, scenario] of forecast.scenarios.entries()) {
      await expect(view.scoreRow(forecast, scenario.statement)).toContainText(
        scores[j]!.toFixed(3),
      );
    }
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    await expect(
      students[i]!.item(forecast).getByText(`Your mean Brier score: ${mean.toFixed(3)}`),
    ).toBeVisible();
  }

  // The dashboard home counts the students and the answers.
  await teacher.page.getByRole('link', { name: 'Your sessions' }).click();
  const row = teacher.page
    .getByRole('table', { name: /^Open sessions/ })
    .getByRole('row')
    .filter({ hasText: code });
  await expect(row.getByRole('cell').nth(3)).toHaveText('4');
  await expect(row.getByRole('cell').nth(4)).toHaveText(String(given.length));

  // The export holds exactly the answers given.
  await row.getByRole('link', { name: `Report session ${code}` }).click();
  await expect(
    teacher.page.getByRole('heading', { level: 1, name: `Report: ${lesson.metadata.title}` }),
  ).toBeVisible();
  // The session pinned the built-in lesson's first version (a fresh server's).
  await expect(teacher.page.getByText('Lesson version 1', { exact: true })).toBeVisible();
  const downloadPromise = teacher.page.waitForEvent('download');
  await teacher.page.getByRole('link', { name: 'Download answers (CSV)' }).click();
  const download = await downloadPromise;
  const csv = parseCsv(await readFile(await download.path(), 'utf8'));
  const header = csv[0]!;
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index === -1) throw new Error(`no column ${name} in ${header.join(',')}`);
    return index;
  };
  const [studentColumn, itemColumn, answerColumn] = ['student', 'item_id', 'answer'].map(column);
  const exported = csv
    .slice(1)
    .map((r) => [r[studentColumn!], r[itemColumn!], r[answerColumn!]].join(' | '))
    .sort();
  const expected = given
    .map((g) => [g.student, g.item.id, formatAnswerText(g.item, g.answer)].join(' | '))
    .sort();
  expect(exported).toEqual(expected);

  // One student's transcript, question by question.
  await teacher.page.getByRole('combobox', { name: 'Student' }).selectOption({ label: 'Dana' });
  await expect(teacher.page.getByRole('heading', { name: 'Dana: 3 answers' })).toBeVisible();
  const transcript = teacher.page.getByRole('region', { name: 'One student’s answers' });
  await expect(transcript).toContainText(prompt.question);
  await expect(transcript).toContainText(texts[3]!);
  await expect(transcript).toContainText(choices[3]!.label);

  // Deleting the session removes it and its data.
  await teacher.page.getByRole('button', { name: 'Delete this session' }).click();
  const dialog = teacher.page.getByRole('dialog', { name: 'Delete this session?' });
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(teacher.page).toHaveURL(/\/teach$/);
  await expect(teacher.page.getByRole('status').filter({ hasText: 'were deleted' })).toBeVisible();
  await expect(teacher.page.getByText(code, { exact: true })).toBeHidden();
  const gone = await teacher.page.request.get(`/api/sessions/${sessionId}`);
  expect(gone.status()).toBe(404);
});

test('the dashboard home, the monitor and the projector have no serious axe violations', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const dashboard = new DashboardPages(teacher.page, lesson);
  const code = await teacher.startSession('Teacher-paced');
  const sessionId = dashboard.sessionId();
  const student = await newStudent();
  await student.join(code, 'Eve');

  await teacher.openItem(poll);
  await teacher.openItem(prompt);
  await student.chooseOption(poll, poll.options[0]!.label);
  await student.writeAnswer(prompt, 'The headline asks why; the subtitle says both misread.');
  await student.expectSaved(prompt);
  await teacher.revealResults(poll);
  await expect(dashboard.response('Eve')).toBeVisible();
  await dashboard.spotlightResponse('Eve');
  await expectNoAxeViolations(teacher.page);

  const projector = await teacher.page.context().newPage();
  await projector.goto(`/teach/sessions/${sessionId}/projector`);
  await expect(projector.getByRole('table', { name: /^Class results/ })).toBeVisible();
  await expect(projector.getByRole('list', { name: 'Spotlighted responses' })).toBeVisible();
  await expectNoAxeViolations(projector);

  await teacher.page.goto('/teach');
  await expect(teacher.page.getByRole('table', { name: /^Open sessions/ })).toBeVisible();
  await expectNoAxeViolations(teacher.page);
});

test('answer first: a student sees the class wall of a revealed prompt once they have answered it', async ({
  teacher,
  newStudent,
}) => {
  const code = await teacher.startSession('Teacher-paced');
  const [ada, ben] = [await newStudent(), await newStudent()];
  await ada.join(code, 'Ada');
  await ben.join(code, 'Ben');
  await teacher.expectStudents(['Ada', 'Ben']);
  await teacher.openItem(prompt);
  const adaText = 'Ada thinks the headline asks why the strike came when it did.';
  await ada.writeAnswer(prompt, adaText);
  await ada.expectSaved(prompt);
  await teacher.revealResults(prompt);

  const adaWall = new StudentDashboardPages(ada.page).classWall();
  const benWall = new StudentDashboardPages(ben.page).classWall();
  await expect(adaWall).toContainText(adaText);
  // Ben has not answered: the wall names the question, and none of the class's words.
  await expect(benWall.getByRole('heading', { name: prompt.question })).toBeVisible();
  await expect(benWall).toContainText('Answer this question to see what your classmates wrote.');
  await expect(benWall.getByText(adaText)).toBeHidden();

  // Once he answers, the wall opens on his page, without a reload.
  await ben.writeAnswer(prompt, 'Ben reads the headline as a question about deterrence.');
  await ben.expectSaved(prompt);
  await expect(benWall).toContainText(adaText);
  await expect(benWall).not.toContainText('Answer this question to see');
});
