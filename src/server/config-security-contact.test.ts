import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const BASE = { COOKIE_SECRET: 'a-cookie-secret-that-is-long-enough-0123456789' };

describe('SECURITY_CONTACT and SECURITY_POLICY', () => {
  it('are unset unless told: the server then publishes no security.txt', async () => {
    const config = await loadConfig(BASE);
    expect(config.securityContact).toStrictEqual({ contact: undefined, policy: undefined });
  });

  it('take a mailto: or https: contact and an https: policy', async () => {
    const byMail = await loadConfig({
      ...BASE,
      SECURITY_CONTACT: ' mailto:security@district.example ',
      SECURITY_POLICY: 'https://district.example/security-policy',
    });
    expect(byMail.securityContact).toStrictEqual({
      contact: 'mailto:security@district.example',
      policy: 'https://district.example/security-policy',
    });
    const byPage = await loadConfig({
      ...BASE,
      SECURITY_CONTACT: 'https://district.example/report',
    });
    expect(byPage.securityContact.contact).toBe('https://district.example/report');
  });

  it('refuses at start-up anything else, naming the variable and the value', async () => {
    for (const [contact, problem] of [
      ['security@district.example', /SECURITY_CONTACT must be a mailto: or https: address/],
      ['http://district.example/report', /"http:\/\/district\.example\/report" is a http: address/],
      ['tel:+15555550100', /is a tel: address/],
      ['mailto:', /SECURITY_CONTACT must name one e-mail address after mailto:/],
      ['mailto:nobody', /must name one e-mail address/],
    ] as const) {
      await expect(loadConfig({ ...BASE, SECURITY_CONTACT: contact }), contact).rejects.toThrow(
        problem,
      );
    }
    await expect(
      loadConfig({
        ...BASE,
        SECURITY_CONTACT: 'mailto:security@district.example',
        SECURITY_POLICY: 'http://district.example/policy',
      }),
    ).rejects.toThrow(/SECURITY_POLICY must be an https: address/);
  });
});
