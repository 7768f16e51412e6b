import type { StudentSessionView } from '#domain/api/live-contracts';

/**
 * For the tests: an open teacher-paced session of the built-in lesson (s1), as both views show
 * it; the teacher's adds its join code.
 */
export const TEST_SESSION: StudentSessionView['session'] = {
  id: 's1',
  lessonId: 'soleimani-2020',
  lessonTitle: 'Lesson',
  lessonVersion: 1,
  mode: 'teacher-paced',
  status: 'open',
  currentSectionId: 'thesis',
  createdAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  endedBy: null,
  keepOpen: false,
  idleEndsAt: null,
};
