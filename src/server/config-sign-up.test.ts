import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { emailDomain, parseSignUpDomains, readSignUpPolicy } from './config-sign-up';

describe('sign-up settings (SIGNUP, SIGNUP_DOMAINS)', () => {
  it('opens sign-up on a loopback address and closes it on a network address', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.8.9.10']) {
      expect(readSignUpPolicy({}, host)).toEqual({ isOpen: true, domains: [] });
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'class.school.example']) {
      expect(readSignUpPolicy({}, host)).toEqual({ isOpen: false, domains: [] });
    }
  });

  it('lets SIGNUP=open or closed override what the address decides', () => {
    expect(readSignUpPolicy({ SIGNUP: 'open' }, '0.0.0.0').isOpen).toBe(true);
    expect(readSignUpPolicy({ SIGNUP: 'Closed' }, '127.0.0.1').isOpen).toBe(false);
    expect(() => readSignUpPolicy({ SIGNUP: 'maybe' }, '0.0.0.0')).toThrow(
      /SIGNUP: "maybe" is not open or closed/,
    );
  });

  it('reads SIGNUP_DOMAINS as lower-case domains, an @ in front allowed, without repeats', () => {
    expect(
      parseSignUpDomains(' District.Example ,@staff.district.example,district.example'),
    ).toEqual(['district.example', 'staff.district.example']);
    expect(parseSignUpDomains('')).toEqual([]);
    expect(parseSignUpDomains(undefined)).toEqual([]);
  });

  it('refuses a SIGNUP_DOMAINS entry that is not a domain, naming it', () => {
    for (const bad of [
      'school',
      'school..example',
      'a b.example',
      'x@y.example',
      '*.example',
      '-a.example',
    ]) {
      expect(() => parseSignUpDomains(`district.example,${bad}`)).toThrow(
        new RegExp(`SIGNUP_DOMAINS: ".*" is not an e-mail domain`),
      );
    }
    expect(() => parseSignUpDomains('district.example,')).toThrow(/SIGNUP_DOMAINS: "" is not/);
  });

  it('is part of the server configuration, and a bad value stops the start', async () => {
    const base = { COOKIE_SECRET: 'x'.repeat(32) };
    expect((await loadConfig(base)).signUp).toEqual({ isOpen: true, domains: [] });
    const network = await loadConfig({
      ...base,
      HOST: '0.0.0.0',
      ALLOW_PLAIN_HTTP: '1',
      SIGNUP_DOMAINS: 'district.example',
    });
    expect(network.signUp).toEqual({ isOpen: false, domains: ['district.example'] });
    await expect(loadConfig({ ...base, SIGNUP_DOMAINS: 'nope' })).rejects.toThrow(
      /The server's environment is not valid:\n {2}SIGNUP_DOMAINS: "nope"/,
    );
  });

  it('takes the domain of an address after its last @', () => {
    expect(emailDomain('Grace.Hopper@District.Example')).toBe('district.example');
    expect(emailDomain('"a@b"@c.example')).toBe('c.example');
    expect(emailDomain('no-at-sign')).toBe('');
  });
});
