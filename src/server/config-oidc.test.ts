import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const BASE = {
  COOKIE_SECRET: 'a-cookie-secret-that-is-long-enough-0123456789',
  PUBLIC_URL: 'https://class.school.example',
};

describe('OIDC settings', () => {
  it('has no provider unless told', async () => {
    expect((await loadConfig(BASE)).oidcProviders).toEqual([]);
  });

  it('reads Google, Microsoft (organizations by default) and a generic provider', async () => {
    const config = await loadConfig({
      ...BASE,
      OIDC_GOOGLE_CLIENT_ID: 'g-id',
      OIDC_GOOGLE_CLIENT_SECRET: 'g-secret',
      OIDC_MICROSOFT_CLIENT_ID: 'm-id',
      OIDC_MICROSOFT_CLIENT_SECRET: 'm-secret',
      OIDC_ISSUER: 'https://id.school.example',
      OIDC_CLIENT_ID: 'o-id',
      OIDC_CLIENT_SECRET: 'o-secret',
      OIDC_NAME: 'School ID',
    });
    expect(config.oidcProviders).toEqual([
      expect.objectContaining({ id: 'google', issuer: 'https://accounts.google.com' }),
      expect.objectContaining({
        id: 'microsoft',
        issuer: 'https://login.microsoftonline.com/organizations/v2.0',
        clientId: 'm-id',
      }),
      expect.objectContaining({ id: 'oidc', name: 'School ID', clientSecret: 'o-secret' }),
    ]);
  });

  it('uses the Microsoft tenant given', async () => {
    const config = await loadConfig({
      ...BASE,
      OIDC_MICROSOFT_CLIENT_ID: 'm-id',
      OIDC_MICROSOFT_CLIENT_SECRET: 'm-secret',
      OIDC_MICROSOFT_TENANT: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(config.oidcProviders[0]?.issuer).toBe(
      'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
    );
  });

  it('refuses a half-set provider, naming what is missing', async () => {
    await expect(loadConfig({ ...BASE, OIDC_GOOGLE_CLIENT_ID: 'g-id' })).rejects.toThrow(
      /Google sign-in needs .*; OIDC_GOOGLE_CLIENT_SECRET is not set/,
    );
    await expect(loadConfig({ ...BASE, OIDC_MICROSOFT_CLIENT_SECRET: 's' })).rejects.toThrow(
      /OIDC_MICROSOFT_CLIENT_ID is not set/,
    );
    await expect(loadConfig({ ...BASE, OIDC_MICROSOFT_TENANT: 'common' })).rejects.toThrow(
      /OIDC_MICROSOFT_TENANT is set but/,
    );
    await expect(
      loadConfig({ ...BASE, OIDC_ISSUER: 'https://id.school.example', OIDC_CLIENT_ID: 'x' }),
    ).rejects.toThrow(/OIDC_CLIENT_SECRET, OIDC_NAME are not set/);
  });

  it('refuses an issuer over plain HTTP off loopback', async () => {
    const generic = { OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', OIDC_NAME: 'Test' };
    await expect(
      loadConfig({ ...BASE, ...generic, OIDC_ISSUER: 'http://id.school.example' }),
    ).rejects.toThrow(/OIDC_ISSUER must be an https:\/\/ address/);
    const local = await loadConfig({ ...BASE, ...generic, OIDC_ISSUER: 'http://127.0.0.1:9000' });
    expect(local.oidcProviders[0]?.issuer).toBe('http://127.0.0.1:9000');
  });

  it('refuses a provider without PUBLIC_URL, naming the redirect URI', async () => {
    await expect(
      loadConfig({
        COOKIE_SECRET: BASE.COOKIE_SECRET,
        OIDC_GOOGLE_CLIENT_ID: 'g-id',
        OIDC_GOOGLE_CLIENT_SECRET: 'g-secret',
      }),
    ).rejects.toThrow(
      /sign-in with Google needs PUBLIC_URL: .*\/api\/auth\/oidc\/<provider>\/callback/,
    );
  });
});
