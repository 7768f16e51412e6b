/**
 * `npm run lighthouse`: audits the built app, served by the real server, with Lighthouse 12 on
 * the system Chromium (CHROME_PATH, /usr/bin/chromium by default), mobile profile. Prints the
 * four scores and the Largest Contentful Paint of `/`, `/join`, a section page and `/teach`,
 * then the student's pages once more on a slow 3G profile.
 *
 *   npm run lighthouse                 builds dist/ when it is missing, then audits
 *   npm run lighthouse -- --no-3g      only the mobile profile
 *   npm run lighthouse -- --url http://127.0.0.1:3000   audit a server already running
 *   npm run lighthouse -- --min        exit 1 when a score is under its target
 *                                      (100 accessibility, best practices, SEO; 98 performance)
 *
 * The server runs on a fresh embedded database in a temporary directory, on a free port.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { startServerProcess } from '../src/server/bench/server-process';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};
/** Chrome DevTools' "Slow 3G": 400 ms round trips, 400 kbit/s down and up, a 4x slower CPU. */
const SLOW_3G = [
  '--throttling-method=simulate',
  '--throttling.rttMs=400',
  '--throttling.throughputKbps=400',
  '--throttling.cpuSlowdownMultiplier=4',
];

interface LighthouseResult {
  readonly categories: Record<string, { score: number | null } | undefined>;
  readonly audits: Record<
    string,
    | {
        numericValue?: number;
        score: number | null;
        title: string;
        scoreDisplayMode?: string;
      }
    | undefined
  >;
  readonly runtimeError?: { message: string };
}

const section = soleimaniLesson.sections[0]!;
const PAGES = [
  { name: 'home', path: '/', student: true },
  { name: 'join', path: '/join', student: true },
  { name: 'section', path: `/s/soleimani-2020/study/${section.id}`, student: true },
  { name: 'teach', path: '/teach', student: false },
];

/** One Lighthouse run of `url`; its error in one line when Lighthouse fails (it sometimes does). */
async function lighthouseOnce(url: string, extra: readonly string[]): Promise<LighthouseResult> {
  const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  let stdout: string;
  try {
    ({ stdout } = await run(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        ...extra,
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        maxBuffer: 64 * 1024 * 1024,
      },
    ));
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const firstLine = typeof stderr === 'string' ? stderr.trim().split('\n')[0] : undefined;
    throw new Error(`Lighthouse on ${url} failed: ${firstLine ?? String(error).slice(0, 300)}`, {
      cause: error,
    });
  }
  const result = JSON.parse(stdout) as LighthouseResult;
  if (result.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.runtimeError.message}`);
  return result;
}

/** Lighthouse, tried a second time when the first run fails (a lost trace on a busy machine). */
async function lighthouse(url: string, extra: readonly string[]): Promise<LighthouseResult> {
  try {
    return await lighthouseOnce(url, extra);
  } catch (error) {
    console.log(`          (${error instanceof Error ? error.message : String(error)}; again)`);
    return lighthouseOnce(url, extra);
  }
}

const score = (result: LighthouseResult, category: string) => {
  const value = result.categories[category]?.score;
  return value === null || value === undefined ? NaN : Math.round(value * 100);
};

/** The audits that cost points, for fixing them. */
function failedAudits(result: LighthouseResult): string[] {
  return Object.entries(result.audits)
    .filter(
      ([, audit]) =>
        audit &&
        audit.score !== null &&
        audit.score < 0.9 &&
        (audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric'),
    )
    .map(([id, audit]) => `${id} (${Math.round((audit?.score ?? 0) * 100)})`);
}

if (!existsSync(path.join(root, 'dist', 'index.html')) || args.has('--build')) {
  console.log('Building the client…');
  await build({ root, logLevel: 'warn' });
}

/** `--url <address>`: audit a server that is already running (serving a build) instead. */
const urlIndex = process.argv.indexOf('--url');
const givenUrl = urlIndex === -1 ? undefined : process.argv[urlIndex + 1];
const dataDir = givenUrl
  ? undefined
  : await mkdtemp(path.join(os.tmpdir(), 'article-discussion-lighthouse-'));
const server = dataDir
  ? await startServerProcess({
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: path.join(root, 'dist'),
        LOG_LEVEL: 'warn',
      },
      // A fresh embedded database takes a while on a busy small machine.
      startTimeoutMs: 180_000,
    })
  : undefined;
const base = givenUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${server?.port ?? 0}`;
let isBelowTarget = false;
try {
  const profiles = [{ name: 'mobile', flags: [] as string[], studentOnly: false }];
  if (!args.has('--no-3g')) profiles.push({ name: 'slow 3G', flags: SLOW_3G, studentOnly: true });
  for (const profile of profiles) {
    console.log(`\nLighthouse 12, ${profile.name} profile, ${base}`);
    console.log('page      perf  a11y  best  seo   LCP');
    for (const page of PAGES) {
      if (profile.studentOnly && !page.student) continue;
      const result = await lighthouse(base + page.path, profile.flags);
      const scores = CATEGORIES.map((category) => score(result, category));
      const lcp = result.audits['largest-contentful-paint']?.numericValue ?? NaN;
      console.log(
        `${page.name.padEnd(9)} ${scores.map((s) => String(s).padEnd(5)).join(' ')} ${(lcp / 1000).toFixed(2)} s`,
      );
      const failed = failedAudits(result);
      if (failed.length > 0) console.log(`          to fix: ${failed.join(', ')}`);
      if (profile.name === 'mobile') {
        for (const [index, category] of CATEGORIES.entries()) {
          if (scores[index]! < TARGETS[category]) isBelowTarget = true;
        }
      }
    }
  }
} finally {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
if (args.has('--min') && isBelowTarget) {
  console.error('\nA score is under its target (98 performance, 100 for the others).');
  process.exit(1);
}
