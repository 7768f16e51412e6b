import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** What the shells need to know of a built chunk (Rolldown's output chunk has these fields). */
export interface BuiltChunk {
  readonly type: 'chunk';
  readonly fileName: string;
  readonly facadeModuleId: string | null;
  /** Its static imports, by file name. */
  readonly imports: readonly string[];
  readonly viteMetadata?: { readonly importedCss: ReadonlySet<string> };
}

/** A part of the app loaded lazily, and the module that starts it. */
export interface AppArea {
  readonly name: string;
  /** The area's dynamically imported module, from the project root. */
  readonly entry: string;
  /** API addresses every page of the area asks first, fetched with the scripts (same-origin). */
  readonly fetches?: readonly string[];
  /** Also write `<name>-bare.html`, without the site header, for the area's pages that draw none. */
  readonly bare?: boolean;
}

/** The files a page of an area needs beyond the entry's own: its scripts, then its styles. */
export interface AreaFiles {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
  /** API addresses, preloaded as the page's own fetch() will ask for them. */
  readonly fetches?: readonly string[];
}

function withStaticImports(start: BuiltChunk, chunks: ReadonlyMap<string, BuiltChunk>) {
  const found = new Set<string>();
  const visit = (chunk: BuiltChunk) => {
    if (found.has(chunk.fileName)) return;
    found.add(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = chunks.get(imported);
      if (next) visit(next);
    }
  };
  visit(start);
  return found;
}

/** The scripts index.html loads itself (its module scripts and module preloads), by file name. */
export function scriptsOf(indexHtml: string, base: string): string[] {
  const found = indexHtml.matchAll(
    /<(?:script type="module"[^>]*\ssrc|link rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g,
  );
  return [...found].map(([, url]) => (url!.startsWith(base) ? url!.slice(base.length) : url!));
}

/**
 * The scripts and styles an area's first page loads after the shell's own scripts: the area's
 * chunk and its static imports, less what the shell already loads.
 */
export function areaFiles(
  chunks: readonly BuiltChunk[],
  shellScripts: readonly string[],
  entryModulePath: string,
): AreaFiles | null {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const area = chunks.find((chunk) => chunk.facadeModuleId === entryModulePath);
  if (!area) return null;
  const loadedFirst = new Set<string>();
  for (const file of shellScripts) {
    const chunk = byName.get(file);
    if (chunk) for (const loaded of withStaticImports(chunk, byName)) loadedFirst.add(loaded);
  }
  const scripts = [...withStaticImports(area, byName)].filter((file) => !loadedFirst.has(file));
  const styles = scripts.flatMap((file) => [
    ...(byName.get(file)?.viteMetadata?.importedCss ?? []),
  ]);
  return { scripts, styles };
}

/**
 * The app shell with the area's files announced in its head, so the browser fetches them while
 * the entry's script downloads instead of after it has run. Styles are preloaded, not applied:
 * the app applies them when the area's module loads, as without the shell.
 */
export function shellFor(indexHtml: string, files: AreaFiles, base: string): string {
  const links = [
    ...files.scripts.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
    ...files.styles.map(
      (file) => `<link rel="preload" as="style" crossorigin href="${base}${file}">`,
    ),
    ...(files.fetches ?? []).map(
      (url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`,
    ),
  ];
  if (!indexHtml.includes('</head>')) throw new Error('index.html has no </head>');
  return indexHtml.replace('</head>', `${links.join('')}</head>`);
}

const SITE_HEADER = /<!-- site-header[\s\S]*?<!-- \/site-header -->\s*/;

/** The shell without the site header (the projector's classroom screen draws none). */
export function withoutSiteHeader(html: string): string {
  if (!SITE_HEADER.test(html)) throw new Error('index.html marks no <!-- site-header --> block');
  return html.replace(SITE_HEADER, '');
}

/**
 * Writes `shells/<area>.html` beside index.html for each lazily loaded area: the server sends it
 * for that area's pages (src/server/lib/page-shells.ts), so a first visit to `/teach` or `/join`
 * does not wait for one script to run before the next is asked for. Runs before the
 * precompression, which compresses the shells too.
 */
export function areaShells(areas: readonly AppArea[]): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'article-discussion:area-shells',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(_options, bundle) {
      if (!config || config.build.ssr) return;
      const chunks = Object.values(bundle).filter(
        (output): output is typeof output & BuiltChunk => output.type === 'chunk',
      );
      const outDir = path.resolve(config.root, config.build.outDir);
      const indexHtml = await readFile(path.join(outDir, 'index.html'), 'utf8');
      await mkdir(path.join(outDir, 'shells'), { recursive: true });
      const shellScripts = scriptsOf(indexHtml, config.base);
      if (shellScripts.length === 0) throw new Error('index.html loads no module script');
      for (const area of areas) {
        const files = areaFiles(chunks, shellScripts, path.resolve(config.root, area.entry));
        if (!files) throw new Error(`No chunk starts the ${area.name} area (${area.entry})`);
        const shell = shellFor(indexHtml, { ...files, fetches: area.fetches ?? [] }, config.base);
        await writeFile(path.join(outDir, 'shells', `${area.name}.html`), shell);
        if (area.bare) {
          await writeFile(
            path.join(outDir, 'shells', `${area.name}-bare.html`),
            withoutSiteHeader(shell),
          );
        }
      }
    },
  };
}
