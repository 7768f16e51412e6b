import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { describeWithServer } from './use-test-server';

// A self-signed certificate for 127.0.0.1, made for this run: a classroom box's own.
const certDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-tls-'));
const certFile = path.join(certDir, 'cert.pem');
const keyFile = path.join(certDir, 'key.pem');
execFileSync(
  'openssl',
  [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
    ...[
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
  ],
  { stdio: 'ignore' },
);
const cert = readFileSync(certFile);
const key = readFileSync(keyFile);

afterAll(() => {
  rmSync(certDir, { recursive: true, force: true });
});

interface HttpsAnswer {
  readonly status: number;
  readonly hsts: string | undefined;
  readonly setCookies: readonly string[];
}

/** One request over HTTPS as a browser that trusts the test's certificate makes it. */
function overHttps(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const sent = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        ca: cert,
        headers: {
          ...options.headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const hsts = response.headers['strict-transport-security'];
          resolve({
            status: response.statusCode ?? 0,
            hsts: typeof hsts === 'string' ? hsts : undefined,
            setCookies: response.headers['set-cookie'] ?? [],
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

const cookieNamed = (setCookies: readonly string[], name: string) =>
  setCookies.find((line) => line.startsWith(`${name}=`));
const valueOf = (line: string | undefined) => line?.split(';')[0] ?? '';

describeWithServer('built-in HTTPS (%s)', { config: () => ({ tls: { cert, key } }) }, (context) => {
  it('tells the browser to keep to HTTPS, and marks every cookie Secure', async () => {
    const { baseUrl } = context.server;
    expect(baseUrl).toMatch(/^https:/);

    const csrf = await overHttps(`${baseUrl}/api/csrf`);
    expect(csrf.status).toBe(200);
    expect(csrf.hsts).toBe('max-age=31536000');
    const csrfCookie = cookieNamed(csrf.setCookies, '__Host-csrf');
    expect(csrfCookie).toMatch(/; Secure/);
    const csrfPair = valueOf(csrfCookie);
    const token = decodeURIComponent(csrfPair.slice(csrfPair.indexOf('=') + 1));
    const writeHeaders = { cookie: csrfPair, 'x-csrf-token': token };

    const account = {
      email: `${randomUUID()}@school.example`,
      name: 'Teacher',
      password: 'correct horse battery',
    };
    const signUp = await overHttps(`${baseUrl}/api/auth/sign-up`, {
      method: 'POST',
      headers: writeHeaders,
      body: account,
    });
    expect(signUp.status).toBe(201);
    expect(signUp.hsts).toBe('max-age=31536000');
    expect(cookieNamed(signUp.setCookies, 'sid')).toMatch(
      /; HttpOnly; Secure|; Secure.*; HttpOnly/,
    );

    const signIn = await overHttps(`${baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: writeHeaders,
      body: { email: account.email, password: account.password },
    });
    expect(signIn.status).toBe(200);
    expect(cookieNamed(signIn.setCookies, 'sid')).toMatch(/; Secure/);
    expect(signIn.setCookies.every((line) => /; Secure/.test(line))).toBe(true);
  });
});

describeWithServer(
  'HTTPS through a trusted proxy (%s)',
  { config: { trustProxy: ['127.0.0.1'] } },
  (context) => {
    it('sends HSTS and Secure cookies when the proxy says https, and neither over plain HTTP', async () => {
      const viaProxy = await new ApiClient(context.server.baseUrl).request(
        'GET',
        '/api/csrf',
        undefined,
        { 'x-forwarded-proto': 'https' },
      );
      expect(viaProxy.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(viaProxy.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^__Host-csrf=.*; Secure/),
      ]);

      const plain = await new ApiClient(context.server.baseUrl).get('/api/csrf');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      expect(plain.headers.getSetCookie()).toEqual([expect.not.stringMatching(/Secure/)]);
    });
  },
);

describe('starting on a network address', () => {
  it('refuses plain HTTP, saying how to serve HTTPS or allow it, before opening any database', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-plain-'));
    const started = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        path.resolve('node_modules/.bin/tsx'),
        [path.resolve('src/server/main.ts')],
        {
          env: { PATH: process.env.PATH ?? '', HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir },
          timeout: 60_000,
        },
        (error, _stdout, stderr) => {
          resolve({ code: error && typeof error.code === 'number' ? error.code : 0, stderr });
        },
      );
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('HOST is 0.0.0.0, a network address');
    expect(started.stderr).toContain('set TLS_CERT and TLS_KEY');
    expect(started.stderr).toContain('set ALLOW_PLAIN_HTTP=1');
    expect(started.stderr).toContain('README.md, "In a classroom: HTTPS first"');
  });
});

describe('starting with TLS_CERT and TLS_KEY', () => {
  it('listens on a network address over HTTPS and says so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'article-discussion-https-'));
    const server = spawn(
      path.resolve('node_modules/.bin/tsx'),
      [path.resolve('src/server/main.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOST: '0.0.0.0',
          PORT: '0',
          DATA_DIR: dataDir,
          TLS_CERT: certFile,
          TLS_KEY: keyFile,
        },
      },
    );
    try {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await expect
        .poll(() => output, { timeout: 60_000 })
        .toMatch(/running at https:\/\/localhost:\d+/);
      const port = /localhost:(\d+)/.exec(output)?.[1] ?? '';
      const health = await overHttps(`https://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(health.hsts).toBe('max-age=31536000');
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
