import { describe, expect, it } from 'vitest';
import type { Item, Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { itemFingerprint, wholeItemFingerprint } from './item-fingerprint';
import { checkAnswerForItem } from '#domain/lesson/check-answer';
import { hasWorkWithoutFingerprints, keepWork, type AnswerFits } from './keep-work';
import { answersOf, skippedItemIdsOf, type ItemWork, type LessonWork } from './saved-work';
import { mergeSavedWork } from './merge-work';
import { claimCheckOfTwo, pollWithLabels } from '#test-fixtures/items';

const poll = pollWithLabels(['A', 'B'], { id: 'poll' });
const prompt: Item = { kind: 'prompt', id: 'prompt', question: 'Why?', level: 'analysis' };
const scale: Item = { kind: 'scale', id: 'scale', statement: 'It was right.' };
const claims = claimCheckOfTwo();

/** A lesson of the given items (in one section), built on the shipped one. */
function lessonOf(...items: Item[]): Lesson {
  const section = soleimaniLesson.sections[0]!;
  return { ...soleimaniLesson, sections: [{ ...section, items }] };
}

function workOf(items: Record<string, ItemWork>): LessonWork {
  return { items, lastSectionId: 'thesis', lastSectionAt: 5, startedAt: 1 };
}

const NOW = 1_000;

/** What the app passes once check-answer.ts is loaded. */
const fits: AnswerFits = (item, answer) =>
  checkAnswerForItem(item, answer, { allowIncomplete: true }) === null;

describe('keepWork: saved answers against a new version of the lesson', () => {
  const v1 = lessonOf(poll, prompt, scale);
  const given = (item: Item, answer: ItemWork['answer'], at = 10): ItemWork => ({
    answer,
    isSkipped: false,
    at,
    fingerprint: itemFingerprint(item),
  });

  it('keeps work saved with the older whole-item fingerprint while its item is unchanged', () => {
    const answer = { kind: 'poll', optionIds: ['a'] } as const;
    const olderPrint = {
      answer,
      isSkipped: false,
      at: 10,
      fingerprint: wholeItemFingerprint(poll),
    };
    const kept = keepWork(workOf({ poll: olderPrint }), v1, NOW);
    expect(kept.items.poll).toStrictEqual({ ...olderPrint, fingerprint: itemFingerprint(poll) });
    // The same older fingerprint against a changed question: the answer no longer applies.
    const v2 = lessonOf({ ...poll, question: 'Which one now?' }, prompt, scale);
    expect(keepWork(workOf({ poll: olderPrint }), v2, NOW).items.poll).toMatchObject({
      answer: null,
    });
  });

  it('keeps the work of items that did not change, as the same object', () => {
    const work = workOf({
      poll: given(poll, { kind: 'poll', optionIds: ['a'] }),
      prompt: { ...given(prompt, null), isSkipped: true },
    });
    expect(keepWork(work, v1, NOW)).toBe(work);
    // A new version that changed other items only: the same.
    const v2 = lessonOf(poll, prompt, { ...scale, statement: 'It was wrong.' });
    expect(keepWork(work, v2, NOW)).toBe(work);
  });

  it('drops the answers and skips of items that changed or went, and keeps the rest', () => {
    const work = workOf({
      poll: given(poll, { kind: 'poll', optionIds: ['a', 'b'] }),
      prompt: given(prompt, { kind: 'prompt', text: 'Because.' }),
      scale: { ...given(scale, null), isSkipped: true },
    });
    const changedPoll: Item = { ...poll, options: [...poll.options, { id: 'c', label: 'C' }] };
    const v2 = lessonOf(changedPoll, prompt);
    const kept = keepWork(work, v2, NOW);
    expect(answersOf(kept.items)).toEqual({ prompt: { kind: 'prompt', text: 'Because.' } });
    expect(skippedItemIdsOf(kept.items)).toEqual([]);
    expect(kept.items.poll).toEqual({ answer: null, isSkipped: false, at: NOW });
    expect(kept.items.scale).toEqual({ answer: null, isSkipped: false, at: NOW });
    expect(kept.lastSectionId).toBe('thesis');
  });

  it('drops later than the work it drops, so another tab’s older copy cannot bring it back', () => {
    const work = workOf({ prompt: given(prompt, { kind: 'prompt', text: 'Late.' }, 5_000) });
    const kept = keepWork(work, lessonOf(poll), NOW);
    expect(kept.items.prompt?.at).toBe(5_001);
    const otherTab = { workByLesson: { k: work }, startedOverAt: {} };
    const merged = mergeSavedWork(otherTab, { workByLesson: { k: kept }, startedOverAt: {} });
    expect(answersOf(merged.workByLesson.k?.items ?? {})).toEqual({});
  });

  it('lets a new answer to the changed item win over the mark that dropped the old one', () => {
    const changedPrompt: Item = { ...prompt, question: 'Why, really?' };
    const dropped = keepWork(
      workOf({ prompt: given(prompt, { kind: 'prompt', text: 'Old.' }) }),
      lessonOf(changedPrompt),
      NOW,
    );
    const answeredAgain = workOf({
      prompt: given(changedPrompt, { kind: 'prompt', text: 'New.' }, NOW + 1),
    });
    const merged = mergeSavedWork(
      { workByLesson: { k: dropped }, startedOverAt: {} },
      { workByLesson: { k: answeredAgain }, startedOverAt: {} },
    );
    const kept = keepWork(merged.workByLesson.k!, lessonOf(changedPrompt), NOW + 2);
    expect(answersOf(kept.items)).toEqual({ prompt: { kind: 'prompt', text: 'New.' } });
  });

  it('leaves the marks of dropped work as they are', () => {
    const work = workOf({ poll: { answer: null, isSkipped: false, at: 50 } });
    expect(keepWork(work, v1, NOW)).toBe(work);
  });

  describe('work saved before fingerprints were kept (the built-in lesson’s, from before links)', () => {
    const legacy = (answer: ItemWork['answer'], isSkipped = false): ItemWork => ({
      answer,
      isSkipped,
      at: 10,
    });

    it('is left as it is, and reported, until the answer checks are there to say if it fits', () => {
      const work = workOf({ poll: legacy({ kind: 'poll', optionIds: ['gone'] }) });
      expect(hasWorkWithoutFingerprints(work)).toBe(true);
      expect(keepWork(work, v1, NOW)).toBe(work);
      const checked = keepWork(work, v1, NOW, fits);
      expect(hasWorkWithoutFingerprints(checked)).toBe(false);
      expect(answersOf(checked.items)).toEqual({});
    });

    it('is adopted by the version that loads, with its fingerprints, when it fits', () => {
      const v = lessonOf(poll, prompt, scale, claims);
      const kept = keepWork(
        workOf({
          poll: legacy({ kind: 'poll', optionIds: ['b'] }),
          prompt: legacy({ kind: 'prompt', text: 'Kept.' }, true),
          // Work in progress (one claim of two sorted) still fits.
          claims: legacy({ kind: 'claimCheck', categories: { c1: 'fact' } }),
          scale: legacy(null, true),
        }),
        v,
        NOW,
        fits,
      );
      expect(kept.items).toEqual({
        poll: { ...legacy({ kind: 'poll', optionIds: ['b'] }), fingerprint: itemFingerprint(poll) },
        prompt: {
          ...legacy({ kind: 'prompt', text: 'Kept.' }, true),
          fingerprint: itemFingerprint(prompt),
        },
        claims: {
          ...legacy({ kind: 'claimCheck', categories: { c1: 'fact' } }),
          fingerprint: itemFingerprint(claims),
        },
        scale: { ...legacy(null, true), fingerprint: itemFingerprint(scale) },
      });
      // Adopted, it is then measured against the next version like any other work.
      const v2 = lessonOf({ ...poll, question: 'Which, now?' }, prompt, scale, claims);
      expect(answersOf(keepWork(kept, v2, NOW).items)).not.toHaveProperty('poll');
    });

    it('is dropped when it no longer fits its item, or its item is gone', () => {
      const kept = keepWork(
        workOf({
          poll: legacy({ kind: 'poll', optionIds: ['a', 'a', 'gone'] }),
          prompt: legacy({ kind: 'scale', value: 3 }),
          elsewhere: legacy({ kind: 'scale', value: 3 }),
        }),
        v1,
        NOW,
        fits,
      );
      expect(answersOf(kept.items)).toEqual({});
      expect(Object.keys(kept.items).sort()).toEqual(['elsewhere', 'poll', 'prompt']);
    });

    it('gives way, in a merge, to the same work once a tab adopted it', () => {
      const old = workOf({ scale: legacy({ kind: 'scale', value: 4 }) });
      const adopted = keepWork(old, v1, NOW, fits);
      for (const [a, b] of [
        [old, adopted],
        [adopted, old],
      ] as const) {
        const merged = mergeSavedWork(
          { workByLesson: { k: a }, startedOverAt: {} },
          { workByLesson: { k: b }, startedOverAt: {} },
        );
        expect(merged.workByLesson.k?.items.scale?.fingerprint).toBe(itemFingerprint(scale));
      }
    });
  });
});
