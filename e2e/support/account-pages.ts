import { expect, type Locator, type Page } from '@playwright/test';

export interface Account {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** A fresh account for one test run. */
export function newAccount(name: string, password = 'correct horse battery'): Account {
  const runId = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return { name, email: `accounts-${runId}@example.test`, password };
}

/** Role-based locators and intents for signing in and out and setting a new password. */
export class AccountPages {
  constructor(readonly page: Page) {}

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out' });
  }

  get signInForm(): Locator {
    return this.page.getByRole('form', { name: 'Sign in' });
  }

  async signIn(account: Account) {
    await this.page.goto('/teach');
    await this.signInForm.getByLabel('E-mail').fill(account.email);
    await this.signInForm.getByLabel('Password').fill(account.password);
    await this.signInForm.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByText(`Signed in as ${account.name}`)).toBeVisible();
  }

  /** Signs out from the page that is open, and checks where that leads. */
  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/teach$/);
    await expect(this.signInForm).toBeVisible();
    await expect(this.signOutButton).toBeHidden();
  }

  async setNewPassword(password: string) {
    const form = this.page.getByRole('form', { name: 'Choose a new password' });
    await form.getByLabel('New password').fill(password);
    await form.getByRole('button', { name: 'Set the new password' }).click();
  }
}
