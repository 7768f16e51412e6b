import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { expect, test } from './support/fixtures';
import { DashboardPages } from './support/live-session-pages';
import { expectNoAxeViolations } from './support/page-checks';

const prompt = lesson.sections[0]!.items.find(
  (i): i is Extract<Item, { kind: 'prompt' }> => i.kind === 'prompt',
)!;

test('names hidden from the teacher too: the teacher’s wall shows a pseudonym, never the name, and it cannot be undone', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const code = await teacher.startSession('Teacher-paced');
  const ada = await newStudent();
  await ada.join(code, 'Adaline');
  await teacher.expectStudents(['Adaline']);

  const dashboard = new DashboardPages(teacher.page, lesson);
  const wall = dashboard.wall();
  await wall.getByRole('button', { name: 'Hide names from me too' }).click();
  const dialog = teacher.page.getByRole('dialog', { name: 'Hide names from you too?' });
  await expect(dialog).toContainText('This cannot be turned off');
  await dialog.getByRole('button', { name: 'Hide names from me' }).click();
  await expect(wall.getByText(/^Names are hidden from you too in this session/)).toBeVisible();
  await expect(wall.getByRole('button', { name: 'Hide names from me too' })).toHaveCount(0);

  await teacher.openItem(prompt);
  await ada.writeAnswer(prompt, 'My family votes the other way.');
  await ada.expectSaved(prompt);

  const responses = wall.getByRole('list', { name: 'Responses' });
  await expect(responses).toContainText('My family votes the other way.');
  await expect(responses).not.toContainText('Adaline');
  await expect(responses.getByRole('listitem', { name: 'Response by Adaline' })).toHaveCount(0);
  await expectNoAxeViolations(teacher.page);

  // After a reload the choice is still on, with no way back.
  await teacher.page.reload();
  await expect(wall.getByText(/^Names are hidden from you too in this session/)).toBeVisible();
  await expect(responses).not.toContainText('Adaline');

  // The report's one student's answers leave the prompt answer out, and say why.
  await teacher.page.getByRole('link', { name: 'Your sessions' }).click();
  await teacher.page
    .getByRole('table', { name: /^Open sessions/ })
    .getByRole('row')
    .filter({ hasText: code })
    .getByRole('link', { name: `Report session ${code}` })
    .click();
  await teacher.page.getByRole('combobox', { name: 'Student' }).selectOption({ label: 'Adaline' });
  const transcript = teacher.page.getByRole('region', { name: 'One student’s answers' });
  await expect(transcript.getByRole('heading', { name: 'Adaline: 0 answers' })).toBeVisible();
  await expect(transcript).toContainText(
    'Hidden: you chose names hidden from you for this session',
  );
  await expect(transcript).not.toContainText('My family votes the other way.');
  await expectNoAxeViolations(teacher.page);
});
