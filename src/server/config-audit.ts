/**
 * The audit trail's and teachers' sign-ins' settings (issue 25): AUDIT_RETENTION_DAYS,
 * SIGN_IN_IDLE_HOURS and SIGN_IN_MAX_DAYS, read from the environment config.ts hands in.
 */

export interface AuditSettings {
  /** Days an audit row is kept: at least RETENTION_DAYS, so it outlives the data it describes. */
  readonly auditRetentionDays: number;
  /** Hours a teacher's sign-in lasts without being used. */
  readonly signInIdleHours: number;
  /** Days a teacher's sign-in lasts in all, used or not. */
  readonly signInMaxDays: number;
}

export const AUDIT_RETENTION_DEFAULT_DAYS = 1095;
/** Ten years: the most an audit row may be kept (the database refuses deleting younger rows). */
export const AUDIT_RETENTION_MAX_DAYS = 3650;
const SIGN_IN_IDLE_DEFAULT_HOURS = 12;
const SIGN_IN_IDLE_MAX_HOURS = 24 * 30;
const SIGN_IN_MAX_DEFAULT_DAYS = 7;
const SIGN_IN_MAX_MAX_DAYS = 90;

type Setting = { readonly value: number } | { readonly problem: string };

/** A whole number from `min` to `max`, `fallback` when unset, or the problem naming the variable. */
function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  range: {
    readonly fallback: number;
    readonly min: number;
    readonly max: number;
    readonly unit: string;
  },
): Setting {
  const text = env[name]?.trim() ?? '';
  if (text === '') return { value: range.fallback };
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value) || value < range.min || value > range.max) {
    return {
      problem: `${name} must be a whole number of ${range.unit} from ${range.min} to ${range.max}, not ${JSON.stringify(env[name])}`,
    };
  }
  return { value };
}

/**
 * Reads the settings, or throws naming every variable that is wrong. `retentionDays` is
 * RETENTION_DAYS, already read: audit rows must outlive the data they describe, so a shorter
 * AUDIT_RETENTION_DAYS is refused.
 */
export function readAuditSettings(
  env: Readonly<Record<string, string | undefined>>,
  retentionDays: number,
): AuditSettings {
  const audit = wholeNumber(env, 'AUDIT_RETENTION_DAYS', {
    fallback: Math.max(AUDIT_RETENTION_DEFAULT_DAYS, retentionDays),
    min: 1,
    max: AUDIT_RETENTION_MAX_DAYS,
    unit: 'days',
  });
  const idle = wholeNumber(env, 'SIGN_IN_IDLE_HOURS', {
    fallback: SIGN_IN_IDLE_DEFAULT_HOURS,
    min: 1,
    max: SIGN_IN_IDLE_MAX_HOURS,
    unit: 'hours',
  });
  const total = wholeNumber(env, 'SIGN_IN_MAX_DAYS', {
    fallback: SIGN_IN_MAX_DEFAULT_DAYS,
    min: 1,
    max: SIGN_IN_MAX_MAX_DAYS,
    unit: 'days',
  });
  const problems = [audit, idle, total].flatMap((s) => ('problem' in s ? [s.problem] : []));
  if ('value' in audit && audit.value < retentionDays) {
    problems.push(
      `AUDIT_RETENTION_DAYS (${audit.value}) must be at least RETENTION_DAYS (${retentionDays}): the audit trail must outlive the data it describes`,
    );
  }
  if ('value' in idle && 'value' in total && idle.value > total.value * 24) {
    problems.push(
      `SIGN_IN_IDLE_HOURS (${idle.value}) must not be longer than SIGN_IN_MAX_DAYS (${total.value} days)`,
    );
  }
  if (!('value' in audit && 'value' in idle && 'value' in total) || problems.length > 0) {
    throw new Error(
      `The server's environment is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return {
    auditRetentionDays: audit.value,
    signInIdleHours: idle.value,
    signInMaxDays: total.value,
  };
}
