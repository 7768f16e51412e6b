import {
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { newAccount, type Account } from './account-pages';
import { StudentPages, TeacherPages } from './live-session-pages';

export interface ActorOptions {
  /** The name the `teacher` signs up with. */
  readonly teacherName: string;
}

export interface ActorFixtures {
  /**
   * Opens a page in a browser context of its own: one person's device, sharing no cookies or
   * storage with the others. Every device closes after the test, whether it passed or failed.
   */
  newDevice: (options?: BrowserContextOptions) => Promise<Page>;
  /** The fresh account the `teacher` signs up with. */
  teacherAccount: Account;
  /** A teacher signed up and signed in, on a device of their own. */
  teacher: TeacherPages;
  /** A student's own device, on no page yet: the test has them join. */
  newStudent: () => Promise<StudentPages>;
}

/** Playwright's `test` with a teacher and students, each on a device of their own. */
export const test = base.extend<ActorOptions & ActorFixtures>({
  teacherName: ['Mr Okafor', { option: true }],

  newDevice: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    // Closing a context the test already closed (a device that "died") does nothing.
    await Promise.all(contexts.map((context) => context.close()));
  },

  teacherAccount: async ({ teacherName }, use) => {
    await use(newAccount(teacherName));
  },

  teacher: async ({ newDevice, teacherAccount }, use) => {
    const teacher = new TeacherPages(await newDevice(), lesson);
    await teacher.signUp(teacherAccount);
    await use(teacher);
  },

  newStudent: async ({ newDevice }, use) => {
    await use(async () => new StudentPages(await newDevice(), lesson));
  },
});

export { expect } from '@playwright/test';
