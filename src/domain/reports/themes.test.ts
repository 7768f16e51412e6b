import { describe, expect, it } from 'vitest';
import { extractThemes, tokenizeSegments } from './themes';

/** Realistic answers to "Why did the US kill Soleimani?" after reading the op-ed. */
const RESPONSES = [
  'Soleimani crossed a red line when his militias attacked the embassy in Baghdad.',
  'Trump could not look weak in an election year, so the red line mattered.',
  'I think the US sent mixed messages for months, then suddenly crossed the red line itself.',
  'Iran misread Trump. In an election year he had to respond to the embassy attack.',
  'The author says mixed messages lead to miscalculations. Iran saw restraint as weakness.',
  'Mixed messages from Washington made Iran think there would be no response.',
  'It was an election year and the embassy attack reminded everyone of Benghazi.',
];

describe('tokenizeSegments', () => {
  it('lowercases words and splits at sentence punctuation', () => {
    expect(tokenizeSegments('Red line. Election year, again!')).toEqual([
      ['red', 'line'],
      ['election', 'year'],
      ['again'],
    ]);
  });

  it('keeps apostrophes inside words, normalises curly ones and strips possessive s', () => {
    expect(tokenizeSegments('Trump didn’t blink; Iran’s bet failed')).toEqual([
      ['trump', "didn't", 'blink'],
      ['iran', 'bet', 'failed'],
    ]);
  });

  it('reads letters and digits of any script', () => {
    expect(tokenizeSegments('Красная линия، خط أحمر 2020')).toEqual([
      ['красная', 'линия'],
      ['خط', 'أحمر', '2020'],
    ]);
  });
});

describe('extractThemes', () => {
  it('finds the phrases several students share', () => {
    expect(extractThemes(RESPONSES)).toEqual([
      { phrase: 'election year', responses: 3 },
      { phrase: 'mixed messages', responses: 3 },
      { phrase: 'red line', responses: 3 },
      // 'embassy' is in 3 responses, 'embassy attack' in only 2 (< 80 %): both are kept.
      { phrase: 'embassy', responses: 3 },
      { phrase: 'iran', responses: 3 },
      { phrase: 'embassy attack', responses: 2 },
      { phrase: 'crossed', responses: 2 },
      { phrase: 'trump', responses: 2 },
    ]);
  });

  it('counts distinct responses, not occurrences', () => {
    const themes = extractThemes([
      'Escalation, escalation, escalation: the red line was crossed.',
      'The red line mattered.',
    ]);
    expect(themes).toEqual([{ phrase: 'red line', responses: 2 }]);
  });

  it('leaves out stop words and very short tokens', () => {
    const themes = extractThemes(
      [
        'I think that it was the US and it was a war, plan B',
        'I think that it was the US and it was a war, plan B',
      ],
      { minResponses: 2 },
    );
    // 'b' is a single letter; 'us' and the rest are stop words.
    expect(themes).toEqual([
      { phrase: 'plan', responses: 2 },
      { phrase: 'war', responses: 2 },
    ]);
  });

  it('does not join words across punctuation or stop words', () => {
    const themes = extractThemes(['Sanctions. Pressure grew.', 'Sanctions. Pressure grew.']);
    expect(themes.map((t) => t.phrase)).not.toContain('sanctions pressure');
    expect(extractThemes(['threat of war', 'threat of war']).map((t) => t.phrase)).toEqual([
      'threat',
      'war',
    ]);
  });

  it('prefers a bigram over its unigrams when it covers (almost) the same responses', () => {
    const themes = extractThemes([
      'Mixed messages confused Tehran.',
      'Washington sent mixed messages.',
      'Too many mixed messages.',
      'Mixed messages again.',
      'The messages were unclear.', // 'messages' in 5, 'mixed messages' in 4 = 80 %: still dropped
    ]);
    expect(themes).toEqual([{ phrase: 'mixed messages', responses: 4 }]);
  });

  it('treats exactly 80 % as almost the same count', () => {
    // 'mixed messages' in 12 responses, 'messages' in 15: 'messages' is dropped.
    const responses = [
      ...Array.from({ length: 12 }, (_, i) => `Answer ${i}: mixed messages.`),
      ...Array.from({ length: 3 }, (_, i) => `Answer ${i + 12}: unclear messages.`),
    ];
    expect(extractThemes(responses).map((t) => t.phrase)).toEqual([
      'answer',
      'mixed messages',
      'unclear messages',
    ]);
  });

  it('keeps a unigram that is much more common than the bigram containing it', () => {
    const themes = extractThemes([
      'Red line crossed.',
      'The red line.',
      'A line in the sand.',
      'Where is the line?',
      'Line after line.',
    ]);
    expect(themes).toEqual([
      { phrase: 'line', responses: 5 },
      { phrase: 'red line', responses: 2 },
    ]);
  });

  it('prefers a trigram over a bigram with the same count', () => {
    const themes = extractThemes([
      'Qasem Soleimani died.',
      'The killing of Qasem Soleimani.',
      'Qasem Soleimani was powerful.',
    ]);
    expect(themes).toEqual([{ phrase: 'qasem soleimani', responses: 3 }]);
    expect(
      extractThemes(['Major regional war looms.', 'A major regional war.']).map((t) => t.phrase),
    ).toEqual(['major regional war']);
  });

  it('tokenises non-Latin responses', () => {
    const themes = extractThemes([
      'Это была красная линия для США.',
      'Иран пересёк красная линия!',
      'كان ذلك خط أحمر واضح',
      'إيران تجاوزت خط أحمر',
    ]);
    expect(themes).toEqual([
      { phrase: 'красная линия', responses: 2 },
      { phrase: 'خط أحمر', responses: 2 },
    ]);
  });

  it('applies minResponses and maxThemes', () => {
    expect(extractThemes(RESPONSES, { minResponses: 3 }).map((t) => t.phrase)).toEqual([
      'election year',
      'mixed messages',
      'red line',
      'embassy',
      'iran',
    ]);
    expect(extractThemes(RESPONSES, { maxThemes: 2 })).toHaveLength(2);
    expect(extractThemes(RESPONSES, { maxThemes: 0 })).toEqual([]);
    expect(extractThemes(['Harsh oil sanctions'], { minResponses: 1 })).toEqual([
      { phrase: 'harsh oil sanctions', responses: 1 },
    ]);
  });

  it('returns nothing for no responses or only blank ones', () => {
    expect(extractThemes([])).toEqual([]);
    expect(extractThemes(['', '   ', '?!'])).toEqual([]);
  });

  it('is deterministic whatever the order of the responses', () => {
    const forward = extractThemes(RESPONSES);
    const backward = extractThemes([...RESPONSES].reverse());
    expect(backward).toEqual(forward);
    expect(extractThemes(RESPONSES)).toEqual(forward);
  });

  it('rejects invalid options', () => {
    expect(() => extractThemes(RESPONSES, { minResponses: 0 })).toThrow(RangeError);
    expect(() => extractThemes(RESPONSES, { maxThemes: -1 })).toThrow(RangeError);
    expect(() => extractThemes(RESPONSES, { maxThemes: 1.5 })).toThrow(RangeError);
  });
});
