import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from './builtin/soleimani-lesson';
import { studentLessonSchema, type ItemAnswerKey } from './answer-key-schemas';
import { answerKeyOf, keyedForecast, stripAnswerKeys, withAnswerKeys } from './answer-keys';
import type { Lesson } from './lesson-schema';

const items = lesson.sections.flatMap((s) => s.items);

describe('answer keys', () => {
  it('strips teacher notes, claim sortings, outcomes and model answers, and nothing else', () => {
    const stripped = stripAnswerKeys(lesson);
    const sent = JSON.stringify(stripped);
    for (const name of ['teacherNotes', 'expected', 'explanation', 'resolution', 'modelAnswer']) {
      expect(sent).not.toContain(`"${name}"`);
    }
    expect(studentLessonSchema.safeParse(stripped).success).toBe(true);
    expect(stripped.metadata).toEqual(lesson.metadata);
    expect(stripped.sections.map((s) => s.items.map((i) => i.id))).toEqual(
      lesson.sections.map((s) => s.items.map((i) => i.id)),
    );
    // The lesson's own copy is untouched.
    expect(lesson.sections[0]!.teacherNotes.length).toBeGreaterThan(0);
  });

  it('puts the keys back: every key of the lesson gives it back whole, but the teacher notes', () => {
    const keys = items.flatMap((item) => answerKeyOf(lesson, item.id) ?? []);
    expect(keys.map((k) => k.kind).sort()).toEqual([
      'claimCheck',
      'claimCheck',
      'claimCheck',
      'forecast',
      'writing',
      'writing',
    ]);
    const { sections, ...rest } = withAnswerKeys(stripAnswerKeys(lesson), keys);
    expect({
      ...rest,
      sections: sections.map((s, i) => ({ ...s, teacherNotes: lesson.sections[i]!.teacherNotes })),
    }).toStrictEqual(lesson);
  });

  it('tells a forecast not resolved yet from one whose key has not come', () => {
    const forecast = items.find((item) => item.kind === 'forecast');
    if (forecast?.kind !== 'forecast') throw new Error('the lesson has a forecast');
    const waiting: Lesson = {
      ...lesson,
      sections: lesson.sections.map((section) => ({
        ...section,
        items: section.items.map((item) =>
          item.id === forecast.id
            ? { ...forecast, scenarios: forecast.scenarios.map(({ resolution: _r, ...s }) => s) }
            : item,
        ),
      })),
    };
    const student = stripAnswerKeys(waiting);
    const studentForecast = () =>
      student.sections.flatMap((s) => s.items).find((item) => item.id === forecast.id);
    const before = studentForecast();
    if (before?.kind !== 'forecast') throw new Error('still a forecast');
    expect(keyedForecast(before)).toBeNull();

    const key = answerKeyOf(waiting, forecast.id);
    expect(key).toEqual({
      itemId: forecast.id,
      kind: 'forecast',
      scenarios: forecast.scenarios.map(({ id }) => ({ id, resolution: null })),
    });
    const after = withAnswerKeys(student, [key!])
      .sections.flatMap((s) => s.items)
      .find((item) => item.id === forecast.id);
    if (after?.kind !== 'forecast') throw new Error('still a forecast');
    const keyed = keyedForecast(after);
    expect(keyed?.scenarios.map((s) => s.resolution)).toEqual(
      forecast.scenarios.map(() => undefined),
    );
  });

  it('has no key for an item without one, and ignores a key of another item', () => {
    const poll = items.find((i) => i.kind === 'poll')!;
    expect(answerKeyOf(lesson, poll.id)).toBeNull();
    expect(answerKeyOf(lesson, 'no-such-item')).toBeNull();
    const stray: ItemAnswerKey = { itemId: 'no-such-item', kind: 'writing', modelAnswer: 'x' };
    expect(withAnswerKeys(stripAnswerKeys(lesson), [stray])).toStrictEqual(stripAnswerKeys(lesson));
  });
});
