import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The app shells of the lazily loaded parts of the app (written by scripts/vite-area-shells.ts):
 * each names the chunks its pages load, so the browser fetches them at once. The addresses
 * follow the client's routes (src/client/app/route-areas.ts); any other page gets index.html.
 */
const isUnder = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

const AREA_SHELLS: readonly { file: string; isFor: (pathname: string) => boolean }[] = [
  // The classroom screen draws no site header: its first paint shows none either.
  {
    file: 'shells/teacher-bare.html',
    isFor: (pathname) => /^\/teach\/sessions\/[^/]+\/projector$/.test(pathname),
  },
  { file: 'shells/teacher.html', isFor: (pathname) => isUnder(pathname, '/teach') },
  {
    file: 'shells/live.html',
    // A student's forecasts past the lesson are pages of the live area too.
    isFor: (pathname) =>
      isUnder(pathname, '/join') || isUnder(pathname, '/live') || isUnder(pathname, '/forecasts'),
  },
];

/**
 * Which file of `staticDir` to send for a page's address: its area's shell when the build has
 * one, else index.html (a build without shells still works, only without the head start).
 */
export function pageShells(staticDir: string): (pathname: string) => string {
  const built = AREA_SHELLS.filter((shell) => existsSync(path.join(staticDir, shell.file)));
  return (pathname) => built.find((shell) => shell.isFor(pathname))?.file ?? 'index.html';
}
