import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromArticle } from './draft-from-article';

/** The e2e suite's news page (e2e/fixtures): a city council story quoting its speakers. */
const PAGE = path.join(import.meta.dirname, '../../../e2e/fixtures/article-shade-trees.html');

interface Item {
  kind: string;
  question?: string;
  claims?: { quote: string; drafted: string }[];
  scenarios?: { statement: string }[];
}

const answer = draftFromArticle({
  kind: 'html',
  body: readFileSync(PAGE, 'utf8'),
  url: null,
  field: 'html',
  today: '2026-12-07',
});
if (!answer.ok || !answer.draft) throw new Error('the shade-trees page did not draft');
const items = (answer.draft.sections as { items: Item[] }[]).flatMap((s) => s.items);
const text = answer.article.blocks.map((b) => b.text).join('\n');
const claims = items.flatMap((i) => i.claims ?? []);
const scenarios = items.flatMap((i) => i.scenarios ?? []).map((s) => s.statement);

/** Opening and closing quotation marks pair up (straight ones come in twos). */
const balanced = (quote: string) =>
  (quote.match(/"/gu) ?? []).length % 2 === 0 &&
  (quote.match(/“/gu) ?? []).length === (quote.match(/”/gu) ?? []).length;

describe('the drafted shade-trees article', () => {
  it('asks no prompt twice', () => {
    const questions = items.filter((i) => i.kind === 'prompt').map((i) => i.question);
    expect(questions).toEqual([...new Set(questions)]);
    for (const question of questions) expect(question).not.toMatch(/“["“]/u);
  });

  it('quotes claims whole, as in the text, and states no quoted remark as a scenario', () => {
    for (const claim of claims) {
      expect(text).toContain(claim.quote);
      expect(balanced(claim.quote), claim.quote).toBe(true);
    }
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const statement of scenarios) expect(statement).not.toMatch(/["“”]/u);
  });

  it('takes no present fact with a "will" in a clause of its own, or a relative clause, for a scenario', () => {
    expect(scenarios.some((s) => s.startsWith('Planting a street tree'))).toBe(false);
    expect(scenarios.some((s) => s.startsWith('Mayor Louis Tran, who is expected'))).toBe(false);
    expect(scenarios).toContain(
      'The parks department will hold planting workshops in each of the three neighborhoods in August, where residents can choose species for their blocks and sign up to help care for young trees.',
    );
  });
});
