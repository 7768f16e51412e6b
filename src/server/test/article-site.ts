import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A news story written for these tests: English, about 400 words, with a heading and a caption. */
export const ARTICLE = {
  title: 'River town votes to rebuild its flood wall',
  byline: 'By Dana Whitfield',
  siteName: 'The Valley Ledger',
  published: '2026-11-30',
  paragraphs: [
    'The town council of Millbrook voted 6 to 1 on Monday to spend $14 million rebuilding the flood wall that failed during the storms of March 2025, when the Cedar River rose nine feet in two days.',
    'Mayor Ruth Alvarez said the vote was the most important decision the council had made in a generation. "We cannot ask families to move back to the river district without a wall they can trust," she told a packed meeting at the high school gym.',
    'The new wall will be two feet taller than the old one and built of reinforced concrete instead of earth and stone. Engineers from the state Department of Natural Resources reviewed the design in October.',
    'Work is expected to begin in April and should be finished by the end of 2027, according to the city engineer, Paul Okafor. He said the river is likely to flood again before the wall is complete, and that temporary barriers will protect the lowest streets.',
    'Not everyone agreed. Council member Greg Simmons, who cast the only vote against the plan, argued that the town should buy out homes in the river district instead. "Building higher walls is a bet against the river, and the river always wins in the end," he said.',
    'Residents who spoke at the meeting were divided. Some said they had waited too long already; others worried that property taxes would rise to pay for the project.',
    'The state has promised to cover half of the cost through its flood resilience fund, which the legislature created in 2024. The rest will come from a bond that voters approved last year.',
    'Experts say towns along the Cedar River will face more frequent floods as storms grow heavier. A report by the state climatologist found that the heaviest rainfalls in the region have increased by 30 percent since 1960.',
  ],
  heading: 'Who pays',
  caption: 'The broken flood wall on Water Street in April 2025.',
} as const;

/** The text broken into lines of at most `width` characters, as an e-mail program wraps it. */
export function hardWrapped(text: string, width = 72): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

/** A page in the form news sites use: navigation, the article, its metadata, a footer. */
export function articlePage({
  title = ARTICLE.title,
  paragraphs = ARTICLE.paragraphs,
  lang = 'en',
  padding = '',
}: {
  title?: string;
  paragraphs?: readonly string[];
  lang?: string;
  /** Extra bytes of markup, to make a page of a given size. */
  padding?: string;
} = {}): string {
  const half = Math.ceil(paragraphs.length / 2);
  const p = (texts: readonly string[]) => texts.map((text) => `<p>${text}</p>`).join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<title>${title} | ${ARTICLE.siteName}</title>
<meta property="og:site_name" content="${ARTICLE.siteName}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"${ARTICLE.published}T09:30:00-05:00"}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav></header>
<main><article>
<h1>${title}</h1>
<p class="byline">${ARTICLE.byline}</p>
<figure><img src="/wall.jpg" alt=""><figcaption>${ARTICLE.caption}</figcaption></figure>
${p(paragraphs.slice(0, half))}
<h2>${ARTICLE.heading}</h2>
${p(paragraphs.slice(half))}
</article></main>
<aside>${padding}</aside>
<footer><p>© The Valley Ledger. All rights reserved.</p></footer>
</body></html>`;
}

export const SPANISH_ARTICLE = {
  title: 'El pueblo vota para reconstruir su muro contra inundaciones',
  paragraphs: [
    'El consejo municipal de Millbrook votó el lunes a favor de gastar catorce millones de dólares en la reconstrucción del muro que falló durante las tormentas de marzo, cuando el río subió casi tres metros en dos días.',
    'La alcaldesa dijo que la votación era la decisión más importante que el consejo había tomado en una generación. No podemos pedir a las familias que vuelvan al barrio del río sin un muro en el que puedan confiar, explicó ante una reunión llena de vecinos en el gimnasio de la escuela.',
    'El nuevo muro será más alto que el anterior y estará hecho de hormigón armado en lugar de tierra y piedra. Los ingenieros del estado revisaron el diseño en octubre y aprobaron los planos.',
    'Las obras comenzarán en abril y deberían terminar a finales del año próximo, según el ingeniero de la ciudad. Mientras tanto, unas barreras temporales protegerán las calles más bajas del pueblo.',
    'No todos estuvieron de acuerdo. Un concejal votó en contra y afirmó que el pueblo debería comprar las casas del barrio del río en lugar de construir muros cada vez más altos, porque el río siempre gana al final.',
  ],
} as const;

/** A page that is not an article: a sign-in wall in front of a story. */
export const PAYWALL_PAGE = `<!doctype html><html lang="en"><head><title>Subscribe | ${ARTICLE.siteName}</title></head>
<body><nav><a href="/">Home</a></nav><main><h1>${ARTICLE.title}</h1>
<p>${ARTICLE.paragraphs[0]}</p>
<div class="paywall"><p>Subscribe to keep reading. Already a subscriber? Sign in.</p></div></main></body></html>`;

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A web site on 127.0.0.1 for the server to fetch from: path -> handler. */
export interface ArticleSite {
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startArticleSite(
  routes: (origin: string) => Readonly<Record<string, Handler>>,
): Promise<ArticleSite> {
  let table: Readonly<Record<string, Handler>> = {};
  const server = http.createServer((request, response) => {
    const handler = table[new URL(request.url ?? '/', 'http://site').pathname];
    if (handler) {
      handler(request, response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  table = routes(origin);
  return {
    origin,
    port,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export const sendHtml =
  (html: string, contentType = 'text/html; charset=utf-8'): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': contentType }).end(html);
  };

/** A page of `megabytes` MB sent in chunks, without a Content-Length, until the reader stops. */
export const sendEndlessly =
  (megabytes: number): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'flood '.repeat(10_900)}</p>\n`; // about 64 KB
    let sent = 0;
    const write = () => {
      while (sent < megabytes * 1024 * 1024) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', write);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => undefined);
    write();
  };
