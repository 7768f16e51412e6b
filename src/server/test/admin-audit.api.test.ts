import { expect, it } from 'vitest';
import { ApiClient, errorOf } from './api-client';
import { adminOn, existingTeacher } from './admin-fixtures';
import { auditRowsOf, refsOf } from './audit-fixtures';
import { describeWithServer } from './use-test-server';

describeWithServer("administrators' actions and the audit trail's page on %s", (ctx) => {
  it("writes one row for each administrator's action, naming the accounts by their hashes", async () => {
    const { client: admin, teacher: adminTeacher } = await adminOn(ctx.server);
    const { teacher: leaver } = await existingTeacher(ctx.server, 'Lea Leaver');
    const { teacher: heir } = await existingTeacher(ctx.server, 'Hal Heir');
    const refs = refsOf(ctx);
    const asAdmin = { actor_kind: 'admin', actor_ref: refs.account(adminTeacher.id) };
    const base = `/api/admin/teachers/${leaver.id}`;

    const disabled = await auditRowsOf(ctx.server.db, () => admin.post(`${base}/disable`));
    const enabled = await auditRowsOf(ctx.server.db, () => admin.post(`${base}/enable`));
    const transferred = await auditRowsOf(ctx.server.db, () =>
      admin.post(`${base}/transfer`, { toTeacherId: heir.id }),
    );
    const invited = await auditRowsOf(ctx.server.db, () =>
      admin.post('/api/admin/invitations', { email: 'new.teacher@school.example' }),
    );

    expect(disabled).toMatchObject([
      { ...asAdmin, action: 'disabled_teacher', detail: `account ${refs.account(leaver.id)}` },
    ]);
    expect(enabled).toMatchObject([{ ...asAdmin, action: 'enabled_teacher' }]);
    expect(transferred).toMatchObject([
      {
        ...asAdmin,
        action: 'transferred_teacher_work',
        detail: `from ${refs.account(leaver.id)} to ${refs.account(heir.id)}`,
      },
    ]);
    expect(invited).toMatchObject([{ ...asAdmin, action: 'invited_teacher', detail: null }]);
    // The invited address is not written anywhere in the trail.
    expect(JSON.stringify(invited)).not.toContain('new.teacher');
  });

  it('gives an administrator the trail as CSV for a span of days, and writes that it did', async () => {
    const { client: admin } = await adminOn(ctx.server);
    const today = new Date().toISOString().slice(0, 10);

    const rows = await auditRowsOf(ctx.server.db, async () => {
      const csv = await admin.getBytes(`/api/admin/audit.csv?since=${today}&until=${today}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toContain(
        `audit-trail-${today}-to-${today}.csv`,
      );
      const text = new TextDecoder().decode(csv.body);
      // Its own sign-in, made today, is in it.
      expect(text).toContain('signed_in');
    });

    expect(rows).toMatchObject([{ actor_kind: 'admin', action: 'exported_audit_trail' }]);
    const old = await admin.getBytes('/api/admin/audit.csv?until=2000-01-01');
    expect(new TextDecoder().decode(old.body)).not.toContain('signed_in');
  });

  it('refuses the trail to a teacher who is not an administrator, and to a stranger', async () => {
    const { client: teacher } = await existingTeacher(ctx.server, 'Tess Teacher');
    expect(errorOf(await teacher.get('/api/admin/audit.csv')).code).toBe('not_admin');
    const stranger = new ApiClient(ctx.server.baseUrl);
    expect((await stranger.get('/api/admin/audit.csv')).status).toBe(401);
  });

  it('names what is wrong with a span of days that cannot be', async () => {
    const { client: admin } = await adminOn(ctx.server);
    for (const [query, words] of [
      ['since=2026-02-30', 'a day that exists'],
      ['since=yesterday', 'a day such as 2026-09-01'],
      ['since=2026-12-07&until=2026-12-01', 'since must not be after until'],
    ] as const) {
      const refused = await admin.get(`/api/admin/audit.csv?${query}`);
      expect(refused.status, query).toBe(400);
      expect(errorOf(refused).message, query).toContain(words);
    }
  });
});
