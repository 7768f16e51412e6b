import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, createLiveSession, expectRefusal, signUpTeacher } from './api-client';
import { auditRowsOf, refsOf, teacherIdOf } from './audit-fixtures';
import { createTestDatabase, startTestServer, type TestDatabase } from './test-server';
import { describeEachStorage, describeWithServer, type ServerContext } from './use-test-server';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function insertRowAt(ctx: ServerContext, iso: string): Promise<string> {
  const detail = `test ${randomUUID()}`;
  await ctx.server.db.query(
    `INSERT INTO audit_events (at, actor_kind, action, detail) VALUES ($1, 'system', 'changed_retention', $2)`,
    [iso, detail],
  );
  return detail;
}

async function rowsWithDetail(ctx: ServerContext, detail: string): Promise<number> {
  const { rows } = await ctx.server.db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM audit_events WHERE detail = $1',
    [detail],
  );
  return Number(rows[0]?.n);
}

describeWithServer('the audit trail kept and guarded on %s', (ctx) => {
  it('is append-only in the database: UPDATE, TRUNCATE and deleting a young row raise', async () => {
    const detail = await insertRowAt(ctx, ago(DAY_MS));
    const { db } = ctx.server;
    await expect(
      db.query(`UPDATE audit_events SET action = 'signed_in' WHERE detail = $1`, [detail]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE detail = $1', [detail])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await rowsWithDetail(ctx, detail)).toBe(1);
  });

  it('sweeps only the rows older than AUDIT_RETENTION_DAYS', async () => {
    const old = await insertRowAt(ctx, ago(1100 * DAY_MS));
    const kept = await insertRowAt(ctx, ago(1090 * DAY_MS));
    const report = await ctx.server.app.housekeeping.sweep();
    expect(report.auditEventsDeleted).toBeGreaterThanOrEqual(1);
    expect(await rowsWithDetail(ctx, old)).toBe(0);
    expect(await rowsWithDetail(ctx, kept)).toBe(1);
  });

  it('writes one system row per session the retention sweep deletes', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    expect((await teacher.post(`/api/sessions/${session.id}/end`)).status).toBe(200);
    await ctx.server.db.query('UPDATE class_sessions SET ended_at = $2 WHERE id = $1', [
      session.id,
      ago(400 * DAY_MS),
    ]);
    const rows = await auditRowsOf(ctx.server.db, () => ctx.server.app.housekeeping.sweep());
    expect(rows).toEqual([
      {
        actor_kind: 'system',
        actor_ref: null,
        action: 'deleted_session',
        session_ref: refsOf(ctx).session(session.id),
        student_ref: null,
        address_hash: null,
        detail: 'retention',
      },
    ]);
  });

  it('ends a sign-in unused for SIGN_IN_IDLE_HOURS, and writes its last use once a minute at most', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const teacherId = await teacherIdOf(teacher);
    const lastUse = async () => {
      const { rows } = await ctx.server.db.query<{ last_used_at: Date | string }>(
        'SELECT last_used_at FROM auth_sessions WHERE teacher_id = $1',
        [teacherId],
      );
      return new Date(rows[0]?.last_used_at ?? 0).getTime();
    };
    const setLastUse = (iso: string) =>
      ctx.server.db.query('UPDATE auth_sessions SET last_used_at = $2 WHERE teacher_id = $1', [
        teacherId,
        iso,
      ]);

    // Used 30 seconds ago: still signed in, and nothing written.
    const recent = ago(30_000);
    await setLastUse(recent);
    expect((await teacher.get('/api/auth/me')).status).toBe(200);
    expect(await lastUse()).toBe(new Date(recent).getTime());
    // Used 11 hours ago: still signed in, and its use is now.
    await setLastUse(ago(11 * HOUR_MS));
    expect((await teacher.get('/api/auth/me')).status).toBe(200);
    expect(Date.now() - (await lastUse())).toBeLessThan(60_000);
    // Unused for 13 hours: signed out, saying why.
    await setLastUse(ago(13 * HOUR_MS));
    const refused = await teacher.get<{ error: { message: string } }>('/api/auth/me');
    expectRefusal(refused, 401, 'not_signed_in');
    expect(refused.body.error.message).toMatch(/12 hours without use/);
    // The sweep purges it.
    expect((await ctx.server.app.housekeeping.sweep()).signInsDeleted).toBeGreaterThanOrEqual(1);
    expect(await lastUse()).toBe(0);
  });

  it('ends a sign-in SIGN_IN_MAX_DAYS after it began, however much it is used', async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    const signedUp = await client.post('/api/auth/sign-up', {
      email: `${randomUUID()}@school.example`,
      name: 'Max',
      password: 'correct horse battery',
    });
    const sid = signedUp.headers.getSetCookie().find((c) => c.startsWith('sid='));
    const expires = Date.parse(/expires=([^;]+)/i.exec(sid ?? '')?.[1] ?? '');
    expect(Math.abs(expires - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);

    const teacherId = await teacherIdOf(client);
    const { rows } = await ctx.server.db.query<{ created_at: Date; expires_at: Date }>(
      'SELECT created_at, expires_at FROM auth_sessions WHERE teacher_id = $1',
      [teacherId],
    );
    const span = new Date(rows[0]!.expires_at).getTime() - new Date(rows[0]!.created_at).getTime();
    expect(Math.abs(span - 7 * DAY_MS)).toBeLessThan(60_000);
    // Seven days on, used a minute ago: signed out all the same.
    await ctx.server.db.query(
      'UPDATE auth_sessions SET created_at = $2, expires_at = $3, last_used_at = $4 WHERE teacher_id = $1',
      [teacherId, ago(7 * DAY_MS + HOUR_MS), ago(HOUR_MS), ago(60_000)],
    );
    expectRefusal(await client.get('/api/auth/me'), 401, 'not_signed_in');
  });

  it('hashes the socket’s address, whatever X-Forwarded-For says without TRUST_PROXY', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    const report = (headers: Record<string, string>) =>
      auditRowsOf(ctx.server.db, async () => {
        const response = await teacher.request(
          'GET',
          `/api/sessions/${session.id}/report`,
          undefined,
          headers,
        );
        expect(response.status).toBe(200);
      });
    const [plain] = await report({});
    const [spoofed] = await report({ 'x-forwarded-for': '10.9.8.7' });
    expect(spoofed?.address_hash).toBe(plain?.address_hash);
    expect(spoofed?.address_hash).not.toBe(refsOf(ctx).address('10.9.8.7'));
  });
});

describeWithServer(
  'the audit trail behind a trusted proxy on %s',
  { config: { trustProxy: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] } },
  (ctx) => {
    it('hashes the client address the proxy names', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const { session } = await createLiveSession(teacher, 'self-paced');
      const [row] = await auditRowsOf(ctx.server.db, async () => {
        const response = await teacher.request(
          'GET',
          `/api/sessions/${session.id}/report`,
          undefined,
          { 'x-forwarded-for': '10.9.8.7' },
        );
        expect(response.status).toBe(200);
      });
      expect(row?.address_hash).toBe(refsOf(ctx).address('10.9.8.7'));
    });
  },
);

describeEachStorage('a changed retention recorded at start on %s', { timeout: 90_000 }, (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('writes one system row when RETENTION_DAYS or AUDIT_RETENTION_DAYS differ from the last recorded', async () => {
    const start = async (settings: { retentionDays: number; auditRetentionDays: number }) => {
      const server = await startTestServer(database, settings);
      await server.close();
    };
    const retentionRows = async () => {
      const db = await database.open();
      try {
        const { rows } = await db.query<{ actor_kind: string; detail: string }>(
          `SELECT actor_kind, detail FROM audit_events WHERE action = 'changed_retention' ORDER BY id`,
        );
        return rows;
      } finally {
        await db.close();
      }
    };
    await start({ retentionDays: 365, auditRetentionDays: 1095 });
    await start({ retentionDays: 365, auditRetentionDays: 1095 });
    await start({ retentionDays: 30, auditRetentionDays: 1095 });
    await start({ retentionDays: 30, auditRetentionDays: 2000 });
    await start({ retentionDays: 30, auditRetentionDays: 2000 });
    expect(await retentionRows()).toEqual([
      { actor_kind: 'system', detail: 'retention_days=365 audit_retention_days=1095' },
      { actor_kind: 'system', detail: 'retention_days=30 audit_retention_days=1095' },
      { actor_kind: 'system', detail: 'retention_days=30 audit_retention_days=2000' },
    ]);
  });
});
