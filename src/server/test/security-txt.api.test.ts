import { expect, it } from 'vitest';
import { SECURITY_TXT_LIFETIME_DAYS } from '../routes/security-txt.routes';
import { describeWithServer } from './use-test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The file's fields, by name, each with every value it was given. */
function fieldsOf(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of text.split('\n').filter(Boolean)) {
    const match = /^([A-Za-z-]+): (.+)$/.exec(line);
    if (!match) throw new Error(`not a field line: ${JSON.stringify(line)}`);
    const [, name = '', value = ''] = match;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

describeWithServer(
  'security.txt with SECURITY_CONTACT, SECURITY_POLICY and PUBLIC_URL on %s',
  {
    config: {
      publicUrl: 'https://class.district.example',
      securityContact: {
        contact: 'mailto:security@district.example',
        policy: 'https://district.example/security-policy',
      },
    },
  },
  (ctx) => {
    it('serves RFC 9116 fields as plain text: the contact, an Expires under a year ahead, English, Canonical, Policy', async () => {
      const before = Date.now();
      const response = await fetch(`${ctx.server.baseUrl}/.well-known/security.txt`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');

      const fields = fieldsOf(await response.text());
      expect(fields.get('Contact')).toStrictEqual(['mailto:security@district.example']);
      expect(fields.get('Preferred-Languages')).toStrictEqual(['en']);
      expect(fields.get('Canonical')).toStrictEqual([
        'https://class.district.example/.well-known/security.txt',
      ]);
      expect(fields.get('Policy')).toStrictEqual(['https://district.example/security-policy']);

      const expiresValues = fields.get('Expires') ?? [];
      expect(expiresValues).toHaveLength(1);
      const expiresText = expiresValues[0] ?? '';
      expect(expiresText).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const expires = Date.parse(expiresText);
      expect(expires).toBeGreaterThan(before + (SECURITY_TXT_LIFETIME_DAYS - 1) * DAY_MS);
      expect(expires).toBeLessThan(Date.now() + 365 * DAY_MS);
    });
  },
);

describeWithServer(
  'security.txt without PUBLIC_URL or SECURITY_POLICY on %s',
  {
    config: { securityContact: { contact: 'https://district.example/report', policy: undefined } },
  },
  (ctx) => {
    it('names the contact and leaves out Canonical and Policy rather than guessing them', async () => {
      const response = await fetch(`${ctx.server.baseUrl}/.well-known/security.txt`);
      expect(response.status).toBe(200);
      const fields = fieldsOf(await response.text());
      expect([...fields.keys()]).toStrictEqual(['Contact', 'Expires', 'Preferred-Languages']);
      expect(fields.get('Contact')).toStrictEqual(['https://district.example/report']);
    });
  },
);

describeWithServer('security.txt without SECURITY_CONTACT on %s', (ctx) => {
  it('answers 404 naming the setting, not a file without a contact', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/.well-known/security.txt`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/SECURITY_CONTACT/);
  });
});
