import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES } from '../app';
import { createLiveSession, joinAs, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';

/** A GET that keeps the body as the server sent it (fetch would decompress it). */
async function rawGet(url: string, acceptEncoding: string) {
  const response = await fetch(url, { headers: { 'accept-encoding': acceptEncoding } });
  return {
    status: response.status,
    encoding: response.headers.get('content-encoding'),
    vary: response.headers.get('vary'),
    text: await response.text(),
  };
}

describeWithServer('Compressed API answers on %s', { kinds: ['pglite'] }, (ctx) => {
  it('sends a large JSON answer compressed to a client that accepts it, and plain otherwise', async () => {
    const url = `${ctx.server.baseUrl}/api/shared-lessons/soleimani-2020`;
    const brotli = await rawGet(url, 'gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.encoding).toBe('br');
    expect(brotli.vary).toMatch(/accept-encoding/i);
    expect(brotli.text.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect((await rawGet(url, 'gzip')).encoding).toBe('gzip');

    const plain = await rawGet(url, 'identity');
    expect(plain.encoding).toBeNull();
    expect(JSON.parse(plain.text)).toMatchObject({ lesson: expect.anything() as unknown });
  });

  it('sends the bytes it says: a brotli answer decompresses to the plain one', async () => {
    const url = `${ctx.server.baseUrl}/api/shared-lessons/soleimani-2020`;
    const compressed = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    // Node's fetch decodes by itself; read the raw bytes through a plain HTTP client instead.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      httpRequest(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve(Buffer.concat(chunks));
        });
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(brotliDecompressSync(raw).toString('utf8')).toBe(await compressed.text());
  });

  it('leaves a small JSON answer as it is', async () => {
    const small = await rawGet(`${ctx.server.baseUrl}/api/health`, 'gzip, deflate, br');
    expect(small.status).toBe(200);
    expect(small.text.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(small.encoding).toBeNull();
  });

  it('never compresses an event stream, which must reach the browser event by event', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'teacher-paced');
    const { student } = await joinAs(ctx.server.baseUrl, session.joinCode, 'Kim');
    const stream = await student.openStream(`/api/sessions/${session.id}/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('content-encoding')).toBeNull();
    expect((await stream.next()).event).toBe('ready');
    stream.close();
  });
});
