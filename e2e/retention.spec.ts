import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/page-checks';

test('the teacher home says when a past session will be deleted', async ({ teacher }) => {
  const code = await teacher.startSession('Self-paced');
  await teacher.endSession();

  await teacher.page.goto('/teach');
  const row = teacher.page
    .getByRole('table', { name: /^Past sessions/ })
    .getByRole('row')
    .filter({ hasText: code });
  // The e2e server keeps the default retention: a year from today.
  const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toLocaleDateString('en-GB', {
    dateStyle: 'long',
  });
  await expect(row).toContainText(`Deleted on ${inAYear} (in 365 days)`);
  // A year away is no reason for a warning above the list.
  await expect(teacher.page.getByText(/deleted with their students' answers within/)).toBeHidden();
  await expectNoAxeViolations(teacher.page);
});

test('the teacher home warns of sessions deleted within 30 days', async ({ teacher }) => {
  const code = await teacher.startSession('Teacher-paced');
  await teacher.endSession();
  // Twelve days left: as the server would answer 353 days after this session ended.
  const soon = new Date(Date.now() + 12 * 24 * 3600 * 1000 - 60_000).toISOString();
  await teacher.page.route('**/api/sessions', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as {
      sessions: { joinCode: string; deletesAt: string | null }[];
    };
    for (const session of body.sessions) if (session.joinCode === code) session.deletesAt = soon;
    return route.fulfill({ response, json: body });
  });

  await teacher.page.goto('/teach');
  await expect(
    teacher.page.getByText(
      new RegExp(
        `^One past session is deleted with their students' answers within 30 days: .* \\(${code}\\)\\. Save its report or CSV now if you need them\\.$`,
      ),
    ),
  ).toBeVisible();
  const row = teacher.page
    .getByRole('table', { name: /^Past sessions/ })
    .getByRole('row')
    .filter({ hasText: code });
  await expect(row).toContainText('(in 12 days)');
  await expectNoAxeViolations(teacher.page);
});
