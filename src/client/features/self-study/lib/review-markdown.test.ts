import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { buildReviewMarkdown } from './review-markdown';

const allItems = lesson.sections.flatMap((s) => s.items);
const forecast = allItems.find((item) => item.kind === 'forecast')!;
const claimCheck = allItems.find((item) => item.kind === 'claimCheck')!;
const firstClaim = claimCheck.claims[0]!;
const section = lesson.sections[0]!;
const exportedAt = new Date('2026-11-26T12:00:00Z');

describe('buildReviewMarkdown', () => {
  it('gives away no outcome, expected sorting or summary before the student has answered', () => {
    const markdown = buildReviewMarkdown(lesson, {}, new Set(), exportedAt);
    for (const scenario of forecast.scenarios) {
      expect(markdown).not.toContain(scenario.resolution!.text);
    }
    expect(markdown).not.toContain(firstClaim.explanation);
    expect(markdown).not.toContain(section.summary);
    expect(markdown).toContain('_What happened shows once every forecast here is given');
  });

  it('shows a forecast’s outcomes once every scenario is given', () => {
    const probabilities = Object.fromEntries(forecast.scenarios.map((s) => [s.id, 50]));
    const markdown = buildReviewMarkdown(
      lesson,
      { [forecast.id]: { kind: 'forecast', probabilities } },
      new Set(),
      exportedAt,
    );
    expect(markdown).toContain(forecast.scenarios[0]!.resolution!.text);
    expect(markdown).toContain('Mean Brier score: 0.250');
    expect(markdown).not.toContain(firstClaim.explanation);
  });

  it('shows everything once every question is answered or skipped', () => {
    const markdown = buildReviewMarkdown(
      lesson,
      {},
      new Set(allItems.map((item) => item.id)),
      exportedAt,
    );
    expect(markdown).toContain(forecast.scenarios[0]!.resolution!.text);
    expect(markdown).toContain(firstClaim.explanation);
    expect(markdown).toContain(section.summary);
  });

  it('writes what the student typed as a Markdown reader shows it: HTML and entities as text', () => {
    const prompt = allItems.find((item) => item.kind === 'prompt')!;
    const typed = 'Tom &amp; Jerry <img src=x onerror=alert(1)>\n- not a list';
    const markdown = buildReviewMarkdown(
      lesson,
      { [prompt.id]: { kind: 'prompt', text: typed } },
      new Set(),
      exportedAt,
    );
    expect(markdown).toContain(
      '> Tom \\&amp; Jerry \\<img src=x onerror=alert(1)\\>\n> \\- not a list',
    );
    expect(markdown).not.toMatch(/[^\\]<img/);
  });
});
