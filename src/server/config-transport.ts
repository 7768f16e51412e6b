import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';

/** The server's transport (issue 25.3): where plain HTTP is refused, and the certificate it serves HTTPS with. */

export interface TlsCredentials {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** Loopback: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Where the README explains the classroom's choices, named by the refusal below. */
const CLASSROOM_SETUP = 'README.md, "In a classroom: HTTPS first"';

/**
 * Students' and teachers' passwords, names and answers cross the network in clear over plain
 * HTTP, readable by anyone on a school Wi-Fi: on a network address the server wants HTTPS, its
 * own (TLS_CERT, TLS_KEY) or a proxy's (TRUST_PROXY: a proxy the app trusts is one that
 * terminates TLS before it, decision 0006), unless ALLOW_PLAIN_HTTP=1 says the network is
 * trusted. Loopback (the default) stays plain HTTP: nothing crosses a network. Returns the
 * refusal, or null.
 */
export function plainHttpRefusal(setting: {
  readonly host: string;
  readonly hasTls: boolean;
  readonly isBehindProxy: boolean;
  readonly allowsPlainHttp: boolean;
}): string | null {
  if (setting.hasTls || setting.isBehindProxy || setting.allowsPlainHttp) return null;
  if (isLoopbackHost(setting.host)) return null;
  return [
    `HOST is ${setting.host}, a network address, and the server would answer on it over plain HTTP, where passwords and students' answers cross the network unencrypted. Either:`,
    '  - serve HTTPS: set TLS_CERT and TLS_KEY to a certificate file and its key file, or',
    '  - on a network you trust, set ALLOW_PLAIN_HTTP=1.',
    `(Behind a reverse proxy that serves HTTPS, set TRUST_PROXY to its address instead.) See ${CLASSROOM_SETUP}.`,
  ].join('\n');
}

/** Reads TLS_CERT and TLS_KEY (both or neither), naming the variable and file it cannot read. */
export async function readTlsCredentials(
  certFile: string | undefined,
  keyFile: string | undefined,
): Promise<TlsCredentials | undefined> {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    const missing = certFile === undefined ? 'TLS_CERT' : 'TLS_KEY';
    throw new Error(
      `The server's environment is not valid:\n  TLS_CERT and TLS_KEY go together (a certificate and its key); ${missing} is not set`,
    );
  }
  const read = async (name: string, file: string) => {
    try {
      return await readFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Error(
        `The server's environment is not valid:\n  ${name}: cannot read ${path.resolve(file)} (${reason})`,
        { cause: error },
      );
    }
  };
  return { cert: await read('TLS_CERT', certFile), key: await read('TLS_KEY', keyFile) };
}
