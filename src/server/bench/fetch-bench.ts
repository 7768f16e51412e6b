/**
 * Article fetch benchmark: serves a news page of about 1 MB from a local HTTP server (an article
 * of about 1,500 words inside the markup news sites send: related-story cards, an inline JSON
 * state, a style sheet) and times, run after run, the guarded fetch (fetchPage) and the extraction
 * (Readability over linkedom), then the language check and the drafting. Prints each run and
 * the median; the target is fetch + extraction <= 2 s (issue 22).
 *
 *   npm run bench:fetch -- [--kb 1024] [--runs 5]
 *
 * Only ever talks to 127.0.0.1 (let through the address guard as ARTICLE_FETCH_ALLOW_HOSTS
 * would).
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { draftLesson } from '#domain/drafting/draft-lesson';
import { detectLanguage } from '../articles/article-language';
import { extractArticle } from '../articles/extract-article';
import { fetchPage } from '../articles/safe-fetch';
import { wordRank } from '../articles/word-rank';
import { ARTICLE, articlePage } from '../test/article-site';
import { formatTable, ms, summarize } from './stats';
import { runBench } from './run-bench';

const TARGET_MS = 2000;

/** Story cards, an inline state and a style sheet until the page is `bytes` long. */
function newsPage(bytes: number): string {
  const paragraphs = Array.from({ length: 5 }, () => ARTICLE.paragraphs).flat();
  const bare = articlePage({ paragraphs });
  const cards: string[] = [];
  const state: string[] = [];
  let size = bare.length;
  for (let i = 0; size < bytes; i += 1) {
    const card = `<div class="related-story related-story--${i % 7}"><a href="/news/2026/11/story-${i}"><img src="/img/${i}.jpg" alt="" loading="lazy"><h3 class="related-story__title">Story ${i}: council, river and school news from the valley</h3></a><p class="related-story__teaser">A short teaser of story ${i}, as a news site lists its other stories beside the one you read.</p></div>\n`;
    const entry = `{"id":${i},"slug":"story-${i}","section":"news","tags":["valley","river","council"],"teaser":"A short teaser of story ${i}"},`;
    cards.push(card);
    state.push(entry);
    size += card.length + entry.length;
  }
  const style = `<style>${'.related-story{display:grid;gap:8px;padding:12px}'.repeat(200)}</style>`;
  return bare
    .replace('</head>', `${style}</head>`)
    .replace(
      '<aside></aside>',
      `<aside class="related">${cards.join('')}</aside><script id="__STATE__" type="application/json">[${state.join('').slice(0, -1)}]</script>`,
    );
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { kb: { type: 'string', default: '1024' }, runs: { type: 'string', default: '5' } },
  });
  const page = newsPage(Number(values.kb) * 1024);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const limits = {
    timeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 3,
    allowHosts: [{ host: '127.0.0.1', port }],
  };
  const rows: string[][] = [];
  const totals: number[] = [];
  try {
    for (let run = 1; run <= Number(values.runs); run += 1) {
      const start = performance.now();
      const fetched = await fetchPage(`http://127.0.0.1:${port}/news/flood-wall`, limits);
      const fetchedAt = performance.now();
      const article = extractArticle(fetched.body, { url: fetched.url, field: 'url' });
      const extractedAt = performance.now();
      const text = article.blocks.map((block) => block.text).join('\n');
      const language = detectLanguage(text);
      draftLesson({ ...article, language }, { lessonId: 'bench', today: '2026-12-07', wordRank });
      const draftedAt = performance.now();
      totals.push(extractedAt - start);
      rows.push([
        String(run),
        `${(Buffer.byteLength(fetched.body) / 1024).toFixed(0)} KB`,
        String(text.split(/\s+/).length),
        ms(fetchedAt - start),
        ms(extractedAt - fetchedAt),
        ms(extractedAt - start),
        ms(draftedAt - extractedAt),
      ]);
    }
  } finally {
    server.close();
  }
  const header = ['run', 'page', 'words', 'fetch ms', 'extract ms', 'fetch+extract', 'lang+draft'];
  console.log(formatTable(header, rows));
  const { p50, max } = summarize(totals);
  const met = p50 <= TARGET_MS;
  console.log(
    `\nfetch + extraction: median ${ms(p50)} ms, max ${ms(max)} ms (target <= ${TARGET_MS} ms: ${met ? 'met' : 'MISSED'})`,
  );
  console.log('(run 1 includes loading the word list on its first draft)');
  return met ? 0 : 1;
}

runBench(main);
