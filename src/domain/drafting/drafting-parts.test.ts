import { describe, expect, it } from 'vitest';
import type { Article } from './article';
import { findCue } from './claim-cues';
import { addMonths, formatDay, futureDateIn } from './dates';
import { draftLesson } from './draft-lesson';
import {
  groupByHorizon,
  scenarioStatement,
  statesAFuture,
  type PredictionFound,
} from './forecasts';
import { rankOf } from './glossary';
import { keyPhrase } from './key-phrase';
import { parseText, termsOf } from './nlp';
import { readArticle } from './read-article';
import { splitByBudget } from './sections';
import { wordRankFrom } from './word-rank';

/** A short article, without the details a page usually gives. */
const article: Article = {
  title: 'A short article',
  byline: null,
  siteName: null,
  published: null,
  url: null,
  language: 'und',
  blocks: [
    { kind: 'paragraph', text: 'The council will vote on the plan next month. It should pass.' },
  ],
};

const cueOf = (sentence: string) => {
  const doc = parseText(sentence);
  return findCue(doc, termsOf(doc));
};

describe('the cue that decides a sentence', () => {
  it.each([
    ['Congress should act before the program expires next year.', 'opinion', 'should'],
    ['Officials are expected to announce the plan next month.', 'prediction', 'are expected to'],
    ['The bridge will reopen in May.', 'prediction', 'will reopen'],
    ['If we keep going, I believe we will see deaths fall.', 'prediction', 'will see'],
    ['I think they are wrong.', 'opinion', 'I think'],
    ['These are remarkable results.', 'opinion', 'remarkable'],
    ['The agency reported 3,200 deaths in 2025.', 'fact', 'reported'],
    ['Congress approved $48 million for research in the 2026 budget.', 'fact', 'approved'],
    ['Arizona lost 18 percent of its allocation.', 'fact', '18 percent'],
    ['The letter arrived in the spring.', 'fact', 'arrived'],
    [
      'If Tehran pursues harsh revenge, Trump would have to respond in kind.',
      'prediction',
      'would have',
    ],
    [
      'A cycle of escalating retaliation may eventually lead to a major war.',
      'prediction',
      'may eventually lead',
    ],
    [
      'Iran would like to see a Democrat win the 2020 presidential elections and may opt for measures that would help to secure this outcome.',
      'prediction',
      'would like to',
    ],
    ['Tehran may opt for a slower response.', 'prediction', 'may opt'],
    ['The company is likely to appeal the ruling.', 'prediction', 'is likely to'],
    ['Iran could retaliate against US bases.', 'prediction', 'could retaliate'],
    ['The mayor plans to ask the council for more money.', 'prediction', 'plans to ask'],
  ])('%s -> %s ("%s")', (sentence, category, cue) => {
    expect(cueOf(sentence)).toMatchObject({ category, cue });
  });

  it('reads "may" as a prediction only with a change, not as a permission', () => {
    expect(cueOf('States may use the money to repair bridges.')?.category).not.toBe('prediction');
    expect(cueOf('The change may save money over time.')?.category).toBe('prediction');
  });

  it('takes no statement about forecasting, and no hedged explanation of the past, for a prediction', () => {
    expect(cueOf('IT IS extremely difficult to forecast the next steps.')?.category).toBe(
      'opinion',
    );
    expect(cueOf('It is hard to predict what comes next.')?.category).not.toBe('prediction');
    expect(
      cueOf(
        'The answer may be found in missed perceptions and miscalculations, primarily on the Iranian side.',
      ),
    ).toMatchObject({ category: 'opinion', cue: 'answer may be' });
    expect(cueOf('The delay may be explained by the weather.')?.category).toBe('opinion');
  });

  it('reads a question as neither a claim nor a prediction', () => {
    const text =
      'So the question is how did Iran and the US reach a direct violent confrontation that may be leading to a major war they both want to avoid? It may be.';
    const read = readArticle({ ...article, blocks: [{ kind: 'paragraph', text }] });
    expect(read.parts[0]!.paragraphs[0]!.sentences.map((s) => s.cue)).toEqual([
      null,
      expect.objectContaining({ category: 'prediction' }),
    ]);
  });

  it('does not take a name for a forecast', () => {
    expect(cueOf('The agency upgraded its Hurricane Forecast System in March.')?.category).toBe(
      'fact',
    );
  });

  it('finds nothing in a sentence without a cue', () => {
    expect(cueOf('Bridges carry roads over rivers.')).toBeNull();
  });
});

describe('splitByBudget', () => {
  it('keeps a run within the maximum as one section', () => {
    expect(splitByBudget([100, 150])).toEqual([0]);
  });

  it('cuts between paragraphs so each section is within 120 to 320 words', () => {
    const words = [90, 110, 80, 120, 60, 100, 140];
    const starts = splitByBudget(words);
    const sizes = starts.map((start, k) =>
      words.slice(start, starts[k + 1] ?? words.length).reduce((a, b) => a + b, 0),
    );
    expect(sizes.every((size) => size >= 120 && size <= 320)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(700);
  });

  it('keeps a paragraph longer than the budget whole, on its own', () => {
    expect(splitByBudget([200, 500, 200])).toEqual([0, 1, 2]);
  });
});

describe('dates', () => {
  it('writes a day as a reader would', () => {
    expect(formatDay('2026-08-21')).toBe('21 August 2026');
  });

  it('adds months, keeping the day where the month has it', () => {
    expect(addMonths('2026-12-07', 3)).toBe('2027-03-07');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it.each([
    ['The season will end by November 30, 2027.', '2027-11-30'],
    ['The rule takes effect in September 2029.', '2029-09-30'],
    ['The plan will be ready next month.', '2027-01-31'],
    ['The study will report in the spring of 2027.', '2027-05-31'],
    ['The grants will open this summer.', '2027-08-31'],
    ['The fleet will grow to four planes by 2028.', '2028-12-31'],
    ['Lawmakers will vote on the 2027 budget in December.', '2026-12-31'],
    ['NOAA will update the outlook in early August.', '2027-08-31'],
    ['Flows will fall by another 10 percent.', null],
  ])('reads the future date in "%s"', (text, day) => {
    expect(futureDateIn({ text, doc: parseText(text) }, '2026-12-07')).toBe(day);
  });

  it('finds none in a sentence about the past', () => {
    const text = 'The storm made landfall on September 2, 2025.';
    expect(futureDateIn({ text, doc: parseText(text) }, '2026-12-07')).toBeNull();
  });
});

describe('forecast groups', () => {
  const prediction = (horizon: string, section: number): PredictionFound => {
    const text = `It will happen by ${horizon}.`;
    const doc = parseText(text);
    const terms = termsOf(doc);
    return {
      sentence: { text, words: 5, doc, terms, cue: findCue(doc, terms) },
      section,
      horizon,
      named: true,
    };
  };

  it('drafts at most two forecasts, each prediction settled by its own horizon or a later one', () => {
    const found = ['2027-01-31', '2027-03-31', '2027-03-31', '2027-06-30', '2028-12-31'].map(
      (horizon, k) => prediction(horizon, k),
    );
    const groups = groupByHorizon(found);
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.horizon)).toContain('2028-12-31');
    for (const group of groups) {
      for (const p of group.predictions) expect(group.horizon >= p.horizon).toBe(true);
    }
    expect(groups.flatMap((g) => g.predictions)).toHaveLength(5);
  });

  it('splits more than five scenarios of one horizon evenly, and keeps at most ten', () => {
    const groups = groupByHorizon(Array.from({ length: 7 }, (_, k) => prediction('2027-03-31', k)));
    expect(groups.map((g) => g.predictions.length)).toEqual([4, 3]);
    const many = groupByHorizon(Array.from({ length: 13 }, (_, k) => prediction('2027-03-31', k)));
    expect(many.map((g) => g.predictions.length)).toEqual([5, 5]);
  });

  it('keeps predictions of one horizon that fit in one forecast together', () => {
    expect(groupByHorizon([prediction('2027-03-31', 0), prediction('2027-03-31', 1)])).toHaveLength(
      1,
    );
  });

  it('states a prediction without its leading attribution', () => {
    expect(scenarioStatement('According to NOAA, the season will be active.')).toBe(
      'The season will be active.',
    );
  });

  it('states as a scenario a future in the main clause, not a quoted remark or a present fact', () => {
    const yes = (text: string, cue: string) => statesAFuture(text, cue);
    expect(yes('Under the plan, the city will plant 4,000 trees.', 'will plant')).toBe(true);
    expect(
      yes(
        'The crew will launch on the mission, which is scheduled to lift off in 2028.',
        'is scheduled to',
      ),
    ).toBe(true);
    expect(
      yes(
        'The next phase, funded by the Heart, Lung, and Blood Institute, is expected to report.',
        'is expected to',
      ),
    ).toBe(true);
    expect(
      yes('This is the decision we will make this year," said Rosa Delgado.', 'will make'),
    ).toBe(false);
    expect(yes('A tree costs $450, but upkeep will bring the cost to $725.', 'will bring')).toBe(
      false,
    );
    expect(
      yes(
        'Mayor Tran, who is expected to sign the plan, said he would support it.',
        'is expected to',
      ),
    ).toBe(false);
  });
});

describe('words and phrases', () => {
  const ranks = wordRankFrom([
    { word: 'the', count: 100 },
    { word: 'I', count: 90 },
    { word: 'i', count: 10 },
    { word: 'outlook', count: 5 },
  ]);

  it('ranks words by frequency, case folded', () => {
    expect([ranks('the'), ranks('I'), ranks('Outlook'), ranks('nope')]).toEqual([
      1,
      2,
      4,
      undefined,
    ]);
  });

  it('refuses a list that is not of words with counts, naming the entry', () => {
    expect(() => wordRankFrom({})).toThrow(/must be an array/u);
    expect(() => wordRankFrom([{ word: 'a', count: 1 }, { word: 2 }])).toThrow(/entry 1/u);
  });

  it('ranks an inflected word by its base form and a compound by its rarest part', () => {
    expect(rankOf('outlooks', ranks)).toBe(4);
    expect(rankOf('the-outlook', ranks)).toBe(4);
    expect(rankOf('zyzzyva', ranks)).toBe(Infinity);
  });

  it('finds the key noun phrase of a passage, with "the" for a singular noun in prose', () => {
    const doc = parseText(
      'Forecasters expect an active hurricane season. Officials said the hurricane season could bring floods. Coastal towns prepare for the hurricane season.',
    );
    const phrase = keyPhrase(
      readArticle({
        ...article,
        blocks: [{ kind: 'paragraph', text: doc.text() }],
      }).parts[0]!.paragraphs[0]!.sentences.map((s) => s.terms),
    );
    expect(phrase).toEqual({ text: 'hurricane season', inProse: 'the hurricane season' });
  });

  it('keeps the text’s casing for acronyms and names, and lower-cases other words', () => {
    const phraseOf = (text: string) =>
      keyPhrase(
        readArticle({
          ...article,
          blocks: [{ kind: 'paragraph', text }],
        }).parts[0]!.paragraphs[0]!.sentences.map((s) => s.terms),
      )?.text;
    expect(
      phraseOf(
        'Militias stormed the US Embassy in Baghdad. The US Embassy was closed. Crowds stayed near the US Embassy.',
      ),
    ).toBe('US Embassy');
    expect(
      phraseOf(
        'MOURNERS gathered at the square. Mourners filled the streets. Mourners prayed for hours.',
      ),
    ).toBe('mourners');
  });
});

describe('reading sentences', () => {
  const sentencesOf = (text: string) => parseText(text).sentences().out('array') as string[];

  it.each([
    'MOURNERS ATTEND a funeral on Sunday for Iranian Maj.-Gen. Qasem Soleimani and others.',
    'Brig.-Gen. Hossein Salami and Lt.-Col. Ann Lee spoke to the U.S. Senate on Monday.',
    'Dr. Ruth Park, Gen. Mark Milley, Lt. Dan Taylor and Sen. Ann Ruiz met Pres. Lee and Amb. Kim.',
  ])('does not end a sentence at an abbreviation: %s', (sentence) => {
    expect(sentencesOf(`${sentence} A second sentence follows.`)).toEqual([
      sentence,
      'A second sentence follows.',
    ]);
  });
});

describe('draftLesson', () => {
  const options = { lessonId: 'short', today: '2026-12-07', wordRank: () => undefined };

  it('is deterministic: the same article and day give the same draft', () => {
    expect(JSON.stringify(draftLesson(article, options))).toBe(
      JSON.stringify(draftLesson(article, options)),
    );
  });

  it('fills what the article does not give with placeholders the teacher is told about', () => {
    const metadata = draftLesson(article, options).metadata as Record<string, unknown>;
    expect(metadata.language).toBe('en');
    expect(metadata.drafted).toMatch(/not found in it: the publication, the author, the date/u);
    expect(metadata.source).toMatchObject({ published: 'Date not given' });
  });

  it('dates forecasts from today when the article has no date', () => {
    const lesson = draftLesson(article, options);
    const items = (lesson.sections as { items: { kind: string; asOf?: string }[] }[]).flatMap(
      (s) => s.items,
    );
    expect(items.find((i) => i.kind === 'forecast')?.asOf).toBe('2026-12-07');
  });

  it('refuses an article without paragraphs, and a day that is not one', () => {
    expect(() => draftLesson({ ...article, blocks: [] }, options)).toThrow(/no paragraph/u);
    expect(() => draftLesson(article, { ...options, today: '2026-13-01' })).toThrow(/YYYY-MM-DD/u);
  });

  it('reads each sentence into the paragraph that holds it', () => {
    const read = readArticle({
      ...article,
      blocks: [
        { kind: 'paragraph', text: 'First one. Second one.' },
        { kind: 'caption', text: 'A caption without a full stop' },
        { kind: 'paragraph', text: 'Third one.' },
      ],
    });
    expect(read.parts[0]!.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual([
      ['First one.', 'Second one.'],
      ['A caption without a full stop'],
      ['Third one.'],
    ]);
  });
});
