import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { DashboardPages, StudentPages } from './support/live-session-pages';
import { LessonLibraryPages } from './support/lesson-library-pages';
import { expectNoAxeViolations } from './support/page-checks';
import { teacherApi } from './support/teacher-api';

/**
 * The WCAG criteria the accessibility statement listed as partial: 2.2.1 Timing Adjustable,
 * 2.2.2 Pause, Stop, Hide, and 3.1.1/3.1.2 Language of Page and of Parts.
 */

const prompt = lesson.sections[0]!.items.find(
  (i): i is Extract<Item, { kind: 'prompt' }> => i.kind === 'prompt',
)!;

test('2.2.1 Timing Adjustable: the teacher is warned of the idle end and keeps a session open', async ({
  teacher,
}) => {
  await teacher.startSession('Self-paced');
  const page = teacher.page;
  const keepOpen = page.getByRole('switch', { name: /^Keep open until I end it/ });
  await expect(
    page.getByText(/^Ends on its own at (\w{3} )?\d\d:\d\d if nobody uses it\.$/),
  ).toBeVisible();
  await expect(keepOpen).not.toBeChecked();

  // By keyboard: the switch is reached and turned on with Space.
  await keepOpen.focus();
  await page.keyboard.press('Space');
  await expect(keepOpen).toBeChecked();
  await expect(page.getByText('Kept open until you end it.')).toBeVisible();
  await expect(keepOpen).toBeEnabled();
  await expectNoAxeViolations(page);

  // Stored on the session: the teacher's home says so too, after a reload.
  await page.getByRole('link', { name: 'Your sessions' }).click();
  await page.reload();
  const open = page.getByRole('table', { name: /^Open sessions/ });
  await expect(open.getByRole('switch', { name: /^Keep open until I end it/ })).toBeChecked();
  await expect(open.getByText('Kept open until you end it.')).toBeVisible();

  // Turned off on the home page, the warning with its time is back.
  await open.getByRole('switch', { name: /^Keep open until I end it/ }).uncheck();
  await expect(
    open.getByText(/^Ends on its own at (\w{3} )?\d\d:\d\d if nobody uses it\.$/),
  ).toBeVisible();
});

test('2.2.2 Pause, Stop, Hide: a paused wall holds a new post until the teacher resumes', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const code = await teacher.startSession('Teacher-paced');
  const [ada, ben] = [await newStudent(), await newStudent()];
  await ada.join(code, 'Ada');
  await ben.join(code, 'Ben');
  await teacher.expectStudents(['Ada', 'Ben']);
  await teacher.openItem(prompt);
  await ada.writeAnswer(prompt, 'Deterrence had failed before.');
  await ada.expectSaved(prompt);

  const dashboard = new DashboardPages(teacher.page, lesson);
  await expect(dashboard.response('Ada')).toBeVisible();
  const wall = dashboard.wall();
  const pause = wall.getByRole('button', { name: 'Pause wall' });
  await pause.focus();
  await teacher.page.keyboard.press('Enter');
  const resume = wall.getByRole('button', { name: 'Resume wall' });
  await expect(resume).toBeFocused();
  await expect(wall.getByText('Paused: no new posts yet.')).toBeVisible();

  await ben.writeAnswer(prompt, 'It was about the election at home.');
  await ben.expectSaved(prompt);
  // The teacher's wall counts Ben's response but does not show it.
  await expect(wall.getByText('1 new post — Resume to show')).toBeVisible();
  await expect(dashboard.response('Ben')).toHaveCount(0);
  await expect(dashboard.response('Ada')).toBeVisible();
  await expectNoAxeViolations(teacher.page);

  await teacher.page.keyboard.press('Enter');
  await expect(dashboard.response('Ben')).toContainText('It was about the election at home.');
  await expect(wall.getByRole('button', { name: 'Pause wall' })).toBeFocused();
  await expect(wall.getByText(/new posts? — Resume to show/)).toHaveCount(0);
});

test('3.1.1 and 3.1.2 Language: a lesson in Canadian French marks the student’s and the projector’s pages', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const { page } = teacher;
  const made = (await teacherApi(page, 'POST', '/api/lessons', {
    draft: { ...lesson, id: 'la-frappe', metadata: { ...lesson.metadata, title: 'La frappe' } },
  })) as { summary: { lessonId: string } };
  const { lessonId } = made.summary;

  // The editor's labelled field offers common languages, and takes a region tag.
  await page.goto(`/teach/lessons/${lessonId}`);
  const language = page.getByRole('combobox', { name: 'Language of the article' });
  await expect(language).toHaveValue('en');
  await expect(
    page.locator(`datalist#${await language.getAttribute('list')} option`),
  ).not.toHaveCount(0);
  await language.fill('fr_CA');
  await language.press('Tab');
  await expect(language).toHaveAccessibleDescription(/must be a BCP 47 language tag/);
  await language.fill('fr-CA');
  await language.press('Tab');
  await expect(language).not.toHaveAccessibleDescription(/must be/);
  await new LessonLibraryPages(page).expectSaved();
  await expectNoAxeViolations(page);

  await teacherApi(page, 'POST', `/api/lessons/${lessonId}/publish`);
  const view = (await teacherApi(page, 'POST', '/api/sessions', {
    lessonId,
    mode: 'teacher-paced',
  })) as { session: { id: string; joinCode: string } };
  const student = await newStudent();
  const french = { ...lesson, metadata: { ...lesson.metadata, language: 'fr-CA' } };
  const studentPages = new StudentPages(student.page, french);
  await studentPages.join(view.session.joinCode, 'Ana');
  // expectSection checks the section title carries lang="fr-CA".
  await studentPages.expectSection(lesson.sections[0]!);
  await expect(student.page.getByRole('article', { name: 'Article text' })).toHaveAttribute(
    'lang',
    'fr-CA',
  );

  await page.goto(`/teach/sessions/${view.session.id}/projector`);
  await expect(page.getByRole('heading', { level: 1, name: 'La frappe' })).toHaveAttribute(
    'lang',
    'fr-CA',
  );
  await expect(page.getByText(lesson.sections[0]!.title, { exact: true })).toHaveAttribute(
    'lang',
    'fr-CA',
  );
});
