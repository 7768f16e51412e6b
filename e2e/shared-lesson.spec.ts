import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { ForecastItem, Lesson, PollItem, PromptItem } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { statementsItem, statementsLesson } from '../src/test-fixtures/lessons/statements-lesson';
import { test } from './support/fixtures';
import { expectKeptForOffline } from './support/offline';
import { teacherApi } from './support/teacher-api';
import { expectNoAxeViolations } from './support/page-checks';
import { SelfStudyPage } from './support/self-study-page';

/** The built-in lesson's self-study link: its id is its share key. */
const BUILT_IN = `/s/${soleimaniLesson.id}`;

const promptOf = (lesson: Lesson, sectionIndex: number): PromptItem => {
  const item = lesson.sections[sectionIndex]?.items.find((i) => i.kind === 'prompt');
  if (item?.kind !== 'prompt') throw new Error(`section ${sectionIndex} has no prompt`);
  return item;
};
const pollOf = (lesson: Lesson, sectionIndex: number): PollItem => {
  const item = lesson.sections[sectionIndex]?.items.find((i) => i.kind === 'poll');
  if (item?.kind !== 'poll') throw new Error(`section ${sectionIndex} has no poll`);
  return item;
};

test('a lesson opened by its link works offline after one visit, answers and all', async ({
  page,
  context,
}) => {
  const lesson = soleimaniLesson;
  const study = new SelfStudyPage(page, lesson);
  await page.goto(BUILT_IN);
  await expect(page.getByRole('heading', { level: 1, name: lesson.metadata.title })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectKeptForOffline(page, lesson.id);
  await page.getByRole('link', { name: 'Start self-study' }).click();
  await study.expectSection(lesson.sections[0]!);
  await expect(page).toHaveURL(`${BUILT_IN}/study/${lesson.sections[0]!.id}`);
  const prompt = promptOf(lesson, 0);
  await study.answer(prompt);

  await context.setOffline(true);
  await page.reload();
  await study.expectSection(lesson.sections[0]!);
  await study.expectAnswered(prompt);
  // Another section, opened offline by its address: the app shell and the kept lesson.
  const later = lesson.sections[4]!;
  await page.goto(`${BUILT_IN}/study/${later.id}`);
  await study.expectSection(later);
  const laterPrompt = promptOf(lesson, 4);
  await study.answer(laterPrompt);
  await page.goto(`${BUILT_IN}/review`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^2 of \d+ questions answered or skipped/)).toBeVisible();
});

test('a lesson never opened on this device says so when offline, and opens once back online', async ({
  page,
  context,
}) => {
  // A first visit to the app, on another page: the service worker has the app, not the lesson.
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.goto(BUILT_IN);
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('not saved on this device yet');
  await context.setOffline(false);
  await expect(
    page.getByRole('heading', { level: 1, name: soleimaniLesson.metadata.title }),
  ).toBeVisible();
});

test('the built-in lesson’s old addresses lead to its link’s pages', async ({ page }) => {
  const section = soleimaniLesson.sections[2]!;
  await page.goto(`/study/${section.id}`);
  await expect(page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
  await expect(page).toHaveURL(`${BUILT_IN}/study/${section.id}`);
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Your review' })).toBeVisible();
  await expect(page).toHaveURL(`${BUILT_IN}/review`);
  await page.goBack();
  await expect(page).toHaveURL(`${BUILT_IN}/study/${section.id}`);
});

test('work saved before lessons had links carries over to the built-in lesson', async ({
  page,
}) => {
  const lesson = soleimaniLesson;
  const prompt = promptOf(lesson, 0);
  const poll = pollOf(lesson, 0);
  await page.goto('/privacy');
  // As the app kept it before (version 2 of the saved work: no fingerprints).
  await page.evaluate(
    ({ lessonId, promptId, pollId, optionId, sectionId }) => {
      localStorage.setItem(
        'article-discussion:self-study',
        JSON.stringify({
          state: {
            workByLesson: {
              [lessonId]: {
                items: {
                  [promptId]: {
                    answer: { kind: 'prompt', text: 'Written before the upgrade.' },
                    isSkipped: false,
                    at: 1000,
                  },
                  [pollId]: {
                    answer: { kind: 'poll', optionIds: [optionId] },
                    isSkipped: false,
                    at: 1001,
                  },
                },
                lastSectionId: sectionId,
                lastSectionAt: 1002,
                startedAt: 900,
              },
            },
            startedOverAt: {},
          },
          version: 2,
        }),
      );
    },
    {
      lessonId: lesson.id,
      promptId: prompt.id,
      pollId: poll.id,
      optionId: poll.options[1]!.id,
      sectionId: lesson.sections[1]!.id,
    },
  );
  await page.goto('/');
  await expect(
    page.getByRole('link', { name: `Resume at section 2: ${lesson.sections[1]!.title}` }),
  ).toBeVisible();
  await page.goto(`${BUILT_IN}/study/${lesson.sections[0]!.id}`);
  const study = new SelfStudyPage(page, lesson);
  await expect(study.item(prompt.question).getByRole('textbox')).toHaveValue(
    'Written before the upgrade.',
  );
  await expect(
    study.item(poll.question).getByRole('radio', { name: poll.options[1]!.label, exact: true }),
  ).toBeChecked();
});

test('a teacher’s shared lesson works offline after one visit; a new version keeps the answers to unchanged questions, a withdrawn link opens nothing', async ({
  teacher,
  newDevice,
}) => {
  test.setTimeout(90_000);
  const file = await readFile('docs/examples/small-lesson.json', 'utf8');
  const v1 = JSON.parse(file) as Lesson;
  const { page: teacherPage } = teacher;
  await teacherPage.goto('/teach');
  const imported = (await teacherApi(teacherPage, 'POST', '/api/lessons/import', { file })) as {
    summary: { lessonId: string };
  };
  const { lessonId } = imported.summary;
  const shared = (await teacherApi(teacherPage, 'POST', `/api/lessons/${lessonId}/share`, {
    shared: true,
  })) as { shareKey: string | null };
  const shareKey = shared.shareKey;
  if (!shareKey) throw new Error('the lesson was not shared');

  const student = await newDevice();
  const study = new SelfStudyPage(student, v1);
  await student.goto(`/s/${shareKey}`);
  await expect(student.getByRole('heading', { level: 1, name: v1.metadata.title })).toBeVisible();
  await student.getByRole('link', { name: 'Start self-study' }).click();
  await study.expectSection(v1.sections[0]!);
  const prompt = promptOf(v1, 0);
  const poll = pollOf(v1, 0);
  await study.answer(prompt);
  await study.answer(poll);

  // The teacher's lesson, like the built-in one, keeps working offline after this one visit.
  await expectKeptForOffline(student, shareKey);
  await student.context().setOffline(true);
  await student.reload();
  await study.expectSection(v1.sections[0]!);
  await study.expectAnswered(prompt);
  await study.expectAnswered(poll);
  const second = v1.sections[1]!;
  await student.goto(`/s/${shareKey}/study/${second.id}`);
  await study.expectSection(second);
  const secondPrompt = promptOf(v1, 1);
  await study.answer(secondPrompt);
  await student.reload();
  await study.expectAnswered(secondPrompt);
  await student.context().setOffline(false);
  await student.goto(`/s/${shareKey}/study/${v1.sections[0]!.id}`);

  // Version 2 rewords the poll and leaves the prompt as it was.
  const v2 = structuredClone(v1);
  const changedPoll = pollOf(v2, 0);
  changedPoll.question = `${poll.question} (as the council counts them)`;
  await teacherApi(teacherPage, 'PUT', `/api/lessons/${lessonId}/draft`, { draft: v2 });
  await teacherApi(teacherPage, 'POST', `/api/lessons/${lessonId}/publish`, {});

  await student.reload();
  const studyV2 = new SelfStudyPage(student, v2);
  await studyV2.expectSection(v2.sections[0]!);
  await studyV2.expectAnswered(prompt);
  const changedRegion = studyV2.item(changedPoll.question);
  await expect(changedRegion).toBeVisible();
  for (const option of changedPoll.options) {
    await expect(
      changedRegion.getByRole('radio', { name: option.label, exact: true }),
    ).not.toBeChecked();
  }
  // The dropped answer is gone from the device too, not only from the page.
  const stored = await student.evaluate(() =>
    localStorage.getItem('article-discussion:self-study'),
  );
  expect(stored).toContain(prompt.id);
  expect(stored).not.toContain(poll.options[0]!.id);

  await teacherApi(teacherPage, 'POST', `/api/lessons/${lessonId}/share`, { shared: false });
  await student.reload();
  await expect(
    student.getByRole('heading', { level: 1, name: 'There is no lesson at this link' }),
  ).toBeVisible();
  await expectNoAxeViolations(student);
});

test('a lesson with class statements and a forecast not resolved yet publishes from the editor and opens in self-study', async ({
  teacher,
  newDevice,
}) => {
  test.setTimeout(90_000);
  const withStatements = statementsLesson();
  const forecast = soleimaniLesson.sections
    .flatMap((section) => section.items)
    .find((item): item is ForecastItem => item.kind === 'forecast');
  if (!forecast) throw new Error('the shipped lesson has no forecast');
  // "Not known yet" for every scenario: the editor writes no resolution.
  const waiting: ForecastItem = {
    ...forecast,
    scenarios: forecast.scenarios.map(({ resolution: _r, ...scenario }) => scenario),
  };
  const section = withStatements.sections[0]!;
  const lesson: Lesson = {
    ...withStatements,
    metadata: { ...withStatements.metadata, title: 'The strike, and what came next' },
    sections: [{ ...section, items: [...section.items, waiting] }],
  };
  const { page: teacherPage } = teacher;
  await teacherPage.goto('/teach');
  const created = (await teacherApi(teacherPage, 'POST', '/api/lessons', { draft: lesson })) as {
    summary: { lessonId: string };
  };
  const { lessonId } = created.summary;
  await teacherPage.goto(`/teach/lessons/${lessonId}`);
  await expect(
    teacherPage.getByRole('heading', { name: 'No problems: the lesson can be published' }),
  ).toBeVisible();
  await teacherPage.getByRole('button', { name: 'Publish' }).click();
  await expect(teacherPage.getByText('Version 1 published.')).toBeVisible();
  const shared = (await teacherApi(teacherPage, 'POST', `/api/lessons/${lessonId}/share`, {
    shared: true,
  })) as { shareKey: string | null };

  const student = await newDevice();
  const study = new SelfStudyPage(student, lesson);
  await student.goto(`/s/${shared.shareKey ?? ''}`);
  await expect(
    student.getByRole('heading', { level: 1, name: lesson.metadata.title }),
  ).toBeVisible();
  await student.getByRole('link', { name: 'Start self-study' }).click();
  await study.expectSection(lesson.sections[0]!);
  await expect(
    study.item(statementsItem.question).getByText(statementsItem.seedStatements[0]!.text),
  ).toBeVisible();
  await study.answer(waiting);
  await student.goto(`/s/${shared.shareKey ?? ''}/review`);
  const table = student.getByRole('table', { name: /^Your forecasts as of/ });
  await expect(table.getByRole('cell', { name: 'Not resolved yet' })).toHaveCount(
    waiting.scenarios.length,
  );
  await expect(
    student.getByText('What you forecast is not resolved yet, so there is no score.'),
  ).toBeVisible();
});
