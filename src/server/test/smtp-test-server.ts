import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { StorageKind } from './test-server';
import { useTestServer, type ServerContext } from './use-test-server';

/** One message as the SMTP server received it, with its text body decoded. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly headers: string;
  readonly text: string;
}

export interface SmtpTestServer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Resolves with the next message to arrive (or the first one not yet taken). */
  nextMail(timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes = Buffer.from(
      joined.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
      'latin1',
    );
    return bytes.toString('utf8');
  }
  return body;
}

/**
 * A minimal SMTP server on 127.0.0.1 for tests: accepts every message (no TLS, no auth), so
 * the server under test talks real SMTP over a real socket, as it would to a mail relay.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test-smtp ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          const raw = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const split = raw.indexOf('\r\n\r\n');
          const headers = split === -1 ? raw : raw.slice(0, split);
          const body = split === -1 ? '' : raw.slice(split + 4);
          received.push({ from, to, headers, text: decodeBody(headers, body) });
          for (const wake of [...waiters]) wake();
          reply('250 OK: queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test-smtp');
        else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 OK');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP test server has no port');

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    async nextMail(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= taken) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No e-mail arrived within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
      const mail = received[taken];
      taken += 1;
      if (!mail) throw new Error('no e-mail');
      return mail;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

/**
 * A mail server for the describe block, and the block's API server sending its mail through it
 * with links to `publicUrl`. The mail server's hooks are registered first: it starts before the
 * API server and stops after it. `smtp` may be read in tests only.
 */
export function useServerWithMail(
  kind: StorageKind,
  publicUrl: string,
): { ctx: ServerContext; smtp: SmtpTestServer } {
  let started: SmtpTestServer | undefined;
  const mailServer = () => {
    if (!started) throw new Error('the mail server starts in beforeAll: use it in tests');
    return started;
  };
  beforeAll(async () => {
    started = await startSmtpTestServer();
  });
  afterAll(async () => {
    await started?.close();
  });
  const ctx = useTestServer(kind, () => ({
    smtpUrl: mailServer().url,
    mailFrom: 'Article Discussion <noreply@school.example>',
    publicUrl,
  }));
  const smtp: SmtpTestServer = {
    get url() {
      return mailServer().url;
    },
    get received() {
      return mailServer().received;
    },
    nextMail: (timeoutMs) => mailServer().nextMail(timeoutMs),
    close: () => mailServer().close(),
  };
  return { ctx, smtp };
}
