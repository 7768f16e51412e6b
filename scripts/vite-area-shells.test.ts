import { describe, expect, it } from 'vitest';
import {
  areaFiles,
  type BuiltChunk,
  scriptsOf,
  shellFor,
  withoutSiteHeader,
} from './vite-area-shells';

const chunk = (
  fileName: string,
  imports: string[] = [],
  more: Partial<Omit<BuiltChunk, 'type' | 'fileName' | 'imports'>> = {},
): BuiltChunk => ({ type: 'chunk', fileName, imports, facadeModuleId: null, ...more });

const INDEX_HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/runtime.js"></script>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index.css">
<script id="register-sw" src="/registerSW.js" defer></script></head><body></body></html>`;

describe('the app shell of a lazily loaded area', () => {
  const chunks = [
    chunk('assets/runtime.js'),
    chunk('assets/index.js', ['assets/runtime.js']),
    chunk('assets/teacher.js', ['assets/runtime.js', 'assets/query.js', 'assets/table.js'], {
      facadeModuleId: '/app/src/teacher-routes.tsx',
      viteMetadata: { importedCss: new Set(['assets/teacher.css']) },
    }),
    chunk('assets/query.js', ['assets/runtime.js', 'assets/zod.js']),
    chunk('assets/zod.js'),
    chunk('assets/table.js', ['assets/query.js']),
    chunk('assets/review.js', ['assets/table.js'], { facadeModuleId: '/app/src/review.tsx' }),
  ];

  it('reads the scripts index.html loads itself, not its classic scripts', () => {
    expect(scriptsOf(INDEX_HTML, '/')).toStrictEqual(['assets/runtime.js', 'assets/index.js']);
  });

  it("names the area's chunk and everything it imports, less what the shell already loads", () => {
    const files = areaFiles(
      chunks,
      ['assets/runtime.js', 'assets/index.js'],
      '/app/src/teacher-routes.tsx',
    );
    expect(files).toStrictEqual({
      scripts: ['assets/teacher.js', 'assets/query.js', 'assets/zod.js', 'assets/table.js'],
      styles: ['assets/teacher.css'],
    });
  });

  it('finds no area for a module that starts no chunk', () => {
    expect(areaFiles(chunks, ['assets/index.js'], '/app/src/nowhere.tsx')).toBeNull();
  });

  it('announces the scripts as module preloads and the styles as preloads, in the head', () => {
    const html = shellFor(INDEX_HTML, { scripts: ['assets/a.js'], styles: ['assets/a.css'] }, '/');
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/a.js"><link rel="preload" as="style" crossorigin href="/assets/a.css"></head>',
    );
    expect(html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')).toBe(INDEX_HTML);
  });

  it('preloads the API addresses the pages ask first, as their fetch() asks for them', () => {
    const html = shellFor(
      INDEX_HTML,
      { scripts: [], styles: [], fetches: ['/api/auth/session'] },
      '/',
    );
    expect(html).toContain(
      '<link rel="preload" as="fetch" crossorigin href="/api/auth/session"></head>',
    );
  });

  it('leaves the marked site header out of the bare shell, and refuses a page without the marks', () => {
    const html =
      '<body><div id="root"><!-- site-header: the first paint --><header>Nav</header>' +
      '<!-- /site-header -->\n      <main id="main"></main></div></body>';
    expect(withoutSiteHeader(html)).toBe(
      '<body><div id="root"><main id="main"></main></div></body>',
    );
    expect(() => withoutSiteHeader('<body><header>Nav</header></body>')).toThrow(
      'index.html marks no <!-- site-header --> block',
    );
  });

  it('refuses an index.html without a head to add to', () => {
    expect(() => shellFor('<html></html>', { scripts: [], styles: [] }, '/')).toThrow(
      'index.html has no </head>',
    );
  });
});
