import { expect, type Locator, type Page } from '@playwright/test';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Item, Lesson, Section } from '#domain/lesson/lesson-schema';
import { forecastField } from './forecast-inputs';

function region(page: Page, item: Item): Locator {
  return page.getByRole('region', { name: getItemQuestion(item), exact: true });
}

/** Role-based locators and intent methods for the teacher's pages. */
export class TeacherPages {
  constructor(
    readonly page: Page,
    readonly lesson: Lesson,
  ) {}

  async signUp(account: { name: string; email: string; password: string }) {
    await this.page.goto('/teach');
    const form = this.page.getByRole('form', { name: 'Create a teacher account' });
    await form.getByLabel('Your name').fill(account.name);
    await form.getByLabel('E-mail').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Sign up' }).click();
    await expect(this.page.getByText(`Signed in as ${account.name}`)).toBeVisible();
  }

  /** Starts a session and returns its join code, read from the control panel. */
  async startSession(mode: 'Teacher-paced' | 'Self-paced'): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Start a session' });
    await form.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await form.getByRole('button', { name: 'Start a session' }).click();
    await expect(this.page).toHaveURL(/\/teach\/sessions\/[^/]+$/);
    const qr = this.page.getByRole('img', { name: /^QR code to join session / });
    await expect(qr).toBeVisible();
    const alt = (await qr.getAttribute('alt')) ?? '';
    const code = /([A-Z0-9]{6})$/.exec(alt)?.[1];
    if (!code) throw new Error(`no join code in the QR code's alt text: "${alt}"`);
    await expect(this.page.getByText(code, { exact: true })).toBeVisible();
    await expect(
      this.page.getByRole('link', { name: new RegExp(`/join\\?code=${code}$`) }),
    ).toBeVisible();
    await expect(this.page.getByText('Live updates on.')).toBeVisible();
    return code;
  }

  async expectStudents(labels: readonly string[]) {
    const roster = this.page.getByRole('list', { name: 'Students' });
    for (const label of labels)
      await expect(roster.getByText(label, { exact: true })).toBeVisible();
    await expect(this.page.getByText(`${labels.length} joined`)).toBeVisible();
  }

  async expectSection(section: Section) {
    const index = this.lesson.sections.indexOf(section);
    await expect(
      this.page.getByText(`Section ${index + 1} of ${this.lesson.sections.length}`),
    ).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
  }

  async nextSection(next: Section) {
    await this.page.getByRole('button', { name: 'Next section' }).click();
    await this.expectSection(next);
  }

  async previousSection(previous: Section) {
    await this.page.getByRole('button', { name: 'Previous section' }).click();
    await this.expectSection(previous);
  }

  item(item: Item): Locator {
    return region(this.page, item);
  }

  async openItem(item: Item) {
    await this.item(item).getByRole('button', { name: 'Open', exact: true }).click();
    await expect(this.item(item).getByText('Status: open')).toBeVisible();
  }

  async closeItem(item: Item) {
    await this.item(item).getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.item(item).getByText('Status: closed')).toBeVisible();
  }

  async revealResults(item: Item) {
    await this.item(item).getByRole('button', { name: 'Reveal results' }).click();
    await expect(this.item(item).getByText('Results revealed')).toBeVisible();
  }

  async expectAnswered(item: Item, answered: number, of: number) {
    await expect(this.item(item).getByText(`${answered} of ${of} answered`)).toBeVisible();
  }

  async removeStudent(label: string) {
    await this.page.getByRole('button', { name: `Remove ${label}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Remove ${label}?` });
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(
      this.page.getByRole('list', { name: 'Students' }).getByText(label, { exact: true }),
    ).toBeHidden();
  }

  async endSession() {
    await this.page.getByRole('button', { name: 'End session' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'End this session?' });
    await dialog.getByRole('button', { name: 'End session' }).click();
    await expect(this.page.getByText('The session has ended.')).toBeVisible();
  }

  async publishSummary(text?: string) {
    const field = this.page.getByRole('textbox', { name: /^Summary for / });
    if (text !== undefined) await field.fill(text);
    await this.page.getByRole('button', { name: 'Publish summary' }).click();
    await expect(this.page.getByText('Published to the class.')).toBeVisible();
  }
}

/** Role-based locators and intent methods for a student's live pages. */
export class StudentPages {
  constructor(
    readonly page: Page,
    readonly lesson: Lesson,
  ) {}

  /** Joins by the link with the code in it, or by typing the code. */
  async join(code: string, name: string, how: 'link' | 'typed' = 'link') {
    if (how === 'link') {
      await this.page.goto(`/join?code=${code}`);
      await expect(this.page.getByLabel('Join code')).toHaveValue(code);
    } else {
      await this.page.goto('/');
      await this.page.getByRole('link', { name: 'Join a class' }).click();
      await this.page.getByLabel('Join code').fill(code.toLowerCase());
    }
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Join' }).click();
    await expect(this.page).toHaveURL(/\/live\/[^/]+$/);
    await expect(this.page.getByText(`You are ${name}`)).toBeVisible();
    await expect(this.page.getByText('Connected to your class.')).toBeVisible();
  }

  async expectSection(section: Section) {
    const index = this.lesson.sections.indexOf(section);
    const title = this.page.getByRole('heading', { level: 1, name: section.title });
    await expect(title).toBeVisible();
    // The lesson's words are marked with its language, for screen readers.
    await expect(title).toHaveAttribute('lang', this.lesson.metadata.language);
    // Exact: the announcer's "Section 2 of 8: Title" is on the page too, visually hidden.
    await expect(
      this.page.getByText(`Section ${index + 1} of ${this.lesson.sections.length}`, {
        exact: true,
      }),
    ).toBeVisible();
  }

  item(item: Item): Locator {
    return region(this.page, item);
  }

  async expectSaved(item: Item) {
    // The visible save status is no live region (the page's announcer says it once settled).
    await expect(this.item(item).getByText('Saved', { exact: true })).toBeVisible();
  }

  async chooseOption(item: Item, label: string) {
    const control = this.item(item).getByRole(
      item.kind === 'poll' && item.mode === 'multiple' ? 'checkbox' : 'radio',
      { name: label, exact: true },
    );
    await control.check();
    await this.expectSaved(item);
  }

  async writeAnswer(item: Item, text: string) {
    await this.item(item).getByRole('textbox').fill(text);
  }

  /** The revealed results table's row for one answer, e.g. "Option label 2 67 %". */
  resultRow(item: Item, label: string): Locator {
    return this.item(item)
      .getByRole('table', { name: /^Class results/ })
      .getByRole('row', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The teacher's dashboard: the monitor's wall and outcomes, the report and the projector. */
export class DashboardPages {
  constructor(
    readonly page: Page,
    readonly lesson: Lesson,
  ) {}

  /** The session's id, read from the monitor's address. */
  sessionId(): string {
    const id = /\/teach\/sessions\/([^/?#]+)/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`not on a session page: ${this.page.url()}`);
    return decodeURIComponent(id);
  }

  /** A row of the monitor's results table of an item, e.g. "Option label 2 50 %". */
  resultRow(item: Item, label: string): Locator {
    return region(this.page, item)
      .getByRole('table', { name: /^Results/ })
      .getByRole('row', { name: new RegExp(`^${escapeRegExp(label)} `) });
  }

  /** The count in the monitor's results table for one answer. */
  async expectResultCount(item: Item, label: string, count: number) {
    await expect(this.resultRow(item, label).getByRole('cell').first()).toHaveText(String(count));
  }

  wall(): Locator {
    return this.page.getByRole('region', { name: 'Response wall' });
  }

  response(label: string): Locator {
    return this.wall()
      .getByRole('list', { name: 'Responses' })
      .getByRole('listitem', { name: `Response by ${label}` });
  }

  async hideResponse(label: string) {
    await this.response(label)
      .getByRole('button', { name: `Hide the response by ${label}` })
      .click();
    await expect(this.response(label).getByText('Hidden from the class')).toBeVisible();
  }

  async spotlightResponse(label: string) {
    await this.response(label)
      .getByRole('button', { name: `Spotlight the response by ${label}` })
      .click();
    await expect(this.response(label).getByText('Spotlighted', { exact: true })).toBeVisible();
  }

  /** How classmates see each other on the wall: 'Names', 'Pseudonyms' or 'Anonymous'. */
  async setWallIdentity(identity: 'Names' | 'Pseudonyms' | 'Anonymous') {
    const radio = this.wall()
      .getByRole('group', { name: 'Classmates see each other as' })
      .getByRole('radio', { name: identity, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
    await expect(radio).toBeEnabled();
  }

  /** The replies threaded under a student's response on the teacher's wall. */
  replies(label: string): Locator {
    return this.response(label).getByRole('list', { name: `Replies to ${label}` });
  }

  /** Reveals a forecast's outcomes, changing those given from the lesson's. */
  async revealOutcomes(item: Item, changes: Readonly<Record<string, boolean>> = {}) {
    if (item.kind !== 'forecast') throw new Error('not a forecast');
    const form = region(this.page, item).getByRole('form', { name: 'Reveal outcomes' });
    for (const scenario of item.scenarios) {
      const happened = changes[scenario.id];
      if (happened === undefined) continue;
      await form
        .getByRole('group', { name: scenario.statement })
        .getByRole('radio', { name: happened ? 'Happened' : 'Did not happen', exact: true })
        .check();
    }
    await form.getByRole('button', { name: 'Reveal outcomes' }).click();
    await expect(
      region(this.page, item).getByRole('table', { name: /^What happened/ }),
    ).toBeVisible();
  }
}

/** What a student sees of the dashboard: the class wall and their forecast scores. */
export class StudentDashboardPages {
  constructor(readonly page: Page) {}

  classWall(): Locator {
    return this.page.getByRole('region', { name: 'Class wall' });
  }

  async setForecast(item: Item, scenarioStatement: string, percent: number) {
    await forecastField(region(this.page, item), scenarioStatement).fill(String(percent));
  }

  scoreRow(item: Item, scenarioStatement: string): Locator {
    return region(this.page, item)
      .getByRole('table', { name: /^What happened/ })
      .getByRole('row', { name: new RegExp(`^${escapeRegExp(scenarioStatement)}`) });
  }
}
