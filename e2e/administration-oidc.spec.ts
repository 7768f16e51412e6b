import type { Locator, Page } from '@playwright/test';
import { freePort } from '../src/server/test/oidc-browser';
import { OidcTestProvider } from '../src/server/test/oidc-test-provider';
import { AccountPages, newAccount } from './support/account-pages';
import { inviteByKeyboard, pressOn, startServerWithAdmin } from './support/administration';
import { expect, test } from './support/fixtures';
import { TEST_PROVIDER_NAME } from './support/oidc-app';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the keyboard never reached the element');
}

test("an administrator invites a teacher, who opens the account with the school's OpenID provider, by keyboard", async ({
  newDevice,
}) => {
  test.setTimeout(240_000);
  const admin = newAccount('Ada Admin');
  const invitedEmail = 'grace.oidc@school.example';
  const port = await freePort();
  const client = {
    clientId: 'article-discussion-e2e',
    clientSecret: 'e2e-client-secret-0123456789',
  };
  const provider = await OidcTestProvider.start({
    ...client,
    redirectUri: `http://127.0.0.1:${port}/api/auth/oidc/oidc/callback`,
  });
  const server = await startServerWithAdmin(
    admin,
    {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: client.clientId,
      OIDC_CLIENT_SECRET: client.clientSecret,
      OIDC_NAME: TEST_PROVIDER_NAME,
    },
    port,
  );
  try {
    provider.addUser({
      sub: 'e2e-grace',
      email: invitedEmail,
      emailVerified: true,
      name: 'Grace Hopper',
    });
    provider.addUser({
      sub: 'e2e-mallory',
      email: 'mallory@school.example',
      emailVerified: true,
      name: 'Mallory',
    });

    // Sign-up is closed: someone not invited is refused at the provider's return.
    const stranger = await newDevice({ baseURL: server.baseURL });
    await stranger.goto('/teach');
    await stranger.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` }).click();
    await stranger.getByLabel('E-mail').fill('mallory@school.example');
    await stranger.getByRole('button', { name: 'Sign in' }).click();
    await expect(stranger.getByText(/Sign-up on this server is by invitation only/)).toBeVisible();

    const adminPage = await newDevice({ baseURL: server.baseURL });
    await adminPage.goto('/teach');
    await new AccountPages(adminPage).signIn(admin);
    await pressOn(adminPage, adminPage.getByRole('link', { name: 'Administration' }));
    const link = await inviteByKeyboard(adminPage, invitedEmail);

    // The invited teacher, on a phone of their own, opens the link and chooses the school account.
    const teacherPage = await newDevice({
      baseURL: server.baseURL,
      viewport: { width: 360, height: 740 },
    });
    await teacherPage.goto(link);
    await expect(teacherPage.getByText(invitedEmail)).toBeVisible();
    const schoolAccount = teacherPage.getByRole('link', {
      name: `Sign up with ${TEST_PROVIDER_NAME}`,
    });
    await expect(schoolAccount).toBeVisible();
    await expectNoAxeViolations(teacherPage);
    await expectNoSidewaysScroll(teacherPage);
    await tabTo(teacherPage, schoolAccount);
    await teacherPage.keyboard.press('Enter');
    await expect(teacherPage.getByRole('heading', { name: 'Test provider sign-in' })).toBeVisible();
    await tabTo(teacherPage, teacherPage.getByLabel('E-mail'));
    await teacherPage.keyboard.type(invitedEmail);
    await teacherPage.keyboard.press('Enter');

    await expect(teacherPage).toHaveURL(/\/teach$/);
    await expect(teacherPage.getByText('Signed in as Grace Hopper')).toBeVisible();
    await expectNoAxeViolations(teacherPage);

    // The administrator sees the new account, and the invitation gone from the pending ones.
    await adminPage.reload();
    await expect(adminPage.getByRole('button', { name: 'Disable: Grace Hopper' })).toBeVisible();
    await expect(adminPage.getByRole('button', { name: `Revoke: ${invitedEmail}` })).toHaveCount(0);
    // The audit trail's download is there for them.
    await expect(
      adminPage.getByRole('link', { name: 'Download the audit trail (CSV)' }),
    ).toHaveAttribute('href', '/api/admin/audit.csv');
  } finally {
    await server.stop();
    await provider.close();
  }
});
