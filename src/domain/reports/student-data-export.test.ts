import { describe, expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '../lesson/builtin/soleimani-lesson';
import {
  buildStudentDataExport,
  formatStudentDataMarkdown,
  type StoredSpeakingTurn,
  type StoredWallReply,
  type StoredWritingFeedback,
} from './student-data-export';

const at = '2026-11-26T09:30:00.000Z';

const letterFeedback: StoredWritingFeedback = {
  itemId: 'lesson-letter',
  scores: { position: 2, evidence: 1, 'missing-view': 0, 'letter-form': 1 },
  comment: 'Name the claim you answer.',
  releasedAt: null,
};

function exportOf(
  name: string,
  text: string,
  writingFeedback = [letterFeedback],
  speakingTurns: readonly StoredSpeakingTurn[] = [],
  wallReplies: readonly StoredWallReply[] = [],
) {
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
      {
        itemId: 'lesson-letter',
        answer: { kind: 'writing', text: 'To the editor: …' },
        revision: 1,
        createdAt: at,
        updatedAt: at,
        isHidden: false,
        isSpotlighted: false,
      },
    ],
    writingFeedback,
    speakingTurns,
    wallReplies,
    statements: [],
    statementVotes: [],
    eventLogEntries: 3,
  });
}

describe('one student’s data export', () => {
  it('lists the answers in the lesson’s order, with their questions and the wall’s state', () => {
    const data = exportOf('Sam', 'A gamble.');
    expect(data.answers.map((a) => [a.itemId, a.answerText, a.wall])).toEqual([
      ['thesis-prior-knowledge', 'I had heard the name', null],
      ['thesis-question', 'A gamble.', { isHidden: false, isSpotlighted: true }],
      ['lesson-letter', 'To the editor: …', null],
    ]);
    expect(data.progress).toMatchObject({ currentSectionId: 'shared-interests', answered: 3 });
    expect(data.progress.currentSectionTitle).not.toBeNull();
  });

  it('writes Markdown a parent can read, where a student’s text cannot make headings', () => {
    const markdown = formatStudentDataMarkdown(exportOf('# Sam', '## Not a heading\nsecond line'));
    expect(markdown).toContain('What the class discussion app holds about \\# Sam');
    expect(markdown).toContain('- Answer: \\#\\# Not a heading second line');
    expect(markdown).not.toMatch(/^## Not a heading/m);
    expect(markdown).toContain('spotlighted by the teacher');
    expect(markdown).toContain('2026-11-26 09:30 UTC');
    expect(markdown).toContain('3 entries.');
  });

  it('keeps HTML and entities in a name or an answer as text, as typed', () => {
    const markdown = formatStudentDataMarkdown(
      exportOf('<img src=x onerror=alert(1)>', 'Tom &amp; Jerry <b>bold</b>'),
    );
    expect(markdown).toContain(
      'What the class discussion app holds about \\<img src=x onerror=alert(1)\\>',
    );
    expect(markdown).toContain('- Name as typed when joining: \\<img src=x onerror=alert(1)\\>');
    expect(markdown).toContain('- Answer: Tom \\&amp; Jerry \\<b\\>bold\\</b\\>');
    expect(markdown).not.toMatch(/[^\\]<(img|b)\b/);
  });

  it('includes the teacher’s feedback on a writing task, released or not', () => {
    const held = exportOf('Sam', 'A gamble.');
    expect(held.answers.find((a) => a.itemId === 'lesson-letter')?.teacherFeedback).toEqual({
      scores: letterFeedback.scores,
      comment: 'Name the claim you answer.',
      releasedAt: null,
    });
    expect(held.answers.find((a) => a.itemId === 'thesis-question')?.teacherFeedback).toBeNull();
    expect(formatStudentDataMarkdown(held)).toContain(
      '- The teacher’s feedback (not shown to the student yet): 4 points; "Name the claim you answer."',
    );
    const released = exportOf('Sam', 'A gamble.', [{ ...letterFeedback, releasedAt: at }]);
    expect(formatStudentDataMarkdown(released)).toContain(
      'shown to the student from 2026-11-26 09:30 UTC',
    );
  });

  it('lists each speaking turn the teacher recorded, with its section and kind', () => {
    const none = exportOf('Sam', 'A gamble.');
    expect(none.speakingTurns).toEqual([]);
    expect(formatStudentDataMarkdown(none)).toContain(
      '## Speaking turns in the class discussion (0)\n\nNone recorded.',
    );
    const sectionId = lesson.sections[0]!.id;
    const data = exportOf(
      'Sam',
      'A gamble.',
      [],
      [
        { kind: 'challenges', sectionId, at },
        { kind: null, sectionId: null, at },
      ],
    );
    expect(data.speakingTurns).toEqual([
      { kind: 'challenges', sectionTitle: lesson.sections[0]!.title, at },
      { kind: null, sectionTitle: null, at },
    ]);
    const markdown = formatStudentDataMarkdown(data);
    expect(markdown).toContain(
      `- 2026-11-26 09:30 UTC during "${lesson.sections[0]!.title}": challenges`,
    );
    expect(markdown).toContain('- 2026-11-26 09:30 UTC\n');
  });

  it('lists each reply the student wrote on the class wall, with its prompt and whether it is hidden', () => {
    const none = exportOf('Sam', 'A gamble.');
    expect(none.wallReplies).toEqual([]);
    expect(formatStudentDataMarkdown(none)).toContain(
      "## Replies to classmates on the class's wall (0)\n\nNone written.",
    );
    const data = exportOf(
      'Sam',
      'A gamble.',
      [],
      [],
      [
        {
          itemId: 'thesis-question',
          kind: 'challenges',
          text: 'Why then?',
          isHidden: false,
          createdAt: at,
        },
        {
          itemId: 'thesis-question',
          kind: 'asks',
          text: '# Not a heading',
          isHidden: true,
          createdAt: at,
        },
      ],
    );
    const question = lesson.sections
      .flatMap((s) => s.items)
      .find((i) => i.id === 'thesis-question');
    expect(question?.kind).toBe('prompt');
    const questionText = question?.kind === 'prompt' ? question.question : '';
    expect(data.wallReplies).toEqual([
      {
        kind: 'challenges',
        text: 'Why then?',
        itemId: 'thesis-question',
        question: questionText,
        isHidden: false,
        at,
      },
      {
        kind: 'asks',
        text: '# Not a heading',
        itemId: 'thesis-question',
        question: questionText,
        isHidden: true,
        at,
      },
    ]);
    const markdown = formatStudentDataMarkdown(data);
    expect(markdown).toContain(
      `- 2026-11-26 09:30 UTC, on "${questionText}": challenges: "Why then?"`,
    );
    expect(markdown).toContain(': asks (hidden by the teacher): "\\# Not a heading"');
  });
});

describe('the grade for the school’s LMS in the export', () => {
  it('is left out without one, and shows the grade, how sending went and its comment', () => {
    const none = exportOf('Sam', 'A gamble.');
    expect(none.lmsGrade).toBeNull();
    expect(formatStudentDataMarkdown(none)).not.toContain('LMS');
    const data = {
      ...none,
      lmsGrade: {
        grade: 82,
        comment: 'Completion 80% (4 of 5 items answered).',
        status: 'sent' as const,
        sentAt: at,
      },
    };
    expect(formatStudentDataMarkdown(data)).toContain(
      '## Grade for the school’s LMS\n\n82 out of 100 (sent 2026-11-26 09:30 UTC): Completion 80% (4 of 5 items answered).',
    );
  });
});
