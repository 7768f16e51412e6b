import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { isLoopbackHost } from './config-transport';

const BASE = { COOKIE_SECRET: 'a-cookie-secret-that-is-long-enough-0123456789' };

let dir = '';
let certFile = '';
let keyFile = '';

beforeAll(async () => {
  // The files are only read here, not parsed: their text need not be a real certificate.
  dir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-tls-config-'));
  certFile = path.join(dir, 'cert.pem');
  keyFile = path.join(dir, 'key.pem');
  await writeFile(certFile, 'the certificate');
  await writeFile(keyFile, 'the key');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plain HTTP on a network address', () => {
  it('serves plain HTTP on loopback, the default, without being told', async () => {
    const config = await loadConfig(BASE);
    expect(config.host).toBe('127.0.0.1');
    expect(config.tls).toBeUndefined();
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      'localhost',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
      await expect(loadConfig({ ...BASE, HOST: host })).resolves.toMatchObject({ host });
    }
  });

  it('refuses a network address over plain HTTP, naming HOST, the ways out and the README', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'class.school.example']) {
      expect(isLoopbackHost(host), host).toBe(false);
      const refused = loadConfig({ ...BASE, HOST: host });
      await expect(refused).rejects.toThrow(`HOST is ${host}, a network address`);
      await expect(refused).rejects.toThrow(/TLS_CERT and TLS_KEY/);
      await expect(refused).rejects.toThrow(/ALLOW_PLAIN_HTTP=1/);
      await expect(refused).rejects.toThrow(/README\.md, "In a classroom: HTTPS first"/);
    }
    await expect(loadConfig({ ...BASE, HOST: '0.0.0.0', ALLOW_PLAIN_HTTP: '0' })).rejects.toThrow(
      /HOST is 0\.0\.0\.0/,
    );
  });

  it('listens on a network address with TLS, ALLOW_PLAIN_HTTP=1 or behind a trusted proxy', async () => {
    const withTls = await loadConfig({
      ...BASE,
      HOST: '0.0.0.0',
      TLS_CERT: certFile,
      TLS_KEY: keyFile,
    });
    expect(withTls.tls?.cert.toString()).toBe('the certificate');
    expect(withTls.tls?.key.toString()).toBe('the key');
    const trusted = await loadConfig({ ...BASE, HOST: '0.0.0.0', ALLOW_PLAIN_HTTP: '1' });
    expect(trusted.tls).toBeUndefined();
    const proxied = await loadConfig({ ...BASE, HOST: '::', TRUST_PROXY: '10.0.0.2' });
    expect(proxied.host).toBe('::');
  });

  it('refuses an ALLOW_PLAIN_HTTP other than 1 or 0', async () => {
    await expect(loadConfig({ ...BASE, ALLOW_PLAIN_HTTP: 'yes' })).rejects.toThrow(
      /ALLOW_PLAIN_HTTP: ALLOW_PLAIN_HTTP must be 1 \(allow\) or 0/,
    );
  });
});

describe('TLS_CERT and TLS_KEY', () => {
  it('wants both or neither, naming the one missing', async () => {
    await expect(loadConfig({ ...BASE, TLS_CERT: certFile })).rejects.toThrow(
      /TLS_CERT and TLS_KEY go together .*; TLS_KEY is not set/,
    );
    await expect(loadConfig({ ...BASE, TLS_KEY: keyFile })).rejects.toThrow(/TLS_CERT is not set/);
  });

  it('names the variable and the file it cannot read', async () => {
    const missing = path.join(dir, 'no-such-key.pem');
    await expect(loadConfig({ ...BASE, TLS_CERT: certFile, TLS_KEY: missing })).rejects.toThrow(
      `TLS_KEY: cannot read ${missing} (ENOENT)`,
    );
    await expect(loadConfig({ ...BASE, TLS_CERT: dir, TLS_KEY: keyFile })).rejects.toThrow(
      `TLS_CERT: cannot read ${dir} (EISDIR)`,
    );
  });
});
