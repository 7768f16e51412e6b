import { describe, expect, it } from 'vitest';
import { getItemQuestion } from '#domain/lesson/item-question';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { describeSection, describeSessionChanges } from './session-announcements';
import { testStudentSessionView } from './test-session-view';

const [first, second] = lesson.sections;
const [firstItem, secondItem] = first?.items ?? [];
if (!first || !second || !firstItem || !secondItem) throw new Error('the lesson changed');

const base: StudentSessionView = testStudentSessionView({
  session: { lessonId: lesson.id, currentSectionId: first.id },
});

const withItems = (
  view: StudentSessionView,
  itemStates: StudentSessionView['itemStates'],
): StudentSessionView => ({ ...view, itemStates });

const summary = (text: string) => ({
  sectionId: first.id,
  text,
  publishedAt: '2026-01-01T00:01:00.000Z',
});

describe('describeSessionChanges', () => {
  it('says nothing when a refetch brings the same view', () => {
    const view = withItems(base, [{ itemId: firstItem.id, status: 'open', isRevealed: true }]);
    expect(describeSessionChanges(lesson, view, structuredClone(view))).toEqual([]);
  });

  it('names the section with its number and title when the class moves on', () => {
    const after = { ...base, session: { ...base.session, currentSectionId: second.id } };
    expect(describeSessionChanges(lesson, base, after)).toEqual([
      `Section 2 of ${lesson.sections.length}: ${second.title}`,
    ]);
    expect(describeSection(lesson, 'no-such-section')).toBeNull();
  });

  it('names the question opened, closed, reopened or revealed', () => {
    const q1 = getItemQuestion(firstItem);
    const q2 = getItemQuestion(secondItem);
    const opened = withItems(base, [{ itemId: firstItem.id, status: 'open', isRevealed: false }]);
    expect(describeSessionChanges(lesson, base, opened)).toEqual([`Question opened: ${q1}`]);
    const closed = withItems(base, [
      { itemId: firstItem.id, status: 'closed', isRevealed: true },
      { itemId: secondItem.id, status: 'open', isRevealed: false },
    ]);
    expect(describeSessionChanges(lesson, opened, closed)).toEqual([
      `Question closed: ${q1}`,
      `Results revealed: ${q1}`,
      `Question opened: ${q2}`,
    ]);
    const reopened = withItems(base, [{ itemId: firstItem.id, status: 'open', isRevealed: true }]);
    expect(describeSessionChanges(lesson, closed, reopened)).toEqual([`Question reopened: ${q1}`]);
  });

  it('says when classmates reply to the student’s response, not to the student’s own replies', () => {
    const reply = (replyId: string, isMine: boolean) => ({
      replyId,
      kind: 'asks' as const,
      text: 'Why?',
      label: null,
      createdAt: '2026-01-01T00:02:00.000Z',
      isMine,
    });
    const response = (isMine: boolean, replies: ReturnType<typeof reply>[]) => ({
      responseId: isMine ? 'mine' : 'theirs',
      label: null,
      itemId: firstItem.id,
      text: 'A response.',
      isHidden: false,
      isSpotlighted: false,
      updatedAt: '2026-01-01T00:01:00.000Z',
      isMine,
      replies,
    });
    const before = { ...base, wall: [response(true, []), response(false, [])] };
    const one = { ...base, wall: [response(true, [reply('r1', false)]), response(false, [])] };
    expect(describeSessionChanges(lesson, before, one)).toEqual([
      'A classmate replied to your response.',
    ]);
    const two = {
      ...base,
      wall: [response(true, [reply('r1', false), reply('r2', false), reply('r3', false)])],
    };
    expect(describeSessionChanges(lesson, one, two)).toEqual(['2 new replies to your response.']);
    // The student's own reply to a classmate says nothing.
    const own = { ...base, wall: [response(true, []), response(false, [reply('r4', true)])] };
    expect(describeSessionChanges(lesson, before, own)).toEqual([]);
  });

  it('says a summary published, edited and withdrawn with its section', () => {
    const published = { ...base, summaries: [summary('One.')] };
    const edited = { ...base, summaries: [summary('Two.')] };
    expect(describeSessionChanges(lesson, base, published)).toEqual([
      `Summary published for “${first.title}”.`,
    ]);
    expect(describeSessionChanges(lesson, published, edited)).toEqual([
      `Summary updated for “${first.title}”.`,
    ]);
    expect(describeSessionChanges(lesson, edited, base)).toEqual([
      `Summary withdrawn for “${first.title}”.`,
    ]);
  });

  it('says the end once, and nothing about what an ended session still changes', () => {
    const ended = { ...base, session: { ...base.session, status: 'ended' as const } };
    expect(describeSessionChanges(lesson, base, ended)).toEqual([
      'The session has ended. Your answers were saved.',
    ]);
    expect(
      describeSessionChanges(lesson, ended, { ...ended, summaries: [summary('Late.')] }),
    ).toEqual([]);
  });
});
