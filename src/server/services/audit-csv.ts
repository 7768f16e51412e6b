import { toCsv } from '#domain/reports/csv';
import type { AuditRow } from '../repositories/audit.repository';

/** The accounts and sessions that still exist, by their keyed hash (services/audit-trail.ts). */
export interface AuditNames {
  /** An account's hash to its e-mail. */
  readonly accounts: ReadonlyMap<string, string>;
  /** A session's hash to its id. */
  readonly sessions: ReadonlyMap<string, string>;
}

const HEADER = [
  'at',
  'actor_kind',
  'actor_ref',
  'actor_account',
  'action',
  'session_ref',
  'session_id',
  'student_ref',
  'address_hash',
  'detail',
] as const;

/**
 * The audit rows as CSV, one line each, oldest first. `actor_account` and `session_id` name the
 * account (its e-mail) and the session while they exist, and are empty once deleted; the refs
 * stay. toCsv guards every cell against spreadsheet formulas, as the reports' exports do.
 */
export function auditCsv(rows: readonly AuditRow[], names: AuditNames): string {
  return toCsv(
    HEADER,
    rows.map((row) => [
      row.at.toISOString(),
      row.actorKind,
      row.actorRef,
      row.actorRef === null ? null : (names.accounts.get(row.actorRef) ?? null),
      row.action,
      row.sessionRef,
      row.sessionRef === null ? null : (names.sessions.get(row.sessionRef) ?? null),
      row.studentRef,
      row.addressHash,
      row.detail,
    ]),
  );
}
