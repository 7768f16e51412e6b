import { describe, expect, it } from 'vitest';
import type { ItemState } from '../api/live-contracts';
import type { Item, Lesson } from '../lesson/lesson-schema';
import { allItemStates, effectiveItemState, visibleItemStates } from './item-states';

const prompt = (id: string): Item => ({
  kind: 'prompt',
  id,
  question: `Say ${id}?`,
  level: 'recall',
});

/** Two sections of two prompts: only the shape these rules read. */
const lesson = {
  sections: [
    { id: 's1', title: 'One', items: [prompt('a'), prompt('b')] },
    { id: 's2', title: 'Two', items: [prompt('c'), prompt('d')] },
  ],
} as unknown as Lesson;

const open = (itemId: string): ItemState => ({ itemId, status: 'open', isRevealed: false });

describe('effectiveItemState', () => {
  it('keeps a stored state', () => {
    const stored: ItemState = { itemId: 'a', status: 'closed', isRevealed: true };
    expect(effectiveItemState({ mode: 'self-paced' }, 'a', stored)).toBe(stored);
  });

  it('opens an untouched item in a self-paced session and holds it in a teacher-paced one', () => {
    expect(effectiveItemState({ mode: 'self-paced' }, 'a', undefined).status).toBe('open');
    expect(effectiveItemState({ mode: 'teacher-paced' }, 'a', undefined).status).toBe('pending');
  });
});

describe('allItemStates', () => {
  it('gives every item in lesson order', () => {
    const states = allItemStates(lesson, { mode: 'teacher-paced' }, [open('c')]);
    expect(states.map((s) => [s.itemId, s.status])).toEqual([
      ['a', 'pending'],
      ['b', 'pending'],
      ['c', 'open'],
      ['d', 'pending'],
    ]);
  });
});

describe('visibleItemStates', () => {
  it('shows a teacher-paced class the opened items of the current section only', () => {
    const session = { mode: 'teacher-paced', currentSectionId: 's1' } as const;
    expect(visibleItemStates(lesson, session, [open('a'), open('c')])).toEqual([open('a')]);
  });

  it('shows a self-paced class every item not closed away', () => {
    const session = { mode: 'self-paced', currentSectionId: 's1' } as const;
    expect(visibleItemStates(lesson, session, []).map((s) => s.itemId)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});
