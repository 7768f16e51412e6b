import { expect, test } from '@playwright/test';
import { INSTRUCTOR_ROLE, TestLtiPlatform } from '../src/server/test/lti-platform';
import { LtiToolServer } from './support/lti-tool-server';

/**
 * An LMS on another site frames the tool (issue 24, point 6): registered by Dynamic
 * Registration in the browser, then launched inside the course page, where the tool's cookies
 * do not come back; the state goes through the LMS's storage, and the hand-off button opens the
 * app in a window of its own.
 */
test.describe('LTI in an LMS’s frame', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let lms: TestLtiPlatform;
  let tool: LtiToolServer;

  test.beforeAll(async () => {
    lms = await TestLtiPlatform.start();
    tool = await LtiToolServer.create('localhost');
  });
  test.afterAll(async () => {
    await tool.dispose();
    await lms.close();
  });

  test('registers by Dynamic Registration, then launches in a frame and hands off to a new window', async ({
    page,
  }) => {
    const registrationUrl = await tool.registrationUrl();
    await tool.start();

    const query = new URLSearchParams({
      openid_configuration: lms.openIdConfigurationUrl,
      registration_token: lms.registrationToken,
    });
    await page.goto(`${registrationUrl}?${query.toString()}`);
    await expect(
      page.getByRole('heading', { name: 'Register this tool with your LMS' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByRole('heading', { name: 'Registered' })).toBeVisible();
    expect(lms.registrations).toHaveLength(1);

    const login = new URLSearchParams({
      iss: lms.issuer,
      login_hint: lms.plan({
        user: { sub: 'rivera', name: 'Ms Rivera', roles: [INSTRUCTOR_ROLE] },
        resourceLinkId: 'link-in-a-frame',
        storageTarget: '_parent',
      }),
      target_link_uri: `${tool.baseURL}/lti/launch`,
      client_id: lms.clientId,
      lti_storage_target: '_parent',
    });
    await page.goto(
      `${lms.baseUrl}/course?tool=${encodeURIComponent(`${tool.baseURL}/lti/login?${login.toString()}`)}`,
    );
    const frame = page.frameLocator('#tool');
    const open = frame.getByRole('button', { name: 'Open in a new window' });
    await expect(open).toBeVisible();

    // Keyboard only: the button takes focus and Enter opens the window.
    await open.focus();
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await popupOpened;
    await expect(popup).toHaveURL(`${tool.baseURL}/teach`);
    const me = await popup.request.get(`${tool.baseURL}/api/auth/me`);
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { teacher: { name: string } }).teacher.name).toBe('Ms Rivera');
  });
});
