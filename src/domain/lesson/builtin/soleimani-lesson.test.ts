import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimCheckItem, ForecastItem, ItemKind, PromptItem } from '../lesson-schema';
import { parseLesson } from '../parse-lesson';
import { lessonDuration } from '../lesson-duration';
import { soleimaniLesson } from './soleimani-lesson';

const PHOTO_CREDIT = '(photo credit: REUTERS)';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The article's lines with the caption the page printed twice kept once. */
function articleLines(): string[] {
  const raw = readFileSync(new URL('./soleimani-op-ed.txt', import.meta.url), 'utf8');
  const lines = raw.split(/\r?\n/);
  const captionAt = lines.findIndex((line) => line.endsWith(` ${PHOTO_CREDIT}`));
  if (captionAt < 0) throw new Error('the article copy has no photo caption');
  const caption = lines[captionAt] ?? '';
  const bareCaption = caption.slice(0, -` ${PHOTO_CREDIT}`.length);
  // The doubled caption: the caption without its credit, then the credit on its own line.
  expect(lines[captionAt + 1]).toBe(bareCaption);
  expect(lines[captionAt + 2]).toBe(PHOTO_CREDIT);
  return lines.filter((_, i) => i !== captionAt + 1 && i !== captionAt + 2);
}

const allParagraphs = soleimaniLesson.sections.flatMap((section) => section.paragraphs);
const allItems = soleimaniLesson.sections.flatMap((section) => section.items);

function firstDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i += 1;
  const from = Math.max(0, i - 60);
  return (
    `article text and lesson paragraphs differ at character ${i}:\n` +
    `  article: …${expected.slice(from, i + 60)}…\n` +
    `  lesson:  …${actual.slice(from, i + 60)}…`
  );
}

describe('the Soleimani lesson', () => {
  it('fits the lesson schema', () => {
    expect(() => parseLesson(soleimaniLesson, 'soleimani')).not.toThrow();
    expect(parseLesson(soleimaniLesson).id).toBe('soleimani-2020');
  });

  it('has a core path in every section and the rest as extension, which takes longer', () => {
    // The minutes themselves are computed by the duration model (lesson-duration.test.ts).
    const duration = lessonDuration(soleimaniLesson);
    expect(duration.classroom.withExtensions).toBeGreaterThan(duration.classroom.core);
    expect(duration.selfStudy.withExtensions).toBeGreaterThan(duration.selfStudy.core);
    for (const section of soleimaniLesson.sections) {
      const core = section.items.filter((item) => item.extension !== true);
      expect(core.length, `section ${section.id} has no core item`).toBeGreaterThan(0);
    }
  });

  it('fits a 45-minute period in class and 25 minutes alone on its core path, by the duration model', () => {
    const { classroom, selfStudy } = lessonDuration(soleimaniLesson);
    expect(classroom.core).toBeLessThanOrEqual(45);
    expect(selfStudy.core).toBeLessThanOrEqual(25);
  });

  it('sets the source-checking prompt as an extension with its searches, for homework', () => {
    const lateral = allItems.find((item) => item.id === 'lesson-source-lateral');
    if (lateral?.kind !== 'prompt') throw new Error('no lesson-source-lateral prompt');
    expect(lateral.extension).toBe(true);
    expect(lateral.guidance?.searches).toBeGreaterThan(0);
    const notes = soleimaniLesson.sections.find((s) => s.id === 'lesson-drawn')?.teacherNotes;
    expect(notes?.some((note) => /homework/i.test(note) && /\d+ minutes/.test(note))).toBe(true);
  });

  it('puts two words in context on the core path', () => {
    const core = allItems.filter(
      (item) =>
        item.extension !== true &&
        item.kind === 'poll' &&
        item.question.startsWith('Words in context:'),
    );
    expect(core).toHaveLength(2);
  });

  it('is in English, as its article', () => {
    expect(soleimaniLesson.metadata.language).toBe('en');
  });

  it('asks for answers short enough to write in the time (at most 50 words)', () => {
    for (const item of allItems) {
      if (item.kind !== 'prompt') continue;
      expect(item.guidance?.minWords ?? 0, `prompt ${item.id}`).toBeLessThanOrEqual(50);
    }
  });

  it('quotes the whole article verbatim, in order, each sentence once', () => {
    const article = collapse(articleLines().join(' '));
    const lesson = collapse(allParagraphs.map((p) => p.text).join(' '));
    expect(lesson === article, firstDifference(article, lesson)).toBe(true);
  });

  it('keeps each article paragraph whole or splits it only between sentences', () => {
    const lines = articleLines().filter((line) => line.trim() !== '');
    for (const paragraph of allParagraphs) {
      const text = paragraph.text;
      expect(
        lines.some((line) => line.includes(text)),
        `paragraph is not verbatim article text: "${text}"`,
      ).toBe(true);
      const isLine = lines.includes(text);
      const endsSentence = /[.?!]$/.test(text);
      expect(isLine || endsSentence, `paragraph is not an article line: "${text}"`).toBe(true);
    }
  });

  it('marks the headline, standfirst, caption and byline', () => {
    const lines = articleLines();
    const [headline, standfirst, caption] = soleimaniLesson.sections[0]?.paragraphs ?? [];
    expect(headline).toEqual({ role: 'headline', text: lines[0] });
    expect(standfirst?.role).toBe('standfirst');
    expect(caption).toEqual({ role: 'caption', text: lines[4] });
    expect(caption?.text.endsWith(PHOTO_CREDIT)).toBe(true);
    expect(allParagraphs.filter((p) => p.role === 'caption')).toHaveLength(1);
    expect(allParagraphs.at(-1)?.role).toBe('byline');
    expect(soleimaniLesson.metadata.source.headline).toBe(headline?.text);
  });

  it('links to the op-ed where The Jerusalem Post published it', () => {
    const { url, publication } = soleimaniLesson.metadata.source;
    expect(publication).toBe('The Jerusalem Post');
    expect(url).toMatch(
      /^https:\/\/www\.jpost\.com\/opinion\/why-despite-similar-interests-did-the-us-kill-qasem-soleimani-\d+$/,
    );
  });

  it('has the eight sections of the brief', () => {
    expect(soleimaniLesson.sections.map((s) => s.id)).toEqual([
      'thesis',
      'shared-interests',
      'restraint-2019',
      'misperception',
      'red-line',
      'embassies',
      'forecasting',
      'lesson-drawn',
    ]);
  });

  it('offers class statements and the opinion map on its extension path, seeded by the teacher', () => {
    const statements = soleimaniLesson.sections
      .flatMap((s) => s.items)
      .filter((item) => item.kind === 'statements');
    expect(statements).toHaveLength(1);
    const [item] = statements;
    expect(item?.extension).toBe(true);
    // Enough of the teacher's own for a class to vote on before anyone writes one.
    expect(item?.kind === 'statements' && item.seedStatements.length).toBeGreaterThanOrEqual(3);
  });

  it('quotes every claim from its own section', () => {
    let claims = 0;
    for (const section of soleimaniLesson.sections) {
      const sectionText = section.paragraphs.map((p) => p.text).join('\n');
      for (const item of section.items) {
        if (item.kind !== 'claimCheck') continue;
        expect(item.claims.length).toBeGreaterThanOrEqual(3);
        expect(item.claims.length).toBeLessThanOrEqual(5);
        for (const claim of item.claims) {
          claims += 1;
          expect(
            sectionText.includes(claim.quote),
            `claim ${claim.id} quote is not in section ${section.id}: "${claim.quote}"`,
          ).toBe(true);
        }
      }
    }
    expect(claims).toBeGreaterThan(0);
  });

  it('defines the people and groups the article names or implies', () => {
    const terms = soleimaniLesson.glossary.map((term) => term.term);
    for (const name of [
      'Qasem Soleimani',
      'Abu Mahdi al-Muhandis',
      'Kataib Hezbollah',
      'Popular Mobilization Forces',
    ]) {
      expect(terms).toContain(name);
    }
  });

  it('finds every glossary match in the article text', () => {
    const texts = allParagraphs.map((p) => p.text);
    expect(soleimaniLesson.glossary.length).toBeGreaterThanOrEqual(8);
    expect(soleimaniLesson.glossary.length).toBeLessThanOrEqual(20);
    for (const term of soleimaniLesson.glossary) {
      for (const match of term.matches) {
        expect(
          texts.some((text) => text.includes(match)),
          `glossary term ${term.id}: "${match}" is not in the article text`,
        ).toBe(true);
      }
    }
  });

  it('uses every item kind, with at least two scales and two claim checks', () => {
    const kinds = new Set(allItems.map((item) => item.kind));
    const every: ItemKind[] = ['prompt', 'poll', 'scale', 'forecast', 'claimCheck', 'writing'];
    for (const kind of every) expect(kinds.has(kind), `no ${kind} item`).toBe(true);
    expect(allItems.filter((item) => item.kind === 'scale').length).toBeGreaterThanOrEqual(2);
    expect(allItems.filter((item) => item.kind === 'claimCheck').length).toBeGreaterThanOrEqual(2);
    expect(allItems.filter((item) => item.kind === 'forecast')).toHaveLength(1);
  });

  it('gives every section a prompt, a summary and teacher notes', () => {
    for (const section of soleimaniLesson.sections) {
      const prompts = section.items.filter((item) => item.kind === 'prompt');
      expect(prompts.length, `section ${section.id} has no prompt`).toBeGreaterThan(0);
      expect(section.summary.trim().length, `section ${section.id} summary`).toBeGreaterThan(0);
      expect(section.teacherNotes.length, `section ${section.id} notes`).toBeGreaterThanOrEqual(2);
    }
  });

  it('climbs from recall through analysis to evaluation', () => {
    const rank = { recall: 0, analysis: 1, evaluation: 2 } as const;
    const prompts = allItems.filter((item): item is PromptItem => item.kind === 'prompt');
    const levels = new Set(prompts.map((p) => p.level));
    expect([...levels].sort()).toEqual(['analysis', 'evaluation', 'recall']);
    let highest = -1;
    for (const section of soleimaniLesson.sections) {
      const sectionHighest = Math.max(
        ...section.items.flatMap((item) => (item.kind === 'prompt' ? [rank[item.level]] : [])),
      );
      expect(sectionHighest, `section ${section.id} drops below earlier sections`).toBeGreaterThan(
        highest - 1,
      );
      highest = sectionHighest;
    }
    expect(highest).toBe(rank.evaluation);
  });

  it('fact-checks where the American was killed against the record', () => {
    const redLine = soleimaniLesson.sections.find((s) => s.id === 'red-line');
    const poll = redLine?.items.find((item) => item.id === 'red-line-fact-check');
    expect(poll?.kind).toBe('poll');
    if (poll?.kind !== 'poll') return;
    expect(redLine?.paragraphs.some((p) => p.text.includes('an American base in Baghdad'))).toBe(
      true,
    );
    expect(poll.options.some((o) => o.label.includes('Kirkuk'))).toBe(true);
    expect(poll.afterAnswer).toMatch(/27 December 2019/);
    expect(poll.afterAnswer).toMatch(/K-1 air base near Kirkuk/);
    expect(poll.afterAnswer).toMatch(/No group claimed the attack; the US blamed Kataib Hezbollah/);
    expect(poll.afterAnswer).toMatch(/29 December US strikes on Kataib Hezbollah/);
  });

  it('fact-checks the Obama comparison by its dates, as the author’s claim', () => {
    const poll = allItems.find((item) => item.id === 'red-line-obama-fact-check');
    if (poll?.kind !== 'poll') throw new Error('no Obama fact-check poll');
    expect(poll.question).toContain('the author writes');
    expect(poll.afterAnswer).toMatch(/8 August 2014.*19 August 2014/);
    const summary = soleimaniLesson.sections.find((s) => s.id === 'red-line')?.summary;
    expect(summary).toContain('in the author’s telling');
  });

  it('quotes the words in context and the two-part evidence sentences from their section', () => {
    let checked = 0;
    for (const section of soleimaniLesson.sections) {
      const sectionText = section.paragraphs.map((p) => p.text).join('\n');
      for (const item of section.items) {
        if (item.kind !== 'poll') continue;
        if (item.question.startsWith('Words in context:')) {
          const quoted = /“(.+)” What does/.exec(item.question)?.[1] ?? '';
          expect(sectionText.includes(quoted), `${item.id} quotes "${quoted}"`).toBe(true);
          checked += 1;
        }
        if (item.question.startsWith('Two-part question, part B')) {
          // Part B asks for the evidence for the answer just given: it comes right after part A.
          const before = section.items[section.items.indexOf(item) - 1];
          expect(before?.kind === 'poll' && before.question, item.id).toMatch(
            /^Two-part question, part A/,
          );
          for (const option of item.options) {
            expect(sectionText.includes(option.label), `${item.id}: "${option.label}"`).toBe(true);
          }
          checked += 1;
        }
      }
    }
    // Six words in context and two two-part questions.
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  describe('forecast', () => {
    const forecasting = soleimaniLesson.sections.find((s) => s.id === 'forecasting');
    const forecast = forecasting?.items.find(
      (item): item is ForecastItem => item.kind === 'forecast',
    );

    it('sits in the forecasting section, as of January 2020 with a 2020 horizon', () => {
      expect(forecast).toBeDefined();
      // Students know how 2020 went: the question says so and asks for a forecast as of then.
      expect(forecast?.question).toMatch(/You know how 2020 turned out/);
      expect(forecast?.question).toMatch(/6 January 2020/);
      expect(forecast?.asOf).toBe('2020-01-06');
      expect(forecast?.horizon).toBe('2020-12-31');
    });

    it('resolves each scenario as the record says', () => {
      const outcomes = Object.fromEntries(
        (forecast?.scenarios ?? []).map((s) => [s.id, s.resolution?.happened]),
      );
      expect(outcomes).toEqual({
        'iran-strikes-us-forces': true,
        'sustained-war': false,
        'us-leaves-iraq': false,
        'new-nuclear-talks': false,
        'democrat-wins': true,
      });
      const dates = Object.fromEntries(
        (forecast?.scenarios ?? []).map((s) => [s.id, s.resolution?.date]),
      );
      expect(dates['iran-strikes-us-forces']).toBe('2020-01-08');
      expect(dates['democrat-wins']).toBe('2020-11-03');
    });

    it('dates every resolution between the forecast’s day and its horizon', () => {
      for (const scenario of forecast?.scenarios ?? []) {
        const date = scenario.resolution?.date ?? '';
        expect(date >= (forecast?.asOf ?? ''), `${scenario.id} resolved ${date}`).toBe(true);
        expect(date <= (forecast?.horizon ?? ''), `${scenario.id} resolved ${date}`).toBe(true);
      }
    });

    it('asks whether all US forces leave Iraq, and says why the answer is no', () => {
      const scenario = forecast?.scenarios.find((s) => s.id === 'us-leaves-iraq');
      expect(scenario?.statement).toBe('All U.S. forces leave Iraq.');
      expect(scenario?.resolution?.text).toMatch(/about 3,000 by September 2020/);
      expect(scenario?.resolution?.text).toMatch(/March 2020/);
      expect(scenario?.lessonReading?.reason).toMatch(/never mentions leaving Iraq/);
    });

    it('defines a sustained war by a threshold', () => {
      const scenario = forecast?.scenarios.find((s) => s.id === 'sustained-war');
      expect(scenario?.statement).toMatch(/at least 10 different days within 30 days/);
    });

    it('gives the lesson’s reading with its reason, and none for the election', () => {
      for (const scenario of forecast?.scenarios ?? []) {
        const view = scenario.lessonReading;
        if (scenario.id === 'democrat-wins') {
          expect(view).toBeUndefined();
          continue;
        }
        expect(view, `scenario ${scenario.id} has no reading`).toBeDefined();
        expect(view?.probability).toBeGreaterThanOrEqual(0);
        expect(view?.probability).toBeLessThanOrEqual(100);
        expect(view?.reason.length).toBeGreaterThan(0);
      }
    });
  });

  it('closes with a letter to the editor, its rubric and a model answer', () => {
    const last = soleimaniLesson.sections.at(-1)?.items.at(-1);
    if (last?.kind !== 'writing') throw new Error('the lesson does not close with a writing task');
    expect(last.task).toMatch(/letter to the editor/);
    expect(last.rubric.length).toBeGreaterThanOrEqual(3);
    expect(last.rubric.length).toBeLessThanOrEqual(5);
    const modelWords = last.modelAnswer.split(/\s+/).length;
    expect(modelWords).toBeGreaterThanOrEqual(last.minWords ?? 0);
    expect(modelWords).toBeLessThanOrEqual(250);
  });

  it('has unique claim ids within each claim check', () => {
    const checks = allItems.filter((item): item is ClaimCheckItem => item.kind === 'claimCheck');
    for (const check of checks) {
      const ids = check.claims.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
