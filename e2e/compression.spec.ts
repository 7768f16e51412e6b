import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** The build the e2e server serves (STATIC_DIR's default). */
const DIST = path.resolve(import.meta.dirname, '..', 'dist');
/** Text files, which the build precompresses and the server must never send uncompressed. */
const TEXT_FILE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;

function builtTextFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return builtTextFiles(full);
    return TEXT_FILE.test(entry.name)
      ? [`/${path.relative(DIST, full).split(path.sep).join('/')}`]
      : [];
  });
}

test('every built text file and every page goes out compressed to a browser that accepts it', async ({
  request,
}) => {
  const files = builtTextFiles();
  // The shell, the service worker, the app's entry script and its style sheet at least.
  expect(files).toEqual(expect.arrayContaining(['/index.html', '/sw.js', '/robots.txt']));
  expect(files.some((file) => /^\/assets\/index-.*\.js$/.test(file))).toBe(true);
  // Compressed once, at build time, not for each request.
  for (const file of files) {
    for (const suffix of ['.br', '.gz'])
      expect(existsSync(path.join(DIST, file + suffix)), file + suffix).toBe(true);
  }
  // Pages are the shell, sent by the server's fallback rather than as a file.
  const urls = [...files, '/', '/join', '/teach', '/s/soleimani-2020'];
  for (const [accepted, expected] of [
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
  ] as const) {
    for (const url of urls) {
      const response = await request.get(url, { headers: { 'accept-encoding': accepted } });
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-encoding'], `${url} (Accept-Encoding: ${accepted})`).toBe(
        expected,
      );
      expect(response.headers()['vary'], url).toMatch(/accept-encoding/i);
    }
  }
  // A client that accepts no compression still gets the file, as it is.
  const plain = await request.get('/index.html', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(await plain.text()).toContain('<div id="root">');
});

test('/robots.txt is a robots file, not the app', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).not.toContain('<html');
});
