import { describe, expect, it } from 'vitest';
import { migrateLessonV6ToV7 } from './lesson-v6-to-v7';

describe('migrateLessonV6ToV7', () => {
  it('keeps a version-6 lesson as it is: its criteria stay scored by points', () => {
    const rubric = [{ id: 'evidence', criterion: 'Uses evidence', points: 3 }];
    const before = {
      schemaVersion: 6,
      id: 'hand-made',
      sections: [{ id: 'a', items: [{ kind: 'writing', id: 'w', rubric }] }],
    };
    const after = migrateLessonV6ToV7(before);
    expect(after).toStrictEqual(before);
    expect(after).not.toBe(before);
  });

  it('leaves what it does not understand as it was', () => {
    expect(migrateLessonV6ToV7({ id: 'x', sections: 'none' })).toStrictEqual({
      id: 'x',
      sections: 'none',
    });
  });
});
