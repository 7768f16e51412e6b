import type { LessonJson } from './lesson-json';

/** A small complete lesson of schema version 7, with every kind of item, for the tests. */
export const completeLessonJson: LessonJson = {
  schemaVersion: 7,
  id: 'webb-images',
  metadata: {
    title: 'First images from the Webb telescope',
    subtitle: 'What a telescope’s first pictures tell us',
    language: 'en',
    source: {
      publication: 'NASA',
      headline: 'NASA’s Webb Delivers Deepest Infrared Image of Universe Yet',
      published: '2022-07-11',
      authorDescription: 'NASA news release',
      url: 'https://www.nasa.gov/example',
      permission: 'Public domain (U.S. government work)',
    },
  },
  sections: [
    {
      id: 'first',
      title: 'The image',
      paragraphs: [
        { role: 'headline', text: 'Webb delivers its deepest image.' },
        { text: 'The image shows galaxy cluster SMACS 0723 as it appeared 4.6 billion years ago.' },
      ],
      items: [
        {
          kind: 'prompt',
          id: 'p1',
          question: 'What does the image show?',
          level: 'recall',
          guidance: { minWords: 20, hint: 'Look at the second paragraph.' },
        },
        {
          kind: 'poll',
          id: 'poll1',
          extension: true,
          question: 'How old is the light?',
          mode: 'single',
          options: [
            { id: 'a', label: '4.6 billion years' },
            { id: 'b', label: '13 billion years' },
          ],
          afterAnswer: 'The cluster appears as it did 4.6 billion years ago.',
        },
        { kind: 'scale', id: 's1', statement: 'Space telescopes are worth their cost.' },
      ],
      summary: 'The image shows a galaxy cluster.',
      teacherNotes: ['Ask about light travel time.'],
    },
    {
      id: 'second',
      title: 'What next',
      paragraphs: [{ text: 'More images will follow, the agency said.' }],
      items: [
        {
          kind: 'claimCheck',
          id: 'c1',
          instructions: 'Sort each claim.',
          claims: [
            {
              id: 'c1a',
              quote: 'More images will follow',
              expected: 'prediction',
              explanation: 'It says what will happen.',
            },
          ],
        },
        {
          kind: 'forecast',
          id: 'f1',
          question: 'Will Webb find a new exoplanet atmosphere by 2023?',
          asOf: '2022-07-11',
          horizon: '2023-12-31',
          scenarios: [
            {
              id: 'f1a',
              statement: 'It finds carbon dioxide in an exoplanet atmosphere.',
              lessonReading: { probability: 60, reason: 'The release sounds confident.' },
              resolution: { happened: true, date: '2022-08-25', text: 'It did, on WASP-39 b.' },
            },
          ],
        },
        {
          kind: 'writing',
          id: 'w1',
          extension: true,
          task: 'Write to the release’s authors: is the first image worth the telescope’s cost?',
          minWords: 40,
          rubric: [
            {
              id: 'reasoning',
              criterion: 'Gives reasons for a view',
              points: 3,
              levels: ['States a view', 'Gives one reason', 'Weighs reasons on both sides'],
            },
            { id: 'form', criterion: 'Reads as a letter', points: 1 },
          ],
          modelAnswer: 'Dear authors, the image is worth it, because…',
        },
      ],
      summary: 'More to come.',
      teacherNotes: [],
    },
  ],
  glossary: [
    {
      id: 'cluster',
      term: 'galaxy cluster',
      matches: ['galaxy cluster'],
      definition: 'A group of galaxies.',
    },
    { id: 'ly', term: 'light-year', matches: ['billion years'], definition: 'A distance.' },
  ],
};
