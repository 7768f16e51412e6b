import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config';

const SECRET = { COOKIE_SECRET: 'x'.repeat(32) };

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told, and takes addresses, CIDR ranges and named ranges', async () => {
    expect((await loadConfig(SECRET)).trustProxy).toBe(false);
    // PUBLIC_URL sets the links; it no longer trusts every proxy hop.
    expect((await loadConfig({ ...SECRET, PUBLIC_URL: 'https://class.example' })).trustProxy).toBe(
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
    await expect(loadConfig({ ...SECRET, TRUST_PROXY: '1' })).rejects.toThrow(
      /TRUST_PROXY: .*not a hop count/,
    );
    await expect(
      loadConfig({ ...SECRET, TRUST_PROXY: '10.0.0.1,proxy.local,10.0.0.0/40' }),
    ).rejects.toThrow(/TRUST_PROXY: not an IP address.*"proxy\.local", "10\.0\.0\.0\/40"/);
  });
});
