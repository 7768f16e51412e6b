import { describe, expect, it } from 'vitest';
import {
  describeDeletion,
  describeGrade,
  describeMinutes,
  describeSessions,
  describeStatus,
  formatFileSize,
} from './describe-lesson';

describe('a lesson’s facts in words', () => {
  it('says its status, version and waiting changes', () => {
    const draft = { status: 'draft', publishedVersion: null, hasUnpublishedChanges: true } as const;
    expect(describeStatus(draft)).toBe('Draft, not published');
    expect(
      describeStatus({ status: 'published', publishedVersion: 2, hasUnpublishedChanges: false }),
    ).toBe('Published, version 2');
    expect(
      describeStatus({ status: 'published', publishedVersion: 2, hasUnpublishedChanges: true }),
    ).toBe('Published, version 2, with unpublished changes');
  });

  it('says its minutes in class and alone, core and with extensions', () => {
    expect(
      describeMinutes({
        classroom: { core: 25, withExtensions: 40 },
        selfStudy: { core: 18, withExtensions: 18 },
      }),
    ).toBe('In class 25–40 min; alone 18 min');
    expect(describeMinutes(null)).toBe('Not known yet');
  });

  it('says the text’s grade level', () => {
    expect(describeGrade(9.25, 120)).toBe('Grade 9.3');
    expect(describeGrade(12, 40)).toBe('Grade 12.0');
    expect(describeGrade(-2.2, 4)).toBe('Below grade 1');
    expect(describeGrade(0, 0)).toBe('No text yet');
  });

  it('counts sessions', () => {
    expect(describeSessions(0)).toBe('Not used by a session yet');
    expect(describeSessions(1)).toBe('Used by 1 session');
    expect(describeSessions(4)).toBe('Used by 4 sessions');
  });

  it('names the sessions a deletion takes with it', () => {
    expect(describeDeletion('Webb', 0)).not.toMatch(/session/);
    expect(describeDeletion('Webb', 1)).toMatch(/the 1 session that used it/);
    expect(describeDeletion('Webb', 3)).toMatch(/the 3 sessions that used it/);
  });

  it('gives a file’s size rounded up', () => {
    expect(formatFileSize(1024 * 1024 + 1)).toBe('1.1 MB');
    expect(formatFileSize(2000)).toBe('2 KB');
    expect(formatFileSize(10)).toBe('1 KB');
  });
});
