import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { memoryStorage } from '#shared/testing/memory-storage';
import { itemFingerprint } from '../lib/item-fingerprint';
import { stubBrowserForStore } from './stub-browser';

const storage = memoryStorage();
const loadStore = stubBrowserForStore(storage);

const section = lesson.sections[0]!;
const prompt = section.items.find((item) => item.kind === 'prompt')!;
const poll = section.items.find((item) => item.kind === 'poll')!;
const SECRET = 'What I really think of the headline';

describe('clearing a lesson’s answers from the device (start over)', () => {
  it('leaves nothing the student gave or visited in the browser’s storage', async () => {
    const { useSelfStudyStore, SELF_STUDY_STORAGE_KEY } = await loadStore();
    const store = useSelfStudyStore.getState();
    store.visitSection(lesson.id, section.id);
    store.answerItem(
      lesson.id,
      prompt.id,
      { kind: 'prompt', text: SECRET },
      itemFingerprint(prompt),
    );
    store.skipItem(lesson.id, poll.id, itemFingerprint(poll));
    const before = storage.getItem(SELF_STUDY_STORAGE_KEY) ?? '';
    expect(before).toContain(SECRET);
    expect(before).toContain(poll.id);

    useSelfStudyStore.getState().startOver(lesson.id);

    const after = storage.getItem(SELF_STUDY_STORAGE_KEY) ?? '';
    for (const trace of [SECRET, prompt.id, poll.id, section.id])
      expect(after).not.toContain(trace);
    // What remains is when the lesson was cleared, so that another tab still open on it drops
    // its copy instead of saving it back.
    const stored = JSON.parse(after) as { state: { workByLesson: object; startedOverAt: object } };
    expect(stored.state.workByLesson).toEqual({});
    expect(Object.keys(stored.state.startedOverAt)).toEqual([lesson.id]);
    expect(useSelfStudyStore.getState().workByLesson[lesson.id]).toBeUndefined();
  });

  it('keeps what the student answers after clearing', async () => {
    const { useSelfStudyStore, SELF_STUDY_STORAGE_KEY } = await loadStore();
    useSelfStudyStore
      .getState()
      .answerItem(lesson.id, prompt.id, { kind: 'prompt', text: 'Anew' }, itemFingerprint(prompt));
    expect(storage.getItem(SELF_STUDY_STORAGE_KEY)).toContain('Anew');
  });
});
