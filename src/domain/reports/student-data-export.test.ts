import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '../lessons/soleimani-lesson';
import { buildStudentDataExport, formatStudentDataMarkdown } from './student-data-export';

const at = '2026-11-26T09:30:00.000Z';

function exportOf(name: string, text: string) {
  return buildStudentDataExport({
    now: new Date(at),
    lesson,
    session: {
      id: 's1',
      lessonId: lesson.id,
      mode: 'self-paced',
      status: 'open',
      startedAt: at,
      endedAt: null,
    },
    student: {
      id: 'p1',
      displayName: name,
      label: name,
      joinedAt: at,
      lastSeenAt: at,
      removedAt: null,
      currentSectionId: 'shared-interests',
    },
    answers: [
      {
        itemId: 'thesis-question',
        answer: { kind: 'prompt', text },
        revision: 2,
        createdAt: at,
        updatedAt: at,
        isHidden: false,
        isSpotlighted: true,
      },
      {
        itemId: 'thesis-prior-knowledge',
        answer: { kind: 'poll', optionIds: ['name-only'] },
        revision: 1,
        createdAt: at,
        updatedAt: at,
        isHidden: false,
        isSpotlighted: false,
      },
    ],
    eventLogEntries: 3,
  });
}

describe('one student’s data export', () => {
  it('lists the answers in the lesson’s order, with their questions and the wall’s state', () => {
    const data = exportOf('Sam', 'A gamble.');
    expect(data.answers.map((a) => [a.itemId, a.answerText, a.wall])).toEqual([
      ['thesis-prior-knowledge', 'I had heard the name', null],
      ['thesis-question', 'A gamble.', { isHidden: false, isSpotlighted: true }],
    ]);
    expect(data.progress).toMatchObject({ currentSectionId: 'shared-interests', answered: 2 });
    expect(data.progress.currentSectionTitle).not.toBeNull();
  });

  it('writes Markdown a parent can read, where a student’s text cannot make headings', () => {
    const markdown = formatStudentDataMarkdown(exportOf('# Sam', '## Not a heading\nsecond line'));
    expect(markdown).toContain('What the class discussion app holds about \\# Sam');
    expect(markdown).toContain('- Answer: \\## Not a heading second line');
    expect(markdown).not.toMatch(/^## Not a heading/m);
    expect(markdown).toContain('spotlighted by the teacher');
    expect(markdown).toContain('2026-11-26 09:30 UTC');
    expect(markdown).toContain('3 entries.');
  });
});
