import { spawn } from 'node:child_process';
import { BENCH_HOST } from './http-client';

/**
 * The floor the app's fan-out is compared with: a bare Node HTTP server (no framework, no
 * database) in a child process of its own, like the app's, that holds event streams and writes
 * one event to all of them when POST /broadcast arrives.
 */
const SCRIPT = `
import http from 'node:http';
const streams = new Set();
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('event: ready\\ndata: {}\\n\\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/broadcast') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const frame = 'event: broadcast\\ndata: ' + body + '\\n\\n';
      for (const stream of streams) stream.write(frame);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ streams: streams.size }));
    });
    return;
  }
  res.writeHead(404);
  res.end();
});
server.listen(0, ${JSON.stringify(BENCH_HOST)}, () => {
  console.log('bare broadcast on port ' + server.address().port);
});
process.on('SIGTERM', () => process.exit(0));
`;

export interface BareBroadcastServer {
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startBareBroadcastServer(): Promise<BareBroadcastServer> {
  const child = spawn(process.execPath, ['--input-type=module', '--eval', SCRIPT], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the bare broadcast server');
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => {
      resolve();
    });
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const match = /bare broadcast on port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => {
      reject(new Error(`the bare broadcast server exited: ${stderr.trim()}`));
    });
  });
  return {
    port,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
