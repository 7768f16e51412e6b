import { lookup } from 'node:dns/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHtml, startArticleSite, type ArticleSite } from '../test/article-site';
import { fetchPage, type FetchLimits } from './safe-fetch';

let site: ArticleSite;
/** The site listens on 127.0.0.1 only: where localhost is ::1 first, the name cannot reach it. */
let localhostIsIpv4 = false;
beforeAll(async () => {
  localhostIsIpv4 = (await lookup('localhost', { verbatim: true })).address === '127.0.0.1';
  site = await startArticleSite(() => ({
    '/page': sendHtml('<p>Café</p>'),
    '/latin1': (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from('<meta charset="iso-8859-1"><p>Café</p>', 'latin1'));
    },
    '/gzip': (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(gzipSync('<p>Packed</p>'));
    },
    // 6 MB of zeros in 6 KB: cut off once unpacked past the limit.
    '/bomb': (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(6 * 1024 * 1024)));
    },
  }));
});
afterAll(() => site.close());

const limits = (allowHosts: FetchLimits['allowHosts']): FetchLimits => ({
  timeoutMs: 5000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
  allowHosts,
});

describe('the guarded fetch', () => {
  it('connects to the address it checked for an allowed name', async (context) => {
    if (!localhostIsIpv4) context.skip('localhost is not 127.0.0.1 first here');
    // localhost is resolved once, here; the connection goes to that address.
    const page = await fetchPage(
      `http://localhost:${site.port}/page`,
      limits([{ host: 'localhost', port: site.port }]),
    );
    expect(page).toEqual({
      url: `http://localhost:${site.port}/page`,
      kind: 'html',
      body: '<p>Café</p>',
    });
  });

  it('refuses the same name when it is not allowed, before connecting', async () => {
    await expect(fetchPage(`http://localhost:${site.port}/page`, limits([]))).rejects.toMatchObject(
      {
        code: 'url_refused',
        message: expect.stringMatching(/localhost leads to .*loopback/) as string,
      },
    );
  });

  it('reads a page in the charset it names, and a compressed one', async () => {
    const allowed = limits([{ host: '127.0.0.1', port: site.port }]);
    expect((await fetchPage(`${site.origin}/latin1`, allowed)).body).toContain('Café');
    expect((await fetchPage(`${site.origin}/gzip`, allowed)).body).toBe('<p>Packed</p>');
    await expect(fetchPage(`${site.origin}/bomb`, allowed)).rejects.toMatchObject({
      code: 'too_large',
    });
  });
});
