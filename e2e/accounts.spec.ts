import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../src/server/bench/server-process';
import { freePort } from '../src/server/test/oidc-browser';
import { startSmtpTestServer } from '../src/server/test/smtp-test-server';
import { AccountPages, newAccount } from './support/account-pages';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/page-checks';

test.use({ teacherName: 'Ms Adeyemi' });

test('every teacher page has Sign out, and after it going back shows nothing of the account', async ({
  teacher,
  teacherAccount: account,
}) => {
  const page = teacher.page;
  const accounts = new AccountPages(page);
  await expect(accounts.signOutButton).toBeVisible();

  const code = await teacher.startSession('Teacher-paced');
  const monitorUrl = page.url();
  await expect(accounts.signOutButton).toBeVisible();

  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Report/ })).toBeVisible();
  await expect(accounts.signOutButton).toBeVisible();

  // The classroom screen keeps it small, and never shows the teacher's e-mail to the class.
  await page.goto(`${monitorUrl}/projector`);
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expect(accounts.signOutButton).toBeVisible();
  await expect(page.getByText(account.email)).toHaveCount(0);

  await page.goto('/teach/reset-password?token=not-a-real-token');
  await expect(page.getByText(/This link to set a new password is not valid/)).toBeVisible();
  await expect(accounts.signOutButton).toBeVisible();

  await page.goto(monitorUrl);
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await accounts.signOut();
  await page.goBack();
  await expect(page).toHaveURL(monitorUrl);
  await expect(page.getByText('Sign in to see this session.')).toBeVisible();
  await expect(page.getByText(code, { exact: true })).toHaveCount(0);

  // From the classroom screen too.
  await accounts.signIn(account);
  await page.goto(`${monitorUrl}/projector`);
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await accounts.signOut();

  // This server sends no e-mail: the sign-in form says whom to ask.
  await accounts.signInForm.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Forgot your password?' }),
  ).toBeVisible();
  await expect(page.getByText('This server does not send e-mail.', { exact: false })).toBeVisible();
  await expect(page.getByText('npm run admin -- reset-password')).toBeVisible();

  // On a phone: the header with Sign out fits the width.
  await page.setViewportSize({ width: 320, height: 640 });
  await accounts.signIn(account);
  await expect(accounts.signOutButton).toBeInViewport();
  await expectNoSidewaysScroll(page);
});

test('by e-mail: sign-up is finished by a link (a taken address is answered alike), a forgotten password is set anew', async ({
  newDevice,
}) => {
  test.setTimeout(240_000);
  // A server of its own that sends e-mail, to an SMTP server in this test.
  const smtp = await startSmtpTestServer();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-e2e-mail-'));
  const server = await startServerProcess({
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: baseURL,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Article Discussion <noreply@example.test>',
      LOG_LEVEL: 'warn',
    },
    startTimeoutMs: 180_000,
  });
  try {
    const page = await newDevice({ baseURL });
    const account = newAccount('Mr Lindqvist');
    const accounts = new AccountPages(page);
    // Signing up on a server that sends e-mail: the account is made by the link in it.
    await page.goto('/teach');
    const signUp = page.getByRole('form', { name: 'Create a teacher account' });
    const fillSignUp = async (name: string, password: string) => {
      await signUp.getByLabel('Your name').fill(name);
      await signUp.getByLabel('E-mail').fill(account.email);
      await signUp.getByLabel('Password').fill(password);
      await signUp.getByRole('button', { name: 'Sign up' }).click();
      await expect(signUp.getByRole('status')).toContainText('Check your e-mail to finish');
    };
    await fillSignUp(account.name, account.password);
    const welcome = await smtp.nextMail(30_000);
    const confirmLink = /http:\/\/\S+/.exec(welcome.text)?.[0] ?? '';
    expect(confirmLink.startsWith(`${baseURL}/teach/confirm-sign-up?token=`)).toBe(true);
    await page.goto(confirmLink);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page).toHaveURL(/\/teach$/);
    await expect(page.getByText('Your account is created, and you are signed in.')).toBeVisible();
    await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
    await accounts.signOut();

    // Again with the same address: the same answer on the page, and a warning to its owner.
    await fillSignUp('Someone Else', 'another long passphrase');
    const warning = await smtp.nextMail(30_000);
    expect(warning.to).toEqual([account.email]);
    expect(warning.text).toContain('already has an account');

    await accounts.signInForm.getByRole('link', { name: 'Forgot your password?' }).click();
    const form = page.getByRole('form', { name: 'Get a link by e-mail' });
    await form.getByLabel('E-mail').fill(account.email);
    await form.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByText(/If an account has this e-mail address, a link/)).toBeVisible();

    const mail = await smtp.nextMail(30_000);
    expect(mail.to).toEqual([account.email]);
    const link = /http:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(link.startsWith(`${baseURL}/teach/reset-password?token=`)).toBe(true);

    await page.goto(link);
    await expect(page.getByText(`For ${account.email}.`)).toBeVisible();
    await accounts.setNewPassword('iloveyou1');
    await expect(
      page.getByText('This password is one of the most common ones; choose another.'),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'New password' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await accounts.setNewPassword('violet ferry at dawn');
    await expect(page).toHaveURL(/\/teach$/);
    await expect(page.getByText('Your new password is set, and you are signed in.')).toBeVisible();
    await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
    await expect(page.getByRole('form', { name: 'Start a session' })).toBeVisible();

    // The link worked once.
    await page.goto(link);
    await expect(page.getByText(/has already been used/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Get a new link' })).toBeVisible();

    // The new password signs in.
    await accounts.signOut();
    await accounts.signIn({ ...account, password: 'violet ferry at dawn' });
  } finally {
    await server.stop();
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('two tabs of /teach follow each other: signing in or out in one changes the other', async ({
  browser,
}) => {
  const account = newAccount('Mr Okafor');
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  // The account is made in the first tab, by keyboard, from the signed-out page.
  await first.goto('/teach');
  const signUp = first.getByRole('form', { name: 'Create a teacher account' });
  await signUp.getByLabel('Your name').focus();
  await first.keyboard.type(account.name);
  await first.keyboard.press('Tab');
  await first.keyboard.type(account.email);
  await first.keyboard.press('Tab');
  await first.keyboard.type(account.password);
  await first.keyboard.press('Enter');
  await expect(first.getByText(`Signed in as ${account.name}`)).toBeVisible();
  await new AccountPages(first).signOut();

  await second.goto('/teach');
  const secondAccounts = new AccountPages(second);
  await expect(secondAccounts.signInForm).toBeVisible();
  await new AccountPages(first).signIn(account);
  await expect(second.getByText(`Signed in as ${account.name}`)).toBeVisible();
  await new AccountPages(first).signOut();
  await expect(secondAccounts.signInForm).toBeVisible();
  await expect(second.getByText(`Signed in as ${account.name}`)).toBeHidden();
  await context.close();
});
