import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const BASE = { COOKIE_SECRET: 'a-cookie-secret-that-is-long-enough-0123456789' };

describe('the audit trail’s and sign-ins’ settings', () => {
  it('keeps audit rows three years, and sign-ins 12 hours idle and 7 days in all, unless told', async () => {
    expect(await loadConfig(BASE)).toMatchObject({
      auditRetentionDays: 1095,
      signInIdleHours: 12,
      signInMaxDays: 7,
    });
    expect(
      await loadConfig({
        ...BASE,
        RETENTION_DAYS: '30',
        AUDIT_RETENTION_DAYS: '3650',
        SIGN_IN_IDLE_HOURS: '2',
        SIGN_IN_MAX_DAYS: '1',
      }),
    ).toMatchObject({ auditRetentionDays: 3650, signInIdleHours: 2, signInMaxDays: 1 });
  });

  it('refuses an audit retention shorter than RETENTION_DAYS: the rows must outlive the data', async () => {
    const refused = loadConfig({ ...BASE, RETENTION_DAYS: '400', AUDIT_RETENTION_DAYS: '365' });
    await expect(refused).rejects.toThrow(
      /AUDIT_RETENTION_DAYS \(365\) must be at least RETENTION_DAYS \(400\)/,
    );
  });

  it('refuses values that are not whole numbers in range, naming each variable', async () => {
    for (const [name, value] of [
      ['AUDIT_RETENTION_DAYS', '3651'],
      ['AUDIT_RETENTION_DAYS', 'forever'],
      ['AUDIT_RETENTION_DAYS', '0'],
      ['SIGN_IN_IDLE_HOURS', '0'],
      ['SIGN_IN_IDLE_HOURS', '1.5'],
      ['SIGN_IN_MAX_DAYS', '91'],
      ['SIGN_IN_MAX_DAYS', 'off'],
    ] as const) {
      await expect(loadConfig({ ...BASE, [name]: value }), `${name}=${value}`).rejects.toThrow(
        new RegExp(`${name} must be a whole number .* not "${value.replace('.', '\\.')}"`),
      );
    }
    const both = loadConfig({ ...BASE, SIGN_IN_IDLE_HOURS: 'x', SIGN_IN_MAX_DAYS: 'y' });
    await expect(both).rejects.toThrow(/SIGN_IN_IDLE_HOURS[\s\S]*SIGN_IN_MAX_DAYS/);
  });

  it('refuses an idle limit longer than the whole sign-in', async () => {
    await expect(
      loadConfig({ ...BASE, SIGN_IN_IDLE_HOURS: '48', SIGN_IN_MAX_DAYS: '1' }),
    ).rejects.toThrow(
      /SIGN_IN_IDLE_HOURS \(48\) must not be longer than SIGN_IN_MAX_DAYS \(1 days\)/,
    );
  });
});
