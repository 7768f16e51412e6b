import type { Page } from '@playwright/test';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { instructorOf, learnerOf } from './support/lti-users';
import { LtiToolServer } from './support/lti-tool-server';
import { expect, test } from './support/fixtures';
import { StudentPages, TeacherPages } from './support/live-session-pages';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './support/page-checks';
import { TestLtiPlatform } from '../src/server/test/lti-platform';

const [firstSection, secondSection] = lesson.sections;
/** A core poll: completion, part of the grade, counts core items only. */
const poll = secondSection?.items.find((item) => item.kind === 'poll' && item.extension !== true);
/** The built-in lesson's core items that take an answer: completion counts against them. */
const coreItems = lesson.sections
  .flatMap((section) => section.items)
  .filter((item) => item.kind !== 'statements' && item.extension !== true).length;
/** The grade of a student who answered this many core items, and nothing else graded yet. */
const gradeOf = (answered: number) => Math.round((1000 * answered) / coreItems) / 10;

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
    // The LMS checks the tool's signed token requests (grades, class list) with its key set.
    lms.services.toolJwksUrl = `${tool.baseURL}/lti/jwks.json`;
    await tool.register(lms);
    await tool.start();
    await use(tool);
    await tool.dispose();
  },
});

testWithLms(
  'a teacher adds a lesson from inside the LMS; two students open it there and answer; their grades reach the LMS as the report shows them',
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

    // The course has three learners (its class list, NRPS); two open the activity, each on a
    // device of their own.
    const names = ['Ada Lovelace', 'Ben Okri'] as const;
    const learners = names.map((name) => learnerOf(name));
    const absent = learnerOf('Cleo Diaz');
    lms.services.members = [...learners, absent].map((user) => ({
      user_id: user.sub,
      name: user.name,
      roles: user.roles,
      status: 'Active' as const,
    }));
    const students: StudentPages[] = [];
    for (const [index, name] of names.entries()) {
      const page = await newDevice();
      await launchFromLms(
        page,
        lms,
        tool,
        lms.deepLinking.launchOfItem(item, learners[index] ?? learnerOf(name), resourceLinkId),
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

    // The monitor names the learner of the course who has not started.
    const roster = teacherPage.getByRole('region', {
      name: /^Not started yet, from the LMS course/,
    });
    await roster.getByRole('button', { name: 'Read the class list again' }).click();
    await expect(roster.getByRole('list', { name: 'Learners who have not started' })).toHaveText(
      'Cleo Diaz',
    );
    await expect(roster.getByRole('status')).toContainText('2 of 3 learners have started');
    await expectNoAxeViolations(teacherPage);
    await expectNoSidewaysScroll(teacherPage);

    // The teacher ends the session: both students have finished, and their grades go to the
    // LMS's gradebook, each with the value and comment the report shows.
    await teacher.endSession();
    await expect.poll(() => lms.services.scores.length, { timeout: 20_000 }).toBe(2);
    const grades = teacherPage.getByRole('region', { name: 'Grades sent to the LMS' });
    // The LMS records a score before it answers; the app marks it sent once it has answered.
    const sessionPath = new URL(teacherPage.url()).pathname;
    await expect(async () => {
      await teacherPage.goto(`${tool.baseURL}${sessionPath}/report`);
      await expect(grades.getByText(/^Sent /)).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    for (const [index, name] of names.entries()) {
      const [sent, ...more] = lms.services.scores.filter(
        (score) => score.userId === learners[index]?.sub,
      );
      expect(more).toEqual([]);
      expect(sent).toMatchObject({
        scoreGiven: gradeOf(1),
        scoreMaximum: 100,
        activityProgress: 'Completed',
      });
      const row = grades.getByRole('row', { name: new RegExp(`^${name} `) });
      await expect(row).toContainText(`${gradeOf(1)} / 100`);
      await expect(row).toContainText(sent?.comment ?? 'no comment sent');
    }
    expect(lms.services.scores.some((score) => score.userId === absent.sub)).toBe(false);
    // The report's grades at a phone's width.
    await expectNoAxeViolations(teacherPage);
    await expectNoSidewaysScroll(teacherPage);
  },
);
