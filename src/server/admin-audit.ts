import { parseArgs } from 'node:util';
import { AdminError } from './admin-error';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { AuditTrail } from './services/audit-trail';

export const AUDIT_USAGE = `  audit-csv [--since YYYY-MM-DD] [--until YYYY-MM-DD]
                            print the audit trail as CSV, from the start of --since to the end
                            of --until (UTC days), everything kept when neither is given`;

const DAY_MS = 24 * 3600 * 1000;

/** A UTC day's start, or the refusal naming the flag and what it got. */
function dayStart(flag: string, value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new AdminError(`${flag} takes a date such as 2026-09-01, not "${value}".`, 2);
  }
  return date;
}

/** The range the flags give: `until` is the day after --until's, so --until's day is in. */
function auditRange(args: string[]): { since: Date | null; until: Date | null } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { since: { type: 'string' }, until: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new AdminError(`${(error as Error).message}\n\n${AUDIT_USAGE}`, 2);
  }
  const since = values.since === undefined ? null : dayStart('--since', values.since);
  const untilDay = values.until === undefined ? null : dayStart('--until', values.until);
  const until = untilDay && new Date(untilDay.getTime() + DAY_MS);
  if (since && until && since >= until) {
    throw new AdminError(`--since (${values.since}) is after --until (${values.until}).`, 2);
  }
  return { since, until };
}

/**
 * `npm run admin -- audit-csv`: the audit trail as CSV, for standard output. The web page's
 * route (admin-only) calls the same `app.services.audit.csv(range)`.
 */
export async function auditCsvCommand(
  args: string[],
  config: ServerConfig,
  openDb: () => Promise<Database>,
): Promise<string> {
  const range = auditRange(args);
  const db = await openDb();
  try {
    return await new AuditTrail(db, config.cookieSecret).csv(range);
  } finally {
    await db.close();
  }
}
