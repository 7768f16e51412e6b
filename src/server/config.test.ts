import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config';

const BASE = { COOKIE_SECRET: 'a-cookie-secret-that-is-long-enough-0123456789' };

describe('password-reset e-mail configuration', () => {
  it('sends no e-mail unless SMTP_URL is set', async () => {
    const config = await loadConfig(BASE);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.resetRateLimit).toBe(10);
  });

  it('takes SMTP_URL with its sender and public address', async () => {
    const config = await loadConfig({
      ...BASE,
      SMTP_URL: 'smtps://user:secret@mail.school.example:465',
      MAIL_FROM: 'Article Discussion <noreply@school.example>',
      PUBLIC_URL: 'https://class.school.example',
      RESET_RATE_LIMIT: '5',
    });
    expect(config.smtpUrl).toBe('smtps://user:secret@mail.school.example:465');
    expect(config.mailFrom).toBe('Article Discussion <noreply@school.example>');
    expect(config.resetRateLimit).toBe(5);
  });

  it('refuses SMTP_URL without MAIL_FROM or PUBLIC_URL, and a URL that is not SMTP', async () => {
    await expect(
      loadConfig({ ...BASE, SMTP_URL: 'smtp://mail.school.example', MAIL_FROM: 'a@b.example' }),
    ).rejects.toThrow(/SMTP_URL needs MAIL_FROM \(the sender\) and PUBLIC_URL/);
    await expect(loadConfig({ ...BASE, SMTP_URL: 'https://mail.school.example' })).rejects.toThrow(
      /SMTP_URL: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told, and takes addresses, CIDR ranges and named ranges', async () => {
    expect((await loadConfig(BASE)).trustProxy).toBe(false);
    // PUBLIC_URL sets the links; it no longer trusts every proxy hop.
    expect((await loadConfig({ ...BASE, PUBLIC_URL: 'https://class.example' })).trustProxy).toBe(
      false,
    );
    expect(parseTrustProxy(' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,loopback ')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses a hop count or a value that is not an address, naming it', async () => {
    await expect(loadConfig({ ...BASE, TRUST_PROXY: '1' })).rejects.toThrow(
      /TRUST_PROXY: .*not a hop count/,
    );
    await expect(
      loadConfig({ ...BASE, TRUST_PROXY: '10.0.0.1,proxy.local,10.0.0.0/40' }),
    ).rejects.toThrow(/TRUST_PROXY: not an IP address.*"proxy\.local", "10\.0\.0\.0\/40"/);
  });
});

describe('retention and housekeeping', () => {
  it('keeps ended sessions a year and ends idle ones after 12 hours unless told', async () => {
    const config = await loadConfig(BASE);
    expect(config.retentionDays).toBe(365);
    expect(config.idleSessionHours).toBe(12);
    expect(config.housekeepingIntervalSeconds).toBe(600);
  });

  it('takes whole numbers, up to three years of retention, and 0 or "off" to never end idle sessions', async () => {
    const config = await loadConfig({
      ...BASE,
      RETENTION_DAYS: '30',
      IDLE_SESSION_HOURS: ' 2 ',
      HOUSEKEEPING_INTERVAL_SECONDS: '5',
    });
    expect(config).toMatchObject({
      retentionDays: 30,
      idleSessionHours: 2,
      housekeepingIntervalSeconds: 5,
    });
    expect((await loadConfig({ ...BASE, RETENTION_DAYS: '1095' })).retentionDays).toBe(1095);
    for (const off of ['0', 'off', 'OFF']) {
      expect(await loadConfig({ ...BASE, IDLE_SESSION_HOURS: off })).toMatchObject({
        idleSessionHours: null,
      });
    }
  });

  it("refuses to keep students' data forever or past three years, saying why", async () => {
    for (const value of ['off', 'OFF', '0', '1096', '36500']) {
      await expect(loadConfig({ ...BASE, RETENTION_DAYS: value })).rejects.toThrow(
        `RETENTION_DAYS: RETENTION_DAYS must be at most 1095 days (3 years), not ${JSON.stringify(value)}: students' data needs a written retention limit (COPPA rule, 2025), so it cannot be kept forever`,
      );
    }
  });

  it('refuses a period that is not a whole number, naming the variable', async () => {
    await expect(loadConfig({ ...BASE, RETENTION_DAYS: '1y' })).rejects.toThrow(
      /RETENTION_DAYS: RETENTION_DAYS must be a whole number of days from 1 to 1095, not "1y"/,
    );
    await expect(loadConfig({ ...BASE, IDLE_SESSION_HOURS: '-3' })).rejects.toThrow(
      /IDLE_SESSION_HOURS: IDLE_SESSION_HOURS must be a whole number/,
    );
    await expect(loadConfig({ ...BASE, HOUSEKEEPING_INTERVAL_SECONDS: '0' })).rejects.toThrow(
      /HOUSEKEEPING_INTERVAL_SECONDS: HOUSEKEEPING_INTERVAL_SECONDS must be at least 1/,
    );
    await expect(loadConfig({ ...BASE, HOUSEKEEPING_INTERVAL_SECONDS: 'soon' })).rejects.toThrow(
      /HOUSEKEEPING_INTERVAL_SECONDS: HOUSEKEEPING_INTERVAL_SECONDS must be a number of seconds/,
    );
  });
});

describe('fetching articles', () => {
  it('guards every host and allows 10 s unless told', async () => {
    const config = await loadConfig(BASE);
    expect(config.articleFetchAllowHosts).toEqual([]);
    expect(config.articleFetchTimeoutMs).toBe(10_000);
  });

  it('takes hosts and host:port pairs to let through, and a time limit in seconds', async () => {
    const config = await loadConfig({
      ...BASE,
      ARTICLE_FETCH_ALLOW_HOSTS: ' news.school.example, 127.0.0.1:8080 ,[::1]:9000',
      ARTICLE_FETCH_TIMEOUT_SECONDS: '3',
    });
    expect(config.articleFetchAllowHosts).toEqual([
      { host: 'news.school.example', port: null },
      { host: '127.0.0.1', port: 8080 },
      { host: '[::1]', port: 9000 },
    ]);
    expect(config.articleFetchTimeoutMs).toBe(3000);
  });

  it('refuses an entry that is not a host, naming it', async () => {
    await expect(
      loadConfig({ ...BASE, ARTICLE_FETCH_ALLOW_HOSTS: 'http://news.example/feed' }),
    ).rejects.toThrow(
      /ARTICLE_FETCH_ALLOW_HOSTS: "http:\/\/news.example\/feed" is not a host or host:port/,
    );
    await expect(loadConfig({ ...BASE, ARTICLE_FETCH_TIMEOUT_SECONDS: '0' })).rejects.toThrow(
      /ARTICLE_FETCH_TIMEOUT_SECONDS must be at least 1/,
    );
  });
});
