import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ApiClient, createLiveSession, errorOf, expectRefusal } from './api-client';
import { adminOn, PASSWORD, signUpAs } from './admin-fixtures';
import { describeWithServer } from './use-test-server';

interface Account {
  id: string;
  email: string;
  isAdmin: boolean;
  disabledAt: string | null;
  lessonCount: number;
  sessionCount: number;
}

const accountsOf = async (admin: ApiClient) =>
  (await admin.get<{ teachers: Account[] }>('/api/admin/teachers')).body.teachers;

describeWithServer('teacher administration on %s', (ctx) => {
  it('disables a teacher: their next request is 401, sign-in is refused; re-enabling lets them in', async () => {
    const { client: admin } = await adminOn(ctx.server);
    const { client: grace, teacher } = await signUpAs(ctx.server.baseUrl, 'Grace');
    expect((await grace.get('/api/lessons')).status).toBe(200);
    const { session } = await createLiveSession(grace, 'teacher-paced');
    const stream = await grace.openStream(`/api/sessions/${session.id}/events`);
    expect((await stream.next()).event).toBe('ready');

    const disabled = await admin.post<{ teacher: Account }>(
      `/api/admin/teachers/${teacher.id}/disable`,
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.teacher.disabledAt).not.toBeNull();
    // Their live stream ends at once, as every sign-in of theirs does.
    expect(await stream.waitForEnd(3000)).toBe(true);
    expectRefusal(await grace.get('/api/lessons'), 401, 'not_signed_in');
    expect((await grace.get('/api/auth/session')).body).toEqual({ teacher: null });

    const again = new ApiClient(ctx.server.baseUrl);
    const refused = await again.post('/api/auth/sign-in', {
      email: teacher.email,
      password: PASSWORD,
    });
    expectRefusal(refused, 403, 'account_disabled');
    expect(errorOf(refused).message).toMatch(/disabled/);
    // A wrong password still says only that.
    const wrong = await again.post('/api/auth/sign-in', {
      email: teacher.email,
      password: 'not the password at all',
    });
    expectRefusal(wrong, 401, 'invalid_credentials');

    const enabled = await admin.post<{ teacher: Account }>(
      `/api/admin/teachers/${teacher.id}/enable`,
    );
    expect(enabled.body.teacher.disabledAt).toBeNull();
    const back = await again.post('/api/auth/sign-in', {
      email: teacher.email,
      password: PASSWORD,
    });
    expect(back.status).toBe(200);
    // The sign-in ended by disabling stays ended.
    expectRefusal(await grace.get('/api/lessons'), 401, 'not_signed_in');
  });

  it('moves a teacher’s lessons and sessions to another teacher', async () => {
    const { client: admin } = await adminOn(ctx.server);
    const { client: leaver, teacher: from } = await signUpAs(ctx.server.baseUrl, 'Leaver');
    const { client: heir, teacher: to } = await signUpAs(ctx.server.baseUrl, 'Heir');
    const lesson = await leaver.post<{ summary: { lessonId: string } }>('/api/lessons', {
      draft: { metadata: { title: 'Left behind' }, sections: [] },
    });
    expect(lesson.status).toBe(201);
    const { session } = await createLiveSession(leaver, 'teacher-paced');

    const moved = await admin.post(`/api/admin/teachers/${from.id}/transfer`, {
      toTeacherId: to.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ lessons: 1, sessions: 1, classes: 0, ltiPlacements: 0 });
    expect((await heir.get(`/api/sessions/${session.id}`)).status).toBe(200);
    expectRefusal(await leaver.get(`/api/sessions/${session.id}`), 404, 'session_not_found');
    const heirLessons = await heir.get<{ lessons: { id: string }[] }>('/api/lessons');
    expect(JSON.stringify(heirLessons.body)).toContain(lesson.body.summary.lessonId);
    const counts = (await accountsOf(admin)).find((a) => a.id === to.id);
    expect(counts).toMatchObject({ lessonCount: 1, sessionCount: 1 });

    const toSelf = await admin.post(`/api/admin/teachers/${to.id}/transfer`, {
      toTeacherId: to.id,
    });
    expectRefusal(toSelf, 400, 'admin_refused', 'toTeacherId');
  });

  it('refuses to disable or demote oneself, or disable another administrator', async () => {
    const { client: admin, teacher: self } = await adminOn(ctx.server);
    const { teacher: other } = await adminOn(ctx.server, 'Other Admin');
    const own = await admin.post(`/api/admin/teachers/${self.id}/disable`);
    expectRefusal(own, 400, 'admin_refused');
    expect(errorOf(own).message).toMatch(/your own account/);
    const demote = await admin.put(`/api/admin/teachers/${self.id}/admin`, { isAdmin: false });
    expectRefusal(demote, 400, 'admin_refused');
    expectRefusal(
      await admin.post(`/api/admin/teachers/${other.id}/disable`),
      400,
      'admin_refused',
    );
    const removed = await admin.put<{ teacher: Account }>(`/api/admin/teachers/${other.id}/admin`, {
      isAdmin: false,
    });
    expect(removed.body.teacher.isAdmin).toBe(false);
    expect((await admin.post(`/api/admin/teachers/${other.id}/disable`)).status).toBe(200);
  });

  it('refuses a teacher who is not an administrator, and a stranger, on every admin route', async () => {
    const { client: teacher, teacher: account } = await signUpAs(ctx.server.baseUrl, 'Plain');
    const stranger = new ApiClient(ctx.server.baseUrl);
    const id = account.id;
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/teachers'],
      ['POST', '/api/admin/invitations', { email: 'x@school.example' }],
      ['DELETE', `/api/admin/invitations/${randomUUID()}`],
      ['POST', `/api/admin/teachers/${id}/disable`],
      ['POST', `/api/admin/teachers/${id}/enable`],
      ['PUT', `/api/admin/teachers/${id}/admin`, { isAdmin: true }],
      ['POST', `/api/admin/teachers/${id}/transfer`, { toTeacherId: id }],
    ];
    for (const [method, path, body] of calls) {
      expectRefusal(await teacher.request(method, path, body), 403, 'not_admin');
      expectRefusal(await stranger.request(method, path, body), 401, 'not_signed_in');
    }
    expect((await teacher.get('/api/admin/status')).body).toEqual({ isAdmin: false });
    expect(await accountsOf((await adminOn(ctx.server)).client)).toContainEqual(
      expect.objectContaining({ id, isAdmin: false, disabledAt: null }),
    );
  });

  it('refuses hostile input: bogus ids, NUL bytes, huge e-mails, an account already there', async () => {
    const { client: admin, teacher } = await adminOn(ctx.server);
    expect((await admin.get('/api/admin/status')).body).toEqual({ isAdmin: true });
    expectRefusal(await admin.post('/api/admin/teachers/not-an-id/disable'), 400, 'invalid_input');
    expectRefusal(
      await admin.post(`/api/admin/teachers/${randomUUID()}/enable`),
      404,
      'teacher_not_found',
    );
    expectRefusal(
      await admin.post(`/api/admin/teachers/${teacher.id}/transfer`, { toTeacherId: randomUUID() }),
      404,
      'teacher_not_found',
    );
    expectRefusal(
      await admin.delete(`/api/admin/invitations/${randomUUID()}`),
      404,
      'invitation_not_found',
    );
    const nul = await admin.post('/api/admin/invitations', { email: 'a\u0000b@school.example' });
    expectRefusal(nul, 400, 'invalid_input', 'email');
    const huge = await admin.post('/api/admin/invitations', {
      email: `${'a'.repeat(300)}@school.example`,
    });
    expectRefusal(huge, 400, 'invalid_input', 'email');
    const taken = await admin.post('/api/admin/invitations', { email: teacher.email });
    expectRefusal(taken, 409, 'account_unavailable', 'email');
    const notBool = await admin.put(`/api/admin/teachers/${teacher.id}/admin`, { isAdmin: 'yes' });
    expectRefusal(notBool, 400, 'invalid_input');
  });
});
