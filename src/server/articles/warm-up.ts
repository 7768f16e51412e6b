import { warmUpDrafter } from '#domain/drafting/warm-up';
import { detectLanguage } from './article-language';
import { extractArticle } from './extract-article';
import { wordRank } from './word-rank';

/** A short news page, just long enough to be an article, for the extraction to read once. */
const SAMPLE_PARAGRAPHS = [
  'The town council of Millbrook voted 6 to 1 on Monday to spend $14 million rebuilding the flood wall that failed during the storms of March 2025, when the Cedar River rose nine feet in two days.',
  'Mayor Ruth Alvarez said the vote was the most important decision the council had made in a generation. "We cannot ask families to move back without a wall they can trust," she told a packed meeting.',
  'Work is expected to begin next April and should be finished by the end of 2027, according to the city engineer. He said the river is likely to flood again before the wall is complete.',
  'Not everyone agreed. Council member Greg Simmons argued that the town should buy out homes in the river district instead. "Building higher walls is a bet against the river," he said.',
  'The state has promised to cover half of the cost through its flood resilience fund, which the legislature created in 2024. The rest will come from a bond that voters approved last year.',
];
const SAMPLE_PAGE = `<!doctype html><html lang="en"><head><title>Millbrook votes for a flood wall</title></head>
<body><article><h1>Millbrook votes for a flood wall</h1>${SAMPLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

/**
 * Run once by the drafter's worker as the server starts, off the request path: the first draft
 * after a start otherwise pays a second or more for what this does. The drafter drafts its
 * built-in sample (warmUpDrafter: compromise's lexicon built, the drafter compiled), SUBTLEX's
 * 74,000 words are read, and a sample page goes through Readability over linkedom and the
 * language check. Throws if the sample page is not read as an English article.
 */
export function warmUp(): void {
  wordRank('the');
  warmUpDrafter();
  const article = extractArticle(SAMPLE_PAGE, { url: null, field: 'html' });
  const language = detectLanguage(article.blocks.map((block) => block.text).join('\n'));
  if (language !== 'en') {
    throw new Error(`the drafter's warm-up page was read as language "${language}", not English`);
  }
}
