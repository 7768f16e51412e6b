import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The built files that are text, and so worth compressing: everything but images and fonts. */
export const TEXT_ASSET = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/**
 * Writes a brotli (`.br`, best quality) and a gzip (`.gz`, level 9) copy beside every text file
 * of the build, once the build is complete (the service worker included: this runs after
 * vite-plugin-pwa). The server sends whichever the browser accepts (@fastify/static's
 * `preCompressed`), so nothing is compressed while a class is waiting.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'article-discussion:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!config || config.build.ssr) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const jobs: Promise<void>[] = [];
        for await (const file of filesUnder(outDir)) {
          if (!TEXT_ASSET.test(file)) continue;
          jobs.push(
            (async () => {
              const content = await readFile(file);
              const [br, gz] = await Promise.all([
                brotli(content, {
                  params: {
                    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                    [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                  },
                }),
                gzipAsync(content, { level: 9 }),
              ]);
              await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
            })(),
          );
        }
        await Promise.all(jobs);
      },
    },
  };
}
