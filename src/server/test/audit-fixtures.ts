import { expect } from 'vitest';
import type { Queryable } from '../db/database';
import type { ApiClient } from './api-client';
import type { ServerContext } from './use-test-server';

/** An audit row as the test reads it from the table: every column but its id and time. */
export interface StoredAuditRow {
  readonly actor_kind: string;
  readonly actor_ref: string | null;
  readonly action: string;
  readonly session_ref: string | null;
  readonly student_ref: string | null;
  readonly address_hash: string | null;
  readonly detail: string | null;
}

async function lastAuditId(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ id: string | number | null }>(
    'SELECT max(id) AS id FROM audit_events',
  );
  return Number(rows[0]?.id ?? 0);
}

/** The audit rows written while `work` ran, oldest first. */
export async function auditRowsOf(
  db: Queryable,
  work: () => Promise<unknown>,
): Promise<StoredAuditRow[]> {
  const before = await lastAuditId(db);
  await work();
  const { rows } = await db.query<StoredAuditRow>(
    `SELECT actor_kind, actor_ref, action, session_ref, student_ref, address_hash, detail
     FROM audit_events WHERE id > $1 ORDER BY id`,
    [before],
  );
  return rows;
}

/** How many audit rows hold `needle` anywhere (the whole row as text). */
export async function auditRowsHolding(db: Queryable, needle: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM audit_events t WHERE strpos(lower(t::text), lower($1)) > 0`,
    [needle],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The signed-in teacher's id. */
export async function teacherIdOf(teacher: ApiClient): Promise<string> {
  const me = await teacher.get<{ teacher: { id: string } }>('/api/auth/me');
  expect(me.status).toBe(200);
  return me.body.teacher.id;
}

/** The keyed hashes the server names things by (services/audit-trail.ts). */
export function refsOf(ctx: ServerContext) {
  const { audit } = ctx.server.app.services;
  return {
    account: (id: string) => audit.ref('account', id),
    session: (id: string) => audit.ref('session', id),
    student: (id: string) => audit.ref('student', id),
    address: (ip: string) => audit.ref('address', ip),
  };
}
