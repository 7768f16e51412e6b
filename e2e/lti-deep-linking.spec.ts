import type { Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { instructorOf, learnerOf } from './support/lti-users';
import { LtiToolServer } from './support/lti-tool-server';
import { expect, test } from './support/fixtures';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';
import { TestLtiPlatform } from '../src/server/test/lti-platform';

const [firstSection, secondSection] = lesson.sections;
const poll = secondSection?.items.find((item) => item.kind === 'poll');

/**
 * The LMS sends the browser to the tool's login with a hint naming what to launch (LTI 1.3's
 * third-party login initiation); the rest is redirects and the LMS's self-posting form.
 */
async function launchFromLms(
  page: Page,
  lms: TestLtiPlatform,
  tool: LtiToolServer,
  plan: Parameters<TestLtiPlatform['plan']>[0],
) {
  const login = new URLSearchParams({
    iss: lms.issuer,
    login_hint: lms.plan(plan),
    target_link_uri: `${tool.baseURL}/lti/launch`,
    client_id: lms.clientId,
    lti_deployment_id: lms.deploymentId,
  });
  await page.goto(`${tool.baseURL}/lti/login?${login.toString()}`);
}

/** A test LMS, and the tool on a server of its own that its administrator registered it with. */
const testWithLms = test.extend<{ lms: TestLtiPlatform; tool: LtiToolServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  lms: async ({}, use) => {
    const lms = await TestLtiPlatform.start();
    await use(lms);
    await lms.close();
  },
  tool: async ({ lms }, use) => {
    const tool = await LtiToolServer.create();
    await tool.register(lms);
    await tool.start();
    await use(tool);
    await tool.dispose();
  },
});

testWithLms(
  'a teacher adds a lesson from inside the LMS; two students open it there and answer',
  async ({ lms, tool, newDevice }) => {
    testWithLms.setTimeout(180_000);
    if (!firstSection || !secondSection || poll?.kind !== 'poll') {
      throw new Error('the lesson needs a second section with a poll');
    }
    const [yes, no] = poll.options;
    if (!yes || !no) throw new Error('the poll needs two options');

    // "Add an activity" in the LMS: the teacher lands on the picker, signed in from the LMS.
    const teacherPage = await newDevice({ viewport: { width: 360, height: 740 } });
    const teacherUser = instructorOf('Ms Rivera');
    await launchFromLms(teacherPage, lms, tool, lms.deepLinking.plan(teacherUser, tool.baseURL));
    await expect(teacherPage).toHaveURL(/\/teach\?lti-request=[\w-]+$/);
    const pickerUrl = teacherPage.url();
    await expect(
      teacherPage.getByRole('heading', { level: 1, name: 'Add a lesson to your course' }),
    ).toBeVisible();
    const lessonChoice = teacherPage.getByRole('radio', {
      name: lesson.metadata.title,
      exact: false,
    });
    await expect(lessonChoice).toBeChecked();
    await expectNoAxeViolations(teacherPage);
    await expectNoSidewaysScroll(teacherPage);

    // By keyboard: the lesson, then the mode (arrow keys move within a radio group), then add.
    await lessonChoice.focus();
    await teacherPage.keyboard.press('Space');
    await teacherPage.getByRole('radio', { name: /^Teacher-paced/ }).focus();
    await teacherPage.keyboard.press('ArrowDown');
    await expect(teacherPage.getByRole('radio', { name: /^Self-paced/ })).toBeChecked();
    await teacherPage.keyboard.press('Tab');
    await expect(teacherPage.getByRole('button', { name: 'Add to the course' })).toBeFocused();
    await teacherPage.keyboard.press('Enter');

    // The tool's page posts the signed answer back; the LMS checked it and made the link.
    await expect(teacherPage.getByRole('heading', { name: 'Activity added' })).toBeVisible();
    await expect(teacherPage.getByText(lesson.metadata.title)).toBeVisible();
    const item = lms.deepLinking.answers[0]?.contentItems[0];
    if (!item) throw new Error('the LMS kept no content item');
    expect(item.type).toBe('ltiResourceLink');
    // The request is answered once: the picker, opened again, says so.
    await teacherPage.goto(pickerUrl);
    await expect(teacherPage.getByRole('alert')).toContainText('answered already');
    await expect(teacherPage.getByRole('button', { name: 'Add to the course' })).toHaveCount(0);

    // The teacher opens the new activity: its session's page.
    const resourceLinkId = 'week-3-discussion';
    await launchFromLms(
      teacherPage,
      lms,
      tool,
      lms.deepLinking.launchOfItem(item, teacherUser, resourceLinkId),
    );
    await expect(teacherPage).toHaveURL(/\/teach\/sessions\/[\w-]+$/);
    const teacher = new TeacherPages(teacherPage, lesson);

    // Two students open it from the course, each on a device of their own.
    const names = ['Ada Lovelace', 'Ben Okri'] as const;
    const students: StudentPages[] = [];
    for (const name of names) {
      const page = await newDevice();
      await launchFromLms(
        page,
        lms,
        tool,
        lms.deepLinking.launchOfItem(item, learnerOf(name), resourceLinkId),
      );
      await expect(page).toHaveURL(/\/live\/[\w-]+$/);
      await expect(page.getByText(`You are ${name}`)).toBeVisible();
      const student = new StudentPages(page, lesson);
      await student.expectSection(firstSection);
      students.push(student);
    }
    await teacher.expectStudents(names);

    // Self-paced: each moves on and answers the poll.
    for (const [index, student] of students.entries()) {
      await student.page.getByRole('button', { name: `Next: ${secondSection.title}` }).click();
      await student.expectSection(secondSection);
      await student.chooseOption(poll, (index === 0 ? yes : no).label);
    }
  },
);
