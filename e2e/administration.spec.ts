import { AccountPages, newAccount } from './support/account-pages';
import { inviteByKeyboard, pressOn, startServerWithAdmin } from './support/administration';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

test('an administrator invites a teacher, who opens the account by the link; disabled, they are signed out', async ({
  newDevice,
}) => {
  test.setTimeout(240_000);
  const admin = newAccount('Ada Admin');
  const invited = newAccount('Grace Hopper');
  const server = await startServerWithAdmin(admin);
  try {
    const adminPage = await newDevice({ baseURL: server.baseURL });
    // Sign-up is closed here: the sign-up form says how to get an invitation instead.
    await adminPage.goto('/teach');
    await expect(adminPage.getByText(/Sign-up on this server is by invitation only/)).toBeVisible();
    await expect(adminPage.getByRole('button', { name: 'Sign up' })).toHaveCount(0);
    await expectNoAxeViolations(adminPage);
    await new AccountPages(adminPage).signIn(admin);

    await pressOn(adminPage, adminPage.getByRole('link', { name: 'Administration' }));
    await expect(
      adminPage.getByRole('heading', { level: 1, name: 'Administration' }),
    ).toBeVisible();
    await expect(adminPage.getByText('No pending invitations.')).toBeVisible();
    const link = await inviteByKeyboard(adminPage, invited.email);
    expect(new URL(link).pathname).toBe('/teach/accept-invitation');
    await expect(adminPage.getByRole('button', { name: `Revoke: ${invited.email}` })).toBeVisible();
    await expectNoAxeViolations(adminPage);

    // The invited teacher, on a device of their own.
    const teacherPage = await newDevice({ baseURL: server.baseURL });
    await teacherPage.goto(link);
    await expect(teacherPage.getByText(invited.email)).toBeVisible();
    await expectNoAxeViolations(teacherPage);
    await teacherPage.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(teacherPage);
    const form = teacherPage.getByRole('form', { name: 'Your teacher account' });
    await form.getByLabel('Your name').focus();
    await teacherPage.keyboard.type(invited.name);
    await form.getByLabel('Password').focus();
    await teacherPage.keyboard.type(invited.password);
    await teacherPage.keyboard.press('Enter');
    await expect(teacherPage).toHaveURL(/\/teach$/);
    await expect(teacherPage.getByText(`Signed in as ${invited.name}`)).toBeVisible();
    // A teacher is no administrator: no link to the page.
    await expect(teacherPage.getByRole('link', { name: 'Administration' })).toHaveCount(0);

    // The link is used up.
    const stranger = await newDevice({ baseURL: server.baseURL });
    await stranger.goto(link);
    await expect(stranger.getByRole('alert')).toContainText(/used already/);

    // The administrator disables the account: the teacher's next action finds them signed out.
    await adminPage.reload();
    await pressOn(adminPage, adminPage.getByRole('button', { name: `Disable: ${invited.name}` }));
    const dialog = adminPage.getByRole('dialog', { name: `Disable ${invited.name}?` });
    await expect(dialog).toBeVisible();
    await pressOn(adminPage, dialog.getByRole('button', { name: 'Disable the account' }));
    await expect(
      adminPage.getByText(`${invited.name} is disabled and signed out everywhere.`),
    ).toBeVisible();
    await expect(
      adminPage.getByRole('button', { name: `Re-enable: ${invited.name}` }),
    ).toBeVisible();

    await teacherPage.goto('/teach/lessons');
    await expect(teacherPage.getByText('Sign in to see your lessons.')).toBeVisible();
    await teacherPage.goto('/teach');
    const signIn = teacherPage.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('E-mail').fill(invited.email);
    await signIn.getByLabel('Password').fill(invited.password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await expect(signIn.getByRole('alert')).toContainText(/disabled/);

    // At phone width the administration page fits the screen.
    await adminPage.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(adminPage);
  } finally {
    await server.stop();
  }
});
