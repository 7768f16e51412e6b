import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { describeEachStorage } from './use-test-server';

const LMS = 'https://canvas.school.example';
const registration = [
  'lti-register',
  '--issuer',
  'https://canvas.instructure.com',
  '--client-id',
  '10000000000042',
  '--auth-url',
  `${LMS}/api/lti/authorize_redirect`,
  '--token-url',
  `${LMS}/login/oauth2/token`,
  '--jwks-url',
  `${LMS}/api/lti/security/jwks`,
  '--deployment-id',
  '7:abc',
  '--deployment-id',
  '8:def',
];

describeEachStorage(
  'npm run admin -- lti-register, lti-platforms, lti-rotate-key on %s',
  (kind) => {
    let install: Install;
    let env: Record<string, string>;

    beforeAll(async () => {
      install = await createInstall(kind);
      await (await install.open()).close();
      env = { ...install.env, PUBLIC_URL: 'https://class.school.example' };
    });
    afterAll(async () => {
      await install.destroy();
    });

    it(
      'registers an LMS by hand, lists it with the tool’s own addresses, and rotates the key',
      COMMAND_TIMEOUT,
      async () => {
        const registered = await runAdmin(registration, env);
        expect(registered.stderr).toBe('');
        expect(registered.code).toBe(0);
        expect(registered.stdout).toMatch(
          /https:\/\/canvas\.instructure\.com {2}client id 10000000000042/,
        );
        expect(registered.stdout).toMatch(/deployments {7}7:abc, 8:def/);
        expect(registered.stdout).toContain('https://class.school.example/lti/login');
        expect(registered.stdout).toContain('https://class.school.example/lti/launch');
        expect(registered.stdout).toContain('https://class.school.example/lti/jwks.json');

        const listed = await runAdmin(['lti-platforms'], env);
        expect(listed.code).toBe(0);
        expect(listed.stdout).toContain(`JWKS URL          ${LMS}/api/lti/security/jwks`);

        const rotated = await runAdmin(['lti-rotate-key'], env);
        expect(rotated.code).toBe(0);
        // No key was made before: the first rotation retires none.
        expect(rotated.stdout).toMatch(
          /The tool now signs with the key \d{4}-\d\d-\d\d-\w+\.\n0 older keys retired/,
        );
      },
    );

    it(
      'refuses a registration with a missing or plain-http address, naming the flag',
      COMMAND_TIMEOUT,
      async () => {
        const missing = await runAdmin(registration.slice(0, 5), env);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toMatch(
          /Missing --auth-url, --token-url, --jwks-url, --deployment-id/,
        );
        const plain = registration.map((arg) =>
          arg.replace(`${LMS}/api/lti/security`, 'http://lms.example'),
        );
        const insecure = await runAdmin(plain, env);
        expect(insecure.code).toBe(2);
        expect(insecure.stderr).toMatch(/--jwks-url: jwksUrl must be an https address/);
      },
    );
  },
);
