import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Debian's headless shell (`apt-get install chromium-headless-shell`) is the browser Playwright
 * itself prefers for headless runs: it runs the suite on about a third less CPU than the full
 * browser in headless mode, which the tests fall back to.
 */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  SYSTEM_CHROMIUMS.find((file) => existsSync(file)) ??
  SYSTEM_CHROMIUMS[1];

/**
 * End-to-end tests drive the system Chromium (never a downloaded one): its headless shell or the
 * full browser, or the one at the path in CHROMIUM_PATH. They run against the real server on a
 * fresh embedded database, serving the production build, which `npm test` makes first (the
 * offline service worker exists only there).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'npx tsx src/server/main.ts',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(os.tmpdir(), `article-discussion-e2e-${process.pid}`),
      LOG_LEVEL: 'warn',
      // e2e/article-draft.spec.ts serves its articles from a local server on a random port.
      ARTICLE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      // Not the default (12): e2e/documents.spec.ts checks the privacy pages print this server's own.
      IDLE_SESSION_HOURS: '36',
    },
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
