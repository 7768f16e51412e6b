import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '../lesson/builtin/soleimani-lesson';
import { isNamesHiddenAnswer } from './names-hidden';

const items = lesson.sections.flatMap((section) => section.items);
const idOf = (kind: string) => items.find((item) => item.kind === kind)!.id;

describe('the answers "names hidden from me too" keeps apart from a name', () => {
  it('covers discussion prompts, and not polls or writing', () => {
    expect(
      isNamesHiddenAnswer(lesson, {
        itemId: idOf('prompt'),
        answer: { kind: 'prompt', text: 'x' },
      }),
    ).toBe(true);
    expect(
      isNamesHiddenAnswer(lesson, {
        itemId: idOf('poll'),
        answer: { kind: 'poll', optionIds: [] },
      }),
    ).toBe(false);
    expect(
      isNamesHiddenAnswer(lesson, {
        itemId: idOf('writing'),
        answer: { kind: 'writing', text: 'x' },
      }),
    ).toBe(false);
  });

  it('covers a prompt answer whose item the lesson no longer has', () => {
    expect(
      isNamesHiddenAnswer(lesson, { itemId: 'gone', answer: { kind: 'prompt', text: 'x' } }),
    ).toBe(true);
  });
});
