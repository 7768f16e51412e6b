import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { memoryStorage } from '#shared/testing/memory-storage';
import { checkAnswerForItem } from '#domain/lesson/check-answer';
import { itemFingerprint } from '../lib/item-fingerprint';
import { stubBrowserForStore } from './stub-browser';

/** Where the app kept self-study work before lessons had links, and still does. */
const STORAGE_KEY = 'article-discussion:self-study';
/** The built-in lesson's share key: its id, which its work was kept under before. */
const BUILT_IN = lesson.id;

const section = lesson.sections[0]!;
const prompt = section.items.find((item) => item.kind === 'prompt')!;
const poll = section.items.find((item) => item.kind === 'poll')!;

/** Saved work as the app stored it before fingerprints (version 2). */
const versionTwo = {
  version: 2,
  state: {
    workByLesson: {
      [BUILT_IN]: {
        items: {
          [prompt.id]: {
            answer: { kind: 'prompt', text: 'Saved last year' },
            isSkipped: false,
            at: 100,
          },
          [poll.id]: {
            answer: { kind: 'poll', optionIds: [poll.options[0]!.id] },
            isSkipped: false,
            at: 200,
          },
        },
        lastSectionId: section.id,
        lastSectionAt: 150,
        startedAt: 50,
      },
    },
    startedOverAt: {},
  },
};

const storage = memoryStorage();
beforeAll(() => {
  storage.setItem(STORAGE_KEY, JSON.stringify(versionTwo));
});
const loadStore = stubBrowserForStore(storage);
const stored = () =>
  JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as {
    version: number;
    state: { workByLesson: Record<string, { items: Record<string, Record<string, unknown>> }> };
  };

describe('saved self-study work across versions of the app and of the lesson', () => {
  it('keeps the built-in lesson’s work saved before links, and adopts the lesson as it is now', async () => {
    const { useSelfStudyStore, SELF_STUDY_STORAGE_KEY } = await loadStore();
    expect(SELF_STUDY_STORAGE_KEY).toBe(STORAGE_KEY);
    // As the page does once it has loaded the answer checks (use-self-study.ts).
    useSelfStudyStore
      .getState()
      .keepLessonWork(
        BUILT_IN,
        lesson,
        (item, answer) => checkAnswerForItem(item, answer) === null,
      );

    const work = useSelfStudyStore.getState().workByLesson[BUILT_IN];
    expect(work?.items[prompt.id]?.answer).toEqual({ kind: 'prompt', text: 'Saved last year' });
    expect(work?.lastSectionId).toBe(section.id);
    const saved = stored();
    expect(saved.version).toBe(3);
    expect(saved.state.workByLesson[BUILT_IN]?.items[prompt.id]).toMatchObject({
      answer: { kind: 'prompt', text: 'Saved last year' },
      fingerprint: itemFingerprint(prompt),
    });
    expect(saved.state.workByLesson[BUILT_IN]?.items[poll.id]?.fingerprint).toBe(
      itemFingerprint(poll),
    );
  });

  it('drops, in the store and on the device, the answer to an item a new version changed', async () => {
    const { useSelfStudyStore } = await loadStore();
    const changedPoll = { ...poll, question: `${poll.question} (reworded)` };
    const newVersion: Lesson = {
      ...lesson,
      sections: lesson.sections.map((s) =>
        s === section ? { ...s, items: s.items.map((i) => (i === poll ? changedPoll : i)) } : s,
      ),
    };
    useSelfStudyStore.getState().keepLessonWork(BUILT_IN, newVersion);

    const work = useSelfStudyStore.getState().workByLesson[BUILT_IN];
    expect(work?.items[poll.id]?.answer).toBeNull();
    expect(work?.items[prompt.id]?.answer).toEqual({ kind: 'prompt', text: 'Saved last year' });
    const saved = stored().state.workByLesson[BUILT_IN]?.items;
    expect(saved?.[poll.id]).toMatchObject({ answer: null, isSkipped: false });
    expect(JSON.stringify(saved?.[poll.id])).not.toContain(poll.options[0]!.id);
    expect(saved?.[prompt.id]).toMatchObject({
      answer: { kind: 'prompt', text: 'Saved last year' },
    });
  });

  it('keeps each lesson’s work under its own share key', async () => {
    const { useSelfStudyStore } = await loadStore();
    useSelfStudyStore
      .getState()
      .answerItem('teacher-link-key', prompt.id, { kind: 'prompt', text: 'Other lesson' }, 'f');
    const state = useSelfStudyStore.getState();
    expect(state.workByLesson['teacher-link-key']?.items[prompt.id]?.answer).toEqual({
      kind: 'prompt',
      text: 'Other lesson',
    });
    expect(state.workByLesson[BUILT_IN]?.items[prompt.id]?.answer).toEqual({
      kind: 'prompt',
      text: 'Saved last year',
    });
    state.startOver('teacher-link-key');
    expect(useSelfStudyStore.getState().workByLesson[BUILT_IN]).toBeDefined();
  });
});
