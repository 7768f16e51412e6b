import { describe, expect, it } from 'vitest';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import {
  itemFingerprint,
  lessonFingerprints,
  stableJson,
  wholeItemFingerprint,
} from './item-fingerprint';
import { pollWithLabels } from '#test-fixtures/items';

const poll = pollWithLabels(['A', 'B'], { id: 'poll', mode: 'single' });

describe('item fingerprints', () => {
  it('is short, and the same for the same content whatever the order of its keys', () => {
    const reordered = JSON.parse(
      '{"options":[{"label":"A","id":"a"},{"label":"B","id":"b"}],"mode":"single","question":"Which?","id":"poll","kind":"poll"}',
    ) as Item;
    expect(itemFingerprint(poll)).toMatch(/^[0-9a-z]{1,11}$/);
    expect(itemFingerprint(reordered)).toBe(itemFingerprint(poll));
    expect(itemFingerprint(structuredClone(poll))).toBe(itemFingerprint(poll));
  });

  it('changes with any change of what the item asks, however small', () => {
    const variants: Item[] = [
      { ...poll, question: 'Which one?' },
      { ...poll, mode: 'multiple' },
      { ...poll, options: [...poll.options, { id: 'c', label: 'C' }] },
      { ...poll, options: [poll.options[1]!, poll.options[0]!] },
      { ...poll, options: [{ id: 'a', label: 'a' }, poll.options[1]!] },
    ];
    const fingerprints = new Set([poll, ...variants].map(itemFingerprint));
    expect(fingerprints.size).toBe(variants.length + 1);
  });

  it('stays when only what comes after the answer changes: an explanation, an outcome, a rubric', () => {
    expect(itemFingerprint({ ...poll, afterAnswer: 'The record says A.' })).toBe(
      itemFingerprint(poll),
    );
    for (const item of lesson.sections.flatMap((section) => section.items)) {
      const corrected: Item = (() => {
        switch (item.kind) {
          case 'prompt':
            return { ...item, level: 'recall', guidance: { hint: 'A new hint.' }, extension: true };
          case 'poll':
            return { ...item, afterAnswer: 'Corrected.' };
          case 'scale':
            return { ...item, extension: !item.extension };
          case 'forecast':
            return {
              ...item,
              scenarios: item.scenarios.map((s) => ({
                ...s,
                lessonReading: undefined,
                resolution: { happened: true, date: '2020-01-01', text: 'Corrected.' },
              })),
            };
          case 'claimCheck':
            return {
              ...item,
              claims: item.claims.map((c) => ({ ...c, explanation: 'Corrected.' })),
            };
          case 'writing':
            return { ...item, modelAnswer: 'Corrected.', minWords: 10 };
          case 'statements':
            return { ...item, requireApproval: !item.requireApproval };
        }
      })();
      expect(itemFingerprint(corrected), item.id).toBe(itemFingerprint(item));
      expect(wholeItemFingerprint(corrected), item.id).not.toBe(wholeItemFingerprint(item));
    }
  });

  it('tells every item of the shipped lesson apart', () => {
    const fingerprints = lessonFingerprints(lesson);
    const count = lesson.sections.reduce((sum, section) => sum + section.items.length, 0);
    expect(fingerprints.size).toBe(count);
    expect(new Set(fingerprints.values()).size).toBe(count);
    expect(lessonFingerprints(lesson)).toBe(fingerprints);
  });

  it('writes JSON with sorted keys, leaving out undefined fields as JSON does', () => {
    expect(stableJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
  });
});
