import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * `npm start`: builds the client when dist/ is missing or older than its sources, then starts
 * the server, which serves the built client and the API on one port.
 */
function newestChange(paths: readonly string[]): number {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      const children = readdirSync(entry).map((child) => path.join(entry, child));
      newest = Math.max(newest, newestChange(children));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

const builtIndex = path.resolve('dist/index.html');
const sources = ['src/client', 'src/domain', 'public', 'index.html', 'vite.config.ts'].map((p) =>
  path.resolve(p),
);
const isStale = !existsSync(builtIndex) || statSync(builtIndex).mtimeMs < newestChange(sources);
if (isStale) {
  console.log('Building the client…');
  await build({ logLevel: 'warn' });
}
await import('./main');
