import { randomUUID } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import { expect, it } from 'vitest';
import { ApiClient, errorOf } from './api-client';
import { describeWithServer } from './use-test-server';

const COMMON = 'This password is one of the most common ones; choose another.';
const list = dictionary['passwords-common'];
/** Entries from deep in the list too, not only its famous head. */
const fromTheList = [1_000, 12_000, 30_000, 48_000].map((start) =>
  list.slice(start).find((p) => p.length >= 8 && !/\s/.test(p))!,
);

describeWithServer('new passwords on %s', (ctx) => {
  const signUp = (password: string, account = { name: 'Eve Example', email: '' }) =>
    new ApiClient(ctx.server.baseUrl).post('/api/auth/sign-up', {
      email: account.email || `${randomUUID()}@school.example`,
      name: account.name,
      password,
    });

  it('refuses common passwords in any case, naming the password field', async () => {
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    const tried = ['password1', 'PASSWORD1', 'Qwertyuiop', 'iLoveYou1', ...fromTheList];
    for (const password of tried) {
      const response = await signUp(password);
      expect(response.status, password).toBe(400);
      expect(errorOf(response), password).toEqual({
        code: 'weak_password',
        message: COMMON,
        field: 'password',
      });
    }
    // A case variant of a list entry is refused as the entry is.
    const variant = fromTheList[2]!.toUpperCase();
    expect(errorOf(await signUp(variant)).message).toBe(COMMON);
  });

  it('refuses the e-mail address or the name as the password', async () => {
    const asEmail = await signUp('Zoe.Quill@School.example', {
      name: 'Zoe',
      email: 'zoe.quill@school.example',
    });
    expect(errorOf(asEmail)).toMatchObject({ code: 'weak_password', field: 'password' });
    expect(errorOf(asEmail).message).toMatch(/e-mail address or your name/);
    const asName = await signUp('Maximilian Quill', { name: 'Maximilian Quill', email: '' });
    expect(errorOf(asName)).toMatchObject({ code: 'weak_password', field: 'password' });
  });

  it('still accepts an uncommon password, and creates no account for a refused one', async () => {
    const email = `${randomUUID()}@school.example`;
    expect((await signUp('password1', { name: 'Fay', email })).status).toBe(400);
    const accepted = await signUp('lilac tram under snow', { name: 'Fay', email });
    expect(accepted.status).toBe(201);
  });
});
