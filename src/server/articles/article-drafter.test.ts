import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { ARTICLE, articlePage } from '../test/article-site';
import { ArticleDrafter } from './article-drafter';

const drafters: ArticleDrafter[] = [];
const drafter = (timeLimitMs?: number) => {
  const made = new ArticleDrafter(timeLimitMs);
  drafters.push(made);
  return made;
};
afterEach(async () => {
  for (const made of drafters.splice(0)) await made.close();
});

const job = {
  kind: 'html',
  body: articlePage(),
  url: null,
  field: 'html',
  today: '2026-12-07',
} as const;

describe('the article drafter (a worker thread)', () => {
  it('reads the article and drafts its lesson off the main thread', async () => {
    const answer = await drafter().draft(job);
    if (!answer.ok) throw new Error(answer.refusal.message);
    expect(answer.language).toBe('en');
    expect(answer.article).toMatchObject({
      title: ARTICLE.title,
      byline: ARTICLE.byline,
      siteName: ARTICLE.siteName,
      published: ARTICLE.published,
    });
    expect(answer.article.blocks).toContainEqual({ kind: 'caption', text: ARTICLE.caption });
    expect(answer.article.blocks).toContainEqual({ kind: 'heading', text: ARTICLE.heading });
    expect(answer.draft).toMatchObject({ metadata: { title: ARTICLE.title, language: 'en' } });
    expect(String(answer.draft?.id)).toMatch(
      /^river-town-votes-to-rebuild-its-flood-wall-[0-9a-f]{6}$/,
    );
  }, 30_000);

  it('answers a refusal as data, the field named', async () => {
    const answer = await drafter().draft({
      ...job,
      kind: 'text',
      body: 'Too short.',
      field: 'text',
    });
    expect(answer).toMatchObject({
      ok: false,
      refusal: { statusCode: 422, code: 'not_an_article', field: 'text' },
    });
  }, 30_000);

  it('ends a job past its time limit as not_an_article, and the next job gets a new worker', async () => {
    const slow = drafter(1);
    const refused = await slow.draft(job).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'not_an_article', field: 'html' });
    expect((refused as ApiError).message).toMatch(/took more than 0.001 s/);
    await expect(slow.draft(job)).rejects.toMatchObject({ code: 'not_an_article' });
  }, 30_000);
});
