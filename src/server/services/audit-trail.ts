import { createHmac } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import {
  deleteAuditRowsBefore,
  insertAuditRow,
  lastAuditDetail,
  listAccountIds,
  listAuditRows,
  listSessionIds,
  setAuditRetention,
} from '../repositories/audit.repository';
import { auditCsv, type AuditNames } from './audit-csv';

/**
 * The audit trail (issue 25): one row for each thing done to students' data or to who may reach
 * it: a sign-in (or a failed one), a report of answers viewed, a student or session exported or
 * deleted, an account deleted, the retention changed. A row names its teacher, session and
 * student only by keyed hashes (HMAC-SHA256 with a key derived from the server's secret, cut to
 * 128 bits): the same one always gives the same hash, so the rows of one teacher or one address
 * can be followed, but the hash names nobody once the account, session or student is deleted,
 * and nothing in it can be joined to a backup. No answer text, name or e-mail is ever written.
 * Decision 0015 says why.
 */

export type AuditActor =
  { readonly kind: 'teacher' | 'admin'; readonly id: string | null } | { readonly kind: 'system' };

export type AuditAction =
  | 'signed_in'
  | 'sign_in_failed'
  | 'viewed_session_answers'
  | 'viewed_student_answers'
  | 'exported_session'
  | 'exported_student'
  | 'deleted_student'
  | 'deleted_session'
  | 'deleted_account'
  | 'changed_retention'
  | 'exported_audit_trail'
  | 'invited_teacher'
  | 'revoked_invitation'
  | 'disabled_teacher'
  | 'enabled_teacher'
  | 'changed_admin_role'
  | 'transferred_teacher_work';

/** Where a request came from: request.ip, the client's address (behind TRUST_PROXY too). */
export interface AuditRequest {
  readonly ip: string;
}

/** Who acts, handed to a service that records inside its own transaction. */
export interface AuditSource {
  readonly actor: AuditActor;
  readonly request?: AuditRequest;
}

export interface AuditEvent extends AuditSource {
  readonly action: AuditAction;
  readonly sessionId?: string;
  readonly studentId?: string;
  /** A short code the server chooses (what was exported), never text a user typed. */
  readonly detail?: string;
}

export const teacherActor = (teacher: { readonly id: string }): AuditActor => ({
  kind: 'teacher',
  id: teacher.id,
});

/** What a keyed hash is of: each kind hashed apart, so an id never matches another kind's. */
type RefKind = 'account' | 'session' | 'student' | 'address' | 'email';

const HASH_HEX_LENGTH = 32;
const DAY_MS = 24 * 3600 * 1000;

export class AuditTrail {
  private readonly key: Buffer;

  /** `secret`: the server's cookie secret (config.cookieSecret), which persists in DATA_DIR. */
  constructor(
    private readonly db: Database,
    secret: string,
  ) {
    // A key of its own, derived: the cookie secret itself never hashes anything stored.
    this.key = createHmac('sha256', secret).update('article-discussion audit trail v1').digest();
  }

  /** The keyed hash a row names `value` by. */
  ref(kind: RefKind, value: string): string {
    return createHmac('sha256', this.key)
      .update(`${kind}:${value}`)
      .digest('hex')
      .slice(0, HASH_HEX_LENGTH);
  }

  /**
   * Writes one row, in `db` when the action's own transaction is given, so that the row and the
   * action commit together or not at all. A failure throws: the action it describes fails too.
   */
  async record(event: AuditEvent, db: Queryable = this.db): Promise<void> {
    const { actor } = event;
    await insertAuditRow(db, {
      actorKind: actor.kind,
      actorRef: actor.kind !== 'system' && actor.id !== null ? this.ref('account', actor.id) : null,
      action: event.action,
      sessionRef: event.sessionId === undefined ? null : this.ref('session', event.sessionId),
      studentRef: event.studentId === undefined ? null : this.ref('student', event.studentId),
      addressHash: event.request ? this.ref('address', event.request.ip) : null,
      detail: event.detail ?? null,
    });
  }

  /** An administrator's action's detail: the accounts it concerns, by their keyed hashes. */
  accountsDetail(
    accounts: { readonly account: string } | { readonly from: string; readonly to: string },
  ): string {
    return Object.entries(accounts)
      .map(([role, id]) => `${role} ${this.ref('account', id)}`)
      .join(' ');
  }

  /** A failed sign-in's detail: the keyed hash of the e-mail tried, never the e-mail. */
  failedSignInDetail(email: string): string {
    return `email ${this.ref('email', email.trim().toLowerCase())}`;
  }

  /**
   * At start: tells the database's trigger the audit retention, and writes one `system` row
   * when RETENTION_DAYS or AUDIT_RETENTION_DAYS differ from the last row that recorded them
   * (or none did). Returns whether it wrote one.
   */
  async recordRetention(settings: {
    readonly retentionDays: number;
    readonly auditRetentionDays: number;
  }): Promise<boolean> {
    const detail = `retention_days=${settings.retentionDays} audit_retention_days=${settings.auditRetentionDays}`;
    return this.db.transaction(async (tx) => {
      await setAuditRetention(tx, settings.auditRetentionDays);
      if ((await lastAuditDetail(tx, 'changed_retention')) === detail) return false;
      await this.record({ actor: { kind: 'system' }, action: 'changed_retention', detail }, tx);
      return true;
    });
  }

  /** Deletes the rows older than `auditRetentionDays` before `now`; returns how many went. */
  deleteExpired(now: Date, auditRetentionDays: number): Promise<number> {
    return deleteAuditRowsBefore(this.db, new Date(now.getTime() - auditRetentionDays * DAY_MS));
  }

  /**
   * The rows from `since` to `until` as CSV (columns in audit-csv.ts), the accounts and sessions
   * that still exist named beside their hashes.
   */
  async csv(range: { readonly since: Date | null; readonly until: Date | null }): Promise<string> {
    const rows = await listAuditRows(this.db, range);
    return auditCsv(rows, await this.names());
  }

  private async names(): Promise<AuditNames> {
    const accounts = new Map(
      (await listAccountIds(this.db)).map((a) => [this.ref('account', a.id), a.email]),
    );
    const sessions = new Map(
      (await listSessionIds(this.db)).map((id) => [this.ref('session', id), id]),
    );
    return { accounts, sessions };
  }
}
