import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Teacher } from '#domain/api/live-contracts';
import type { AccountSignIn } from '#domain/api/student-data-contracts';
import { expectRefusal, signUpTeacher } from './api-client';
import { instructor, useLtiPlatform } from './lti-fixtures';
import { describeWithServer } from './use-test-server';

describeWithServer('deleting an account an LMS made on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);

  it('asks an account with no password to type DELETE, deletes it, and a later launch starts afresh', async () => {
    const user = instructor();
    const teacher = lti.browser();
    await teacher.launch(lti.platform, { user, resourceLinkId: randomUUID() });
    const api = teacher.api();
    const first = await api.get<{ teacher: Teacher }>('/api/auth/me');
    expect(first.status).toBe(200);
    const signIn = await api.get<AccountSignIn>('/api/auth/account');
    expect(signIn.body).toEqual({ signsInWith: 'lms' });
    expect(
      (await api.post('/api/sessions', { lessonId: 'soleimani-2020', mode: 'teacher-paced' }))
        .status,
    ).toBe(201);

    for (const proof of [{}, { password: 'anything' }, { confirmation: 'delete' }]) {
      const refused = await api.request('DELETE', '/api/auth/account', proof);
      expectRefusal(refused, 400, 'invalid_input');
      expect(refused.body).toMatchObject({ error: { field: 'confirmation' } });
      expect(JSON.stringify(refused.body)).toMatch(/Type DELETE to confirm/);
    }
    expect((await api.get('/api/auth/me')).status).toBe(200);

    expect(
      (await api.request('DELETE', '/api/auth/account', { confirmation: 'DELETE' })).status,
    ).toBe(204);
    expect((await api.get('/api/auth/me')).status).toBe(401);

    const again = lti.browser();
    expect((await again.launch(lti.platform, { user, resourceLinkId: randomUUID() })).status).toBe(
      303,
    );
    const next = await again.api().get<{ teacher: Teacher }>('/api/auth/me');
    expect(next.body.teacher.id).not.toBe(first.body.teacher.id);
    const sessions = await again.api().get<{ sessions: unknown[] }>('/api/sessions');
    expect(sessions.body.sessions).toEqual([]);
  });

  it('keeps asking an account with a password for its password, not for DELETE', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    expect((await teacher.get<AccountSignIn>('/api/auth/account')).body).toEqual({
      signsInWith: 'password',
    });
    const refused = await teacher.request('DELETE', '/api/auth/account', {
      confirmation: 'DELETE',
    });
    expectRefusal(refused, 400, 'invalid_input');
    expect(refused.body).toMatchObject({ error: { field: 'password' } });
    expect((await teacher.get('/api/auth/me')).status).toBe(200);
  });
});
