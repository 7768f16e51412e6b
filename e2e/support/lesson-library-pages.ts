import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Role-based locators and intents for the lesson library and the lesson editor. */
export class LessonLibraryPages {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/teach');
    await this.page.getByRole('link', { name: 'Your lessons' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Your lessons' })).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  /** The new-lesson form's pasted article, filled and sent; ends in the editor. */
  async createFromArticle(details: {
    title: string;
    subtitle?: string;
    source: string;
    author: string;
    date: string;
    permission: string;
    text: string;
  }) {
    await this.page.getByRole('link', { name: 'New lesson from an article' }).click();
    const form = this.page.getByRole('form', { name: 'New lesson from an article' });
    await form.getByRole('radio', { name: 'Paste text' }).check();
    await form.getByLabel('Article title').fill(details.title);
    if (details.subtitle !== undefined) await form.getByLabel('Subtitle').fill(details.subtitle);
    await form.getByLabel('Source').fill(details.source);
    await form.getByLabel('Author').fill(details.author);
    await form.getByLabel('Date published').fill(details.date);
    await form.getByLabel('Permission to use it').fill(details.permission);
    await form.getByLabel('Article text').fill(details.text);
    await form.getByRole('button', { name: 'Create the lesson' }).click();
    await expect(this.page).toHaveURL(/\/teach\/lessons\/[^/]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: details.title })).toBeVisible();
  }

  /** A section of the editor, by its number. */
  section(number: number): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Section ${number}: `) });
  }

  async startSectionAt(paragraph: number) {
    await this.page
      .getByRole('checkbox', { name: `Start a section here (paragraph ${paragraph})` })
      .check();
  }

  /** A section's title and summary; its minutes are computed from its content. */
  async fillSection(number: number, fields: { title: string; summary: string }) {
    await this.page.getByLabel(`Title of section ${number}`).fill(fields.title);
    await this.page.getByLabel(`Summary of section ${number}`).fill(fields.summary);
  }

  /** Adds an item of a kind to a section and gives back the new item's part of the page. */
  async addItem(section: number, add: string, heading: string): Promise<Locator> {
    await this.section(section)
      .getByRole('button', { name: `${add} section ${section}`, exact: true })
      .click();
    const item = this.section(section)
      .getByRole('listitem')
      .filter({
        has: this.page.getByRole('heading', {
          level: 4,
          name: new RegExp(`^${escapeRegExp(heading)}`),
        }),
      });
    await expect(item).toBeVisible();
    await expect(item.getByRole('heading', { level: 4 })).toBeFocused();
    return item;
  }

  async expectSaved() {
    await expect(this.page.getByText('Draft: Saved', { exact: true })).toBeVisible();
  }
}
