import { draftFromArticle } from './draft-from-article';

/**
 * A short news page with each kind of sentence the drafter looks for (dates and numbers, a
 * prediction, an opinion, a relative time) and just enough words to be an article.
 */
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
 * Reads and drafts the sample page once, through the same path as a teacher's article: the first
 * draft after a start otherwise pays a second or more for it (the modules compiled, compromise's
 * lexicon built, SUBTLEX's 74,000 words read). Throws if the sample is not drafted.
 */
export function warmUp(): void {
  const answer = draftFromArticle({
    kind: 'html',
    body: SAMPLE_PAGE,
    url: null,
    field: 'html',
    today: '2026-01-01',
  });
  if (!answer.ok || answer.draft === null) {
    throw new Error(
      `the drafter's warm-up sample was not drafted: ${answer.ok ? `language ${answer.language}` : answer.refusal.message}`,
    );
  }
}
