import { expect } from '@playwright/test';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { readingLevel } from '#domain/lesson/reading-level';
import { test } from './support/fixtures';
import { teacherApi } from './support/teacher-api';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/** One section of the built-in lesson, as the app would draft it: its parts marked drafted. */
function draftedLesson(): Lesson {
  const section = structuredClone(soleimaniLesson.sections[3]!);
  const items = section.items.map((item) => {
    if (item.kind === 'prompt') return { ...item, drafted: 'A question on the section' };
    if (item.kind !== 'claimCheck') return item;
    return {
      ...item,
      drafted: 'Sentences with a cue',
      claims: item.claims.map((claim, c) =>
        c === 1 ? { ...claim, drafted: 'Fact: a reported event ("was surprised")' } : claim,
      ),
    };
  });
  return {
    ...soleimaniLesson,
    id: 'drafted-misperception',
    metadata: {
      ...soleimaniLesson.metadata,
      title: 'The misperception, drafted',
      drafted: 'Details read from the article',
    },
    sections: [{ ...section, drafted: 'One section: the article had no headings', items }],
    glossary: [],
  };
}

test('a teacher reviews a drafted lesson: accepts by keyboard, edits, accepts the rest, publishes', async ({
  teacher,
}) => {
  test.setTimeout(90_000);
  const { page } = teacher;
  await page.goto('/teach');
  const created = (await teacherApi(page, 'POST', '/api/lessons', { draft: draftedLesson() })) as {
    summary: { lessonId: string };
  };
  await page.goto(`/teach/lessons/${created.summary.lessonId}`);
  // The article's grade level comes with the lesson, read by the server.
  const text = draftedLesson().sections[0]!.paragraphs.map((p) => p.text);
  const { grade } = readingLevel(text.join('\n'));
  await expect(page.getByText(`Reading level (as saved)Grade ${grade.toFixed(1)}`)).toBeVisible();

  // Six drafted parts: the details, the section, two prompts, the claim check and one claim.
  await expect(page.getByText('Drafted', { exact: true })).toHaveCount(6);
  const problems = page.getByRole('region', { name: /to fix before publishing/ });
  await expect(problems.getByRole('heading')).toHaveText('6 problems to fix before publishing');
  await expect(problems.getByRole('listitem')).toHaveText([
    'The lesson’s details: is drafted and not yet reviewed: edit it or accept it.',
    'Section 1: is drafted and not yet reviewed: edit it or accept it.',
    'Section 1, item 1: is drafted and not yet reviewed: edit it or accept it.',
    'Section 1, item 4: is drafted and not yet reviewed: edit it or accept it.',
    'Section 1, item 4, claim 2: is drafted and not yet reviewed: edit it or accept it.',
    'Section 1, item 5: is drafted and not yet reviewed: edit it or accept it.',
  ]);
  await expect(page.getByText('Fact: a reported event ("was surprised")')).toBeVisible();
  await expectNoAxeViolations(page);
  // The marks fit a 320 px phone.
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The problem's link leads to the claim's Accept button; the keyboard accepts it.
  await problems.getByRole('link', { name: 'Section 1, item 4, claim 2' }).click();
  const acceptClaim = page.getByRole('button', {
    name: 'Accept drafted claim 2 of item 4, section 1',
  });
  await expect(acceptClaim).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(acceptClaim).toHaveCount(0);
  await expect(page.getByText('Fact: a reported event ("was surprised")')).toHaveCount(0);
  await expect(problems.getByRole('heading')).toHaveText('5 problems to fix before publishing');

  // Editing a field of a drafted part reviews it.
  const firstPrompt = page.getByRole('button', { name: 'Accept drafted item 1 of section 1' });
  await expect(firstPrompt).toBeVisible();
  const section = page.getByRole('region', { name: /^Section 1: / });
  await section
    .getByLabel('Question', { exact: true })
    .first()
    .fill('What chain of events does the author describe?');
  await expect(firstPrompt).toHaveCount(0);
  await expect(problems.getByRole('heading')).toHaveText('4 problems to fix before publishing');

  // The language is checked like any field.
  const language = page.getByLabel('Language of the article');
  await expect(language).toHaveValue('en');
  await page.getByRole('button', { name: 'Accept drafted details of the article' }).click();
  await language.fill('English');
  await language.press('Tab');
  await expect(language).toHaveAccessibleDescription(/must be a BCP 47 language tag/);
  await language.fill('en');

  // The rest of the section at once.
  await page.getByRole('button', { name: 'Accept all drafted parts of section 1 (3)' }).click();
  await expect(page.getByText('Drafted', { exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('heading', { name: 'No problems: the lesson can be published' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Version 1 published.')).toBeVisible();
});
