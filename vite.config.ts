/// <reference types="vitest/config" />
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Rolldown } from 'vite';
import { areaShells } from './scripts/vite-area-shells';
import { precompress } from './scripts/vite-precompress';

type ChunkingContext = Parameters<
  Extract<Rolldown.CodeSplittingGroup['name'], (...args: never[]) => unknown>
>[1];

export default defineConfig({
  resolve: {
    // The client's shared code, as tsconfig.json's "paths" names it: `#shared/lib/routes`.
    alias: [
      {
        find: /^#shared\//,
        replacement: `${path.resolve(import.meta.dirname, 'src/client/shared')}/`,
      },
    ],
  },
  plugins: [
    react(),
    // Self-study must work offline after the first visit: precache every built asset and
    // answer navigations with the app shell.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Article Discussion',
        short_name: 'Discussion',
        description:
          'Read a news article section by section, discuss it and forecast what comes next.',
        theme_color: '#1d3b53',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: 'index.html',
        // /lti serves the server's own pages (the deep-linking answer that posts to the LMS).
        navigateFallbackDenylist: [/^\/api\//, /^\/lti\//],
        // A lesson opened by its link once keeps working offline: the network first (fresh when
        // the teacher publishes a new version), the copy kept here when there is none. A link
        // the teacher withdrew (404) drops the copy.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/api/shared-lessons/'),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'shared-lessons',
              networkTimeoutSeconds: 3,
              cacheableResponse: { statuses: [200] },
              // Lessons and the answer keys of their done items (one entry each).
              expiration: { maxEntries: 500 },
              plugins: [
                {
                  // Serialised into the service worker: it may use nothing from this file.
                  fetchDidSucceed: async ({ request, response }) => {
                    if (response.status === 404) {
                      await (await caches.open('shared-lessons')).delete(request);
                    }
                    return response;
                  },
                },
              ],
            },
          },
        ],
        cleanupOutdatedCaches: true,
        // Take over the page on the first visit, so it works offline without a second load.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    // The app shell for the teacher's and the live class's pages, naming the chunks they load.
    areaShells([
      // Every teacher page first asks who is signed in (teacherMeQuery).
      {
        name: 'teacher',
        entry: 'src/client/app/teacher-routes.tsx',
        fetches: ['/api/auth/session'],
        bare: true,
      },
      { name: 'live', entry: 'src/client/app/live-routes.tsx' },
    ]),
    // A brotli and a gzip copy of every text file, which the server sends by content negotiation.
    precompress(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports preloads modules itself: no polyfill in the first download.
    // The first download names no other chunk's imports (each name costs it bytes): a lazily
    // loaded part brings its own styles, and its scripts are named by its page's shell
    // (scripts/vite-area-shells.ts) on a first visit and precached by the service worker after.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostId }) =>
        isEntryChunk(hostId) ? deps.filter((dep) => dep.endsWith('.css')) : deps,
    },
    rolldownOptions: {
      output: {
        // The first visit's code in one chunk, the entry's: split into chunks shared with the
        // lazily loaded pages, it compresses worse and needs more requests.
        codeSplitting: {
          groups: [
            { name: (id: string, ctx: ChunkingContext) => (isFirstLoad(id, ctx) ? 'index' : null) },
          ],
        },
      },
    },
  },
  server: {
    // In development the API runs on its own port (npx tsx src/server/main.ts).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    host: '127.0.0.1',
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/server/test/global-setup.ts'],
    // API tests start real servers on real databases.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

/** The app's entry: what it imports (not lazily) is what every first visit downloads. */
const ENTRY = path.resolve(import.meta.dirname, 'src/client/main.tsx');
let firstLoad: ReadonlySet<string> | undefined;

/** The first visit's chunk, which the codeSplitting group above names `index`. */
const isEntryChunk = (fileName: string) => /(?:^|\/)index-[\w-]+\.js$/.test(fileName);

/** Whether the module is one the entry imports, directly or through others, without import(). */
function isFirstLoad(id: string, ctx: ChunkingContext): boolean {
  if (!firstLoad) {
    const found = new Set([ENTRY]);
    for (const moduleId of found) {
      for (const imported of ctx.getModuleInfo(moduleId)?.importedIds ?? []) found.add(imported);
    }
    firstLoad = found;
  }
  // The bundler's own runtime helpers, which the first visit's modules use too.
  return firstLoad.has(id) || id.includes('rolldown/runtime');
}
