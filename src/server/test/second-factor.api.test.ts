import { generate } from 'otplib';
import { expect, it } from 'vitest';
import { ApiClient, errorOf } from './api-client';
import { describeWithServer } from './use-test-server';

const PASSWORD = 'correct horse battery';

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function signUp(baseUrl: string, email: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const made = await client.post('/api/auth/sign-up', {
    email,
    name: 'Teacher',
    password: PASSWORD,
  });
  expect(made.status).toBe(201);
  return client;
}

/** Turns the second factor on; returns the secret and the recovery codes. */
async function enrol(client: ApiClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await client.post<{ secret: string; otpauthUri: string; qrSvg: string }>(
    '/api/auth/second-factor/enrol',
  );
  expect(enrolment.status).toBe(200);
  const { secret } = enrolment.body;
  const confirmed = await client.post<{ recoveryCodes: string[] }>(
    '/api/auth/second-factor/confirm',
    { code: await codeAt(secret) },
  );
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

// A low limit per account, so the last test reaches it in a few tries.
describeWithServer(
  'the TOTP second factor on %s',
  { config: { wrongPasswordsPerAccount: 6 } },
  (ctx) => {
    it('turns on only after a right code, showing the secret, its QR code and recovery codes', async () => {
      const client = await signUp(ctx.server.baseUrl, 'ada@school.example');
      expect((await client.get('/api/auth/second-factor')).body).toEqual({
        isOn: false,
        isAvailable: true,
        recoveryCodesLeft: 0,
      });
      const enrolment = await client.post<{ secret: string; otpauthUri: string; qrSvg: string }>(
        '/api/auth/second-factor/enrol',
      );
      const { secret, otpauthUri, qrSvg } = enrolment.body;
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Article%20Discussion:ada%40school\.example\?/);
      expect(otpauthUri).toContain(`secret=${secret}`);
      expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

      const wrong = await client.post('/api/auth/second-factor/confirm', { code: '000000' });
      expect(wrong.status).toBe(401);
      expect(errorOf(wrong)).toMatchObject({ code: 'wrong_code', field: 'code' });
      expect((await client.get('/api/auth/second-factor')).body).toMatchObject({ isOn: false });

      const right = await client.post<{ recoveryCodes: string[] }>(
        '/api/auth/second-factor/confirm',
        { code: await codeAt(secret) },
      );
      expect(right.status).toBe(200);
      expect(right.body.recoveryCodes).toHaveLength(10);
      expect(new Set(right.body.recoveryCodes).size).toBe(10);
      expect((await client.get('/api/auth/second-factor')).body).toEqual({
        isOn: true,
        isAvailable: true,
        recoveryCodesLeft: 10,
      });
    });

    it('asks for the code after a right password, with no sign-in until it is right, and never twice', async () => {
      const { secret } = await enrol(await signUp(ctx.server.baseUrl, 'bo@school.example'));
      const browser = new ApiClient(ctx.server.baseUrl);
      const first = await browser.post<{ secondFactorRequired: true; pendingToken: string }>(
        '/api/auth/sign-in',
        { email: 'bo@school.example', password: PASSWORD },
      );
      expect(first.status).toBe(202);
      expect(first.body.secondFactorRequired).toBe(true);
      expect(browser.cookie('sid')).toBeUndefined();
      expect((await browser.get('/api/auth/me')).status).toBe(401);

      const { pendingToken } = first.body;
      const wrong = await browser.post('/api/auth/sign-in/second-factor', {
        pendingToken,
        code: '123456',
      });
      expect(wrong.status).toBe(401);
      expect(errorOf(wrong).code).toBe('wrong_code');
      expect((await browser.get('/api/auth/me')).status).toBe(401);

      // The next step's code: the phone's clock a step ahead is allowed.
      const code = await codeAt(secret, 1);
      const right = await browser.post('/api/auth/sign-in/second-factor', { pendingToken, code });
      expect(right.status).toBe(200);
      expect((await browser.get('/api/auth/me')).body).toMatchObject({
        teacher: { email: 'bo@school.example' },
      });
      // The pending token is used up.
      const again = await browser.post('/api/auth/sign-in/second-factor', { pendingToken, code });
      expect(errorOf(again).code).toBe('invalid_credentials');

      // The same code for another sign-in: refused, it was used.
      const other = new ApiClient(ctx.server.baseUrl);
      const pending = await other.post<{ pendingToken: string }>('/api/auth/sign-in', {
        email: 'bo@school.example',
        password: PASSWORD,
      });
      const replayed = await other.post('/api/auth/sign-in/second-factor', {
        pendingToken: pending.body.pendingToken,
        code,
      });
      expect(replayed.status).toBe(401);
      expect(errorOf(replayed).code).toBe('wrong_code');
      expect((await other.get('/api/auth/me')).status).toBe(401);
    });

    it('signs in with a recovery code, once', async () => {
      const { recoveryCodes } = await enrol(await signUp(ctx.server.baseUrl, 'cy@school.example'));
      const recoveryCode = recoveryCodes[0] ?? '';
      const signIn = async () => {
        const browser = new ApiClient(ctx.server.baseUrl);
        const pending = await browser.post<{ pendingToken: string }>('/api/auth/sign-in', {
          email: 'cy@school.example',
          password: PASSWORD,
        });
        return browser.post('/api/auth/sign-in/second-factor', {
          pendingToken: pending.body.pendingToken,
          code: recoveryCode.toUpperCase(),
        });
      };
      expect((await signIn()).status).toBe(200);
      const reused = await signIn();
      expect(reused.status).toBe(401);
      expect(errorOf(reused).code).toBe('wrong_code');
    });

    it('turns off with the password and a code, and then signs in with the password alone', async () => {
      const client = await signUp(ctx.server.baseUrl, 'dee@school.example');
      const { recoveryCodes } = await enrol(client);
      const wrongPassword = await client.post('/api/auth/second-factor/turn-off', {
        password: 'not my password',
        code: recoveryCodes[0],
      });
      expect(wrongPassword.status).toBe(403);
      expect(errorOf(wrongPassword).code).toBe('wrong_password');
      const wrongCode = await client.post('/api/auth/second-factor/turn-off', {
        password: PASSWORD,
        code: '000000',
      });
      expect(errorOf(wrongCode).code).toBe('wrong_code');
      expect((await client.get('/api/auth/second-factor')).body).toMatchObject({ isOn: true });

      const off = await client.post('/api/auth/second-factor/turn-off', {
        password: PASSWORD,
        code: recoveryCodes[1],
      });
      expect(off.status).toBe(204);
      expect((await client.get('/api/auth/second-factor')).body).toMatchObject({ isOn: false });
      const plain = await new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-in', {
        email: 'dee@school.example',
        password: PASSWORD,
      });
      expect(plain.status).toBe(200);
    });

    it('slows and then refuses a run of wrong codes for one account', async () => {
      await enrol(await signUp(ctx.server.baseUrl, 'eve@school.example'));
      const browser = new ApiClient(ctx.server.baseUrl);
      const pending = await browser.post<{ pendingToken: string }>('/api/auth/sign-in', {
        email: 'eve@school.example',
        password: PASSWORD,
      });
      const limit = ctx.server.app.config.wrongPasswordsPerAccount;
      let refusal = null;
      for (let attempt = 0; attempt <= limit && refusal === null; attempt += 1) {
        const answer = await browser.post('/api/auth/sign-in/second-factor', {
          pendingToken: pending.body.pendingToken,
          code: String(100000 + attempt),
        });
        if (answer.status === 429) refusal = answer;
      }
      expect(refusal && errorOf(refusal).code).toBe('rate_limited');
    });
  },
);
