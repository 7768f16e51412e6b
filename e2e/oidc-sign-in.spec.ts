import type { Locator, Page } from '@playwright/test';
import { generate } from 'otplib';
import { AccountPages, newAccount } from './support/account-pages';
import { expect, test } from './support/fixtures';
import { OidcApp, TEST_PROVIDER_NAME } from './support/oidc-app';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';

let app: OidcApp;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await OidcApp.start();
});
test.afterAll(async () => {
  await app.stop();
});

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the keyboard never reached the element');
}

test('a teacher signs in with the test OpenID provider, by keyboard, on a phone-width screen', async ({
  newDevice,
}) => {
  test.setTimeout(120_000);
  app.provider.addUser({
    sub: 'e2e-ada',
    email: 'ada.oidc@example.test',
    emailVerified: true,
    name: 'Ada Oidc',
  });
  const page = await newDevice({ baseURL: app.baseURL, viewport: { width: 360, height: 740 } });
  await page.goto('/teach');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  const button = signIn.getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` });
  await expect(button).toBeVisible();
  await expect(
    page
      .getByRole('form', { name: 'Create a teacher account' })
      .getByRole('link', { name: `Sign up with ${TEST_PROVIDER_NAME}` }),
  ).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await tabTo(page, button);
  await page.keyboard.press('Enter');
  // The provider's own sign-in page.
  const email = page.getByLabel('E-mail');
  await expect(page.getByRole('heading', { name: 'Test provider sign-in' })).toBeVisible();
  await tabTo(page, email);
  await page.keyboard.type('ada.oidc@example.test');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByText('Signed in as Ada Oidc')).toBeVisible();
});

test('a refused sign-in ends on a page that says why, with the way back', async ({ newDevice }) => {
  app.provider.addUser({
    sub: 'e2e-unverified',
    email: 'unverified@example.test',
    emailVerified: false,
    name: 'Una',
  });
  const page = await newDevice({ baseURL: app.baseURL });
  await page.goto('/teach');
  await page
    .getByRole('link', { name: `Sign in with ${TEST_PROVIDER_NAME}` })
    .first()
    .click();
  await page.getByLabel('E-mail').fill('unverified@example.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'You are not signed in' })).toBeVisible();
  await expect(page.getByText(/did not confirm that the e-mail address/)).toBeVisible();
  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
});

test('a teacher turns on a second factor, then signs in with the password and a code', async ({
  newDevice,
}) => {
  test.setTimeout(120_000);
  const account = newAccount('Mr Totp');
  const page = await newDevice({ baseURL: app.baseURL });
  await page.goto('/teach');
  const signUp = page.getByRole('form', { name: 'Create a teacher account' });
  await signUp.getByLabel('Your name').fill(account.name);
  await signUp.getByLabel('E-mail').fill(account.email);
  await signUp.getByLabel('Password').fill(account.password);
  await signUp.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();

  const section = page.getByRole('region', { name: 'Second factor' });
  await section.getByRole('button', { name: 'Set up a second factor' }).click();
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await section.locator('code').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await section.getByLabel('Code from the app').fill(await generate({ secret }));
  await section.getByRole('button', { name: 'Turn on' }).click();
  const codes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await section.getByRole('button', { name: 'I have kept them' }).click();
  await expect(section.getByText(/10 recovery codes left/)).toBeVisible();
  await expectNoAxeViolations(page);

  const accounts = new AccountPages(page);
  await accounts.signOut();
  await accounts.signInForm.getByLabel('E-mail').fill(account.email);
  await accounts.signInForm.getByLabel('Password').fill(account.password);
  await accounts.signInForm.getByRole('button', { name: 'Sign in' }).click();
  const codeStep = page.getByRole('form', { name: 'Enter your code' });
  await expect(codeStep).toBeVisible();
  // The next step's code: the one that turned it on cannot be used again.
  const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await codeStep.getByLabel('6-digit code').fill(next);
  await codeStep.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
});
