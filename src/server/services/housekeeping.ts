import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { EVENT_RETENTION_MS, type LiveHub } from '../live/live-hub';
import {
  deleteClassSessionsEndedBefore,
  deleteExpiredAuthSessions,
  deleteSpentPasswordResets,
  endIdleClassSessions,
} from '../repositories/housekeeping.repository';
import { forgetParticipantsInMaps } from '../repositories/closed-opinion-maps.repository';
import { deleteExpiredDeepLinkingRequests } from '../repositories/lti-deep-linking-requests.repository';
import { deleteExpiredLogins } from '../repositories/lti-logins.repository';
import { pruneSessionEvents } from '../repositories/session-events.repository';
import { vacuumAppTables } from '../repositories/vacuum.repository';
import { AuditTrail } from './audit-trail';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Spent password-reset links are kept this long, to say "used" or "expired" when opened. */
const SPENT_RESET_KEPT_MS = DAY_MS;

/** When a session that ended at `endedAt` is deleted; null while it is open. */
export function deletionDate(
  endedAt: string | null,
  retentionDays: ServerConfig['retentionDays'],
): string | null {
  if (endedAt === null) return null;
  return new Date(new Date(endedAt).getTime() + retentionDays * DAY_MS).toISOString();
}

export interface SweepDependencies {
  readonly db: Database;
  readonly hub: LiveHub;
  readonly config: Pick<
    ServerConfig,
    'retentionDays' | 'idleSessionHours' | 'auditRetentionDays' | 'signInIdleHours' | 'cookieSecret'
  >;
}

/** What one sweep did. */
export interface SweepReport {
  readonly sessionsEnded: number;
  readonly sessionsDeleted: number;
  readonly signInsDeleted: number;
  readonly passwordResetsDeleted: number;
  readonly eventsDeleted: number;
  /** LTI logins whose launch never came, or came and is spent, past their expiry. */
  readonly ltiLoginsDeleted: number;
  /** LTI deep-linking requests past their hour, answered or not. */
  readonly ltiDeepLinkingRequestsDeleted: number;
  /** Audit rows past AUDIT_RETENTION_DAYS. */
  readonly auditEventsDeleted: number;
}

/**
 * One pass of housekeeping as of `now`: ends idle sessions but those kept open (their students
 * are told, their join code stops working and their opinion maps forget who is where), deletes ended sessions past the retention period with all their
 * students' data, and purges expired sign-ins, spent password-reset links, stored events
 * past replay, expired LTI logins and deep-linking requests, and audit rows past their own
 * retention (AUDIT_RETENTION_DAYS); then, if it deleted anything,
 * vacuums so the deleted rows do not linger in the files. Safe to run again or on two instances at once: each statement only takes rows
 * still due.
 */
export async function sweep(deps: SweepDependencies, now: Date): Promise<SweepReport> {
  const { db, hub, config } = deps;
  const at = now.getTime();

  const ended =
    config.idleSessionHours === null
      ? []
      : await endIdleClassSessions(db, new Date(at - config.idleSessionHours * HOUR_MS), now);
  for (const sessionId of ended) {
    await forgetParticipantsInMaps(db, sessionId);
    await hub.publish(sessionId, { to: 'everyone' }, { type: 'session.ended' });
  }

  // Each session deleted past retention leaves a `system` row, written with the deletion.
  const audit = new AuditTrail(db, config.cookieSecret);
  const deleted = await db.transaction(async (tx) => {
    const ids = await deleteClassSessionsEndedBefore(
      tx,
      new Date(at - config.retentionDays * DAY_MS),
    );
    for (const sessionId of ids) {
      await audit.record(
        { actor: { kind: 'system' }, action: 'deleted_session', sessionId, detail: 'retention' },
        tx,
      );
    }
    return ids;
  });
  for (const sessionId of deleted) hub.endSessionStreams(sessionId);

  const report = {
    sessionsEnded: ended.length,
    sessionsDeleted: deleted.length,
    signInsDeleted: await deleteExpiredAuthSessions(
      db,
      now,
      new Date(at - config.signInIdleHours * HOUR_MS),
    ),
    passwordResetsDeleted: await deleteSpentPasswordResets(db, new Date(at - SPENT_RESET_KEPT_MS)),
    eventsDeleted: await pruneSessionEvents(db, new Date(at - EVENT_RETENTION_MS)),
    ltiLoginsDeleted: await deleteExpiredLogins(db, now),
    ltiDeepLinkingRequestsDeleted: await deleteExpiredDeepLinkingRequests(db, now),
    auditEventsDeleted: await audit.deleteExpired(now, config.auditRetentionDays),
  };
  // Once per sweep that deleted rows, not per statement: the deleted data leaves the files.
  const { sessionsEnded: _ended, ...deletions } = report;
  if (Object.values(deletions).some((count) => count > 0)) await vacuumAppTables(db);
  return report;
}

/** Logs a sweep that did something, at info: counts only, nothing about who. */
export function logSweep(log: FastifyBaseLogger, report: SweepReport): void {
  if (Object.values(report).some((count) => count > 0)) log.info({ housekeeping: report }, 'swept');
}
