import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { TOOL_CONFIGURATION_CLAIM, TOOL_SCOPES } from '#domain/lti/dynamic-registration';
import { createRegistrationInvitation } from '../services/lti-dynamic-registration';
import { listLtiPlatforms } from '../services/lti-platforms';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { instructor } from './lti-fixtures';
import { LtiBrowser, TestLtiPlatform } from './lti-platform';
import { describeEachStorage, describeWithServer } from './use-test-server';

/** The page an LMS gets, as a browser sees it: status and HTML. */
interface PageResult {
  readonly status: number;
  readonly body: string;
}

const asPage = async (response: Response): Promise<PageResult> => ({
  status: response.status,
  body: await response.text(),
});

function expectRegistrationRefused(page: PageResult, status: number, code: string, words: RegExp) {
  expect(page.status).toBe(status);
  expect(page.body).toContain('This registration was refused');
  expect(page.body).toContain(`<code>${code}</code>`);
  expect(page.body).toMatch(words);
}

describeWithServer('LTI Dynamic Registration on %s', (ctx) => {
  let lms: TestLtiPlatform;
  beforeEach(async () => {
    lms = await TestLtiPlatform.start();
  });
  afterEach(async () => {
    await lms.close();
  });

  const invitation = async () =>
    (await createRegistrationInvitation(ctx.server.db, ctx.server.baseUrl, 1)).url;

  /** The LMS opens the registration URL with its configuration and token, as Canvas or Moodle do. */
  const open = async (
    url: string,
    query: Record<string, string> = {
      openid_configuration: lms.openIdConfigurationUrl,
      registration_token: lms.registrationToken,
    },
  ) => asPage(await fetch(`${url}?${new URLSearchParams(query).toString()}`));

  /** The administrator presses Register on that page. */
  const confirm = async (
    url: string,
    form: Record<string, string> = {
      openid_configuration: lms.openIdConfigurationUrl,
      registration_token: lms.registrationToken,
    },
  ) =>
    asPage(
      await fetch(url, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );

  it('registers an LMS from its registration page, and the LMS then launches the tool', async () => {
    const url = await invitation();
    const shown = await open(url);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Register this tool with your LMS');
    expect(shown.body).toContain('test-lms 1.0');
    expect(shown.body).toContain(`${lms.baseUrl}/auth`);
    expect(shown.body).toContain(`${ctx.server.baseUrl}/lti/login`);
    expect(shown.body).toMatch(/<button type="submit">Register<\/button>/);

    const registered = await confirm(url);
    expect(registered.status).toBe(200);
    expect(registered.body).toContain('Registered');
    expect(registered.body).toContain(lms.clientId);
    expect(registered.body).toContain(lms.deploymentId);
    // The page tells the LMS to close its registration frame, by the script it loads.
    expect(registered.body).toContain('data-action="close"');
    const script = await fetch(`${ctx.server.baseUrl}/lti/page.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("postMessage({ subject: 'org.imsglobal.lti.close' }");

    // What the LMS received: the tool's registration, with the LMS's token as bearer.
    expect(lms.registrations).toHaveLength(1);
    const [received] = lms.registrations;
    expect(received?.authorization).toBe(`Bearer ${lms.registrationToken}`);
    const base = ctx.server.baseUrl;
    expect(received?.body).toEqual({
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${base}/lti/login`,
      redirect_uris: [`${base}/lti/launch`],
      client_name: 'Article Discussion',
      jwks_uri: `${base}/lti/jwks.json`,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: TOOL_SCOPES.join(' '),
      [TOOL_CONFIGURATION_CLAIM]: {
        domain: new URL(base).host,
        target_link_uri: `${base}/lti/launch`,
        description:
          'Discuss a news article in class: sections, prompts, polls, forecasts and summaries.',
        claims: ['iss', 'sub', 'name', 'email'],
        messages: [
          { type: 'LtiResourceLinkRequest' },
          { type: 'LtiDeepLinkingRequest', placements: ['ContentArea'] },
        ],
        'https://canvas.instructure.com/lti/privacy_level': 'public',
      },
    });
    // Its configuration was asked for with the token too, as Canvas requires.
    expect(lms.configurationAuthorizations).toEqual([
      `Bearer ${lms.registrationToken}`,
      `Bearer ${lms.registrationToken}`,
    ]);

    const platforms = await listLtiPlatforms(ctx.server.db);
    expect(platforms).toContainEqual(
      expect.objectContaining({
        issuer: lms.issuer,
        clientId: lms.clientId,
        authLoginUrl: `${lms.baseUrl}/auth`,
        authTokenUrl: `${lms.baseUrl}/token`,
        jwksUrl: `${lms.baseUrl}/jwks`,
        deploymentIds: [lms.deploymentId],
      }),
    );

    const launched = await new LtiBrowser(ctx.server.baseUrl).launch(lms, {
      user: instructor(),
      resourceLinkId: randomUUID(),
    });
    expect(launched).toMatchObject({ status: 303, location: '/teach' });

    // The URL registered one LMS; it refuses a second.
    expectRegistrationRefused(await open(url), 410, 'invitation_used', /works once/);
    expectRegistrationRefused(await confirm(url), 410, 'invitation_used', /works once/);
  });

  it('registers an LMS that names no deployment yet, as Canvas, and says how to add it', async () => {
    lms.registrationNamesDeployment = false;
    const registered = await confirm(await invitation());
    expect(registered.status).toBe(200);
    expect(registered.body).toMatch(/The LMS named no deployment yet/);
    expect(registered.body).toContain('npm run admin -- lti-register');
    const platforms = await listLtiPlatforms(ctx.server.db);
    expect(platforms).toContainEqual(
      expect.objectContaining({ clientId: lms.clientId, deploymentIds: [] }),
    );
    // Until its deployment is registered, the LMS's logins are refused, naming it.
    const login = await new LtiBrowser(ctx.server.baseUrl).startLogin({
      iss: lms.issuer,
      login_hint: lms.plan({ user: instructor(), resourceLinkId: randomUUID() }),
      target_link_uri: `${ctx.server.baseUrl}/lti/launch`,
      client_id: lms.clientId,
      lti_deployment_id: lms.deploymentId,
    });
    expect(login.status).toBe(401);
    expect(await login.text()).toContain('<code>unknown_deployment</code>');
  });

  it('refuses a registration URL it never made, or one that expired', async () => {
    const unknown = `${ctx.server.baseUrl}/lti/register/${'x'.repeat(43)}`;
    expectRegistrationRefused(
      await open(unknown),
      403,
      'invitation_unknown',
      /lti-registration-url/,
    );
    expectRegistrationRefused(
      await confirm(unknown),
      403,
      'invitation_unknown',
      /not one this tool made/,
    );
    expect(lms.registrations).toHaveLength(0);

    const url = await invitation();
    await ctx.server.db.query(
      "UPDATE lti_registration_invitations SET expires_at = now() - interval '1 minute'",
    );
    expectRegistrationRefused(await open(url), 410, 'invitation_expired', /expired/);
    expectRegistrationRefused(await confirm(url), 410, 'invitation_expired', /expired/);
    expect(lms.registrations).toHaveLength(0);
  });

  it('refuses a page opened without openid_configuration, or with one that is not https', async () => {
    const url = await invitation();
    expectRegistrationRefused(
      await open(url, {}),
      400,
      'missing_parameter',
      /openid_configuration/,
    );
    expectRegistrationRefused(
      await open(url, { openid_configuration: 'http://lms.school.example/.well-known/x' }),
      400,
      'missing_parameter',
      /must be an https address/,
    );
  });

  it('refuses a configuration whose issuer does not begin its address', async () => {
    lms.configurationOverride = { issuer: 'https://another-lms.example' };
    const url = await invitation();
    expectRegistrationRefused(
      await open(url),
      502,
      'issuer_mismatch',
      /issuer https:\/\/another-lms\.example does not begin its address/,
    );
    expectRegistrationRefused(await confirm(url), 502, 'issuer_mismatch', /does not begin/);
    expect(lms.registrations).toHaveLength(0);
  });

  const badDocuments: [string, Record<string, unknown>, RegExp][] = [
    ['no registration endpoint', { registration_endpoint: undefined }, /registration_endpoint/],
    ['no key set', { jwks_uri: undefined }, /jwks_uri/],
    [
      'no LTI platform configuration',
      { 'https://purl.imsglobal.org/spec/lti-platform-configuration': undefined },
      /lti-platform-configuration/,
    ],
    ['an endpoint that is not text', { authorization_endpoint: 42 }, /authorization_endpoint/],
  ];
  for (const [what, override, words] of badDocuments) {
    it(`refuses a configuration with ${what}, naming it`, async () => {
      lms.configurationOverride = override;
      expectRegistrationRefused(
        await open(await invitation()),
        502,
        'configuration_invalid',
        words,
      );
    });
  }

  it('refuses a configuration bigger than 64 KB without reading it all', async () => {
    lms.configurationPadding = 200_000;
    expectRegistrationRefused(
      await open(await invitation()),
      502,
      'configuration_too_large',
      /65536/,
    );
  });

  it('says the LMS cannot be reached when nothing answers at its address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => {
      closed.listen(0, '127.0.0.1', resolve);
    });
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const gone = `http://127.0.0.1:${port}/.well-known/openid-configuration`;
    expectRegistrationRefused(
      await open(await invitation(), { openid_configuration: gone }),
      502,
      'configuration_unreachable',
      /could not be reached/,
    );
  });

  it('names the LMS’s refusal of the registration, and the URL still works after it', async () => {
    const url = await invitation();
    lms.registrationFailure = { status: 500, body: '{"error":"server_error"}' };
    expectRegistrationRefused(await confirm(url), 502, 'registration_failed', /500.*server_error/);
    lms.registrationFailure = null;
    const wrongToken = {
      openid_configuration: lms.openIdConfigurationUrl,
      registration_token: 'x',
    };
    expectRegistrationRefused(
      await confirm(url, wrongToken),
      502,
      'registration_failed',
      /401.*invalid_token/,
    );
    expect((await confirm(url)).status).toBe(200);
  });

  it('refuses an LMS answer without a client id', async () => {
    const url = await invitation();
    lms.registrationFailure = { status: 200, body: '{"client_name":"Article Discussion"}' };
    expectRegistrationRefused(await confirm(url), 502, 'registration_invalid', /client_id/);
  });
});

describeEachStorage('npm run admin -- lti-registration-url on %s', (kind) => {
  let install: Install;
  beforeAll(async () => {
    install = await createInstall(kind);
    await (await install.open()).close();
  });
  afterAll(async () => {
    await install.destroy();
  });

  it(
    'prints a one-time registration URL under PUBLIC_URL, and refuses a bad --hours',
    COMMAND_TIMEOUT,
    async () => {
      const env = { ...install.env, PUBLIC_URL: 'https://class.school.example' };
      const printed = await runAdmin(['lti-registration-url', '--hours', '48'], env);
      expect(printed.stderr).toBe('');
      expect(printed.code).toBe(0);
      expect(printed.stdout).toMatch(
        /^ {2}https:\/\/class\.school\.example\/lti\/register\/[\w-]{43}$/m,
      );
      expect(printed.stdout).toMatch(/It works once/);
      const wrong = await runAdmin(['lti-registration-url', '--hours', '0'], env);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/--hours must be a whole number from 1 to 168/);
    },
  );
});
