import type { StudentSessionView } from '#domain/api/live-contracts';

type SessionViewChanges = Partial<Omit<StudentSessionView, 'session'>> & {
  readonly session?: Partial<StudentSessionView['session']>;
};

/**
 * For the tests: what student Ada sees of an open teacher-paced session of the built-in lesson
 * (s1) before anything is answered, with the `changes` given.
 */
export function testStudentSessionView(changes: SessionViewChanges = {}): StudentSessionView {
  const { session, ...rest } = changes;
  return {
    session: {
      id: 's1',
      lessonId: 'soleimani-2020',
      lessonTitle: 'Lesson',
      lessonVersion: 1,
      mode: 'teacher-paced',
      status: 'open',
      currentSectionId: 'thesis',
      createdAt: '2026-01-01T00:00:00.000Z',
      endedAt: null,
      ...session,
    },
    me: { id: 'ada', displayName: 'Ada', label: 'Ada', rejoinCode: 'K7M2QX' },
    itemStates: [],
    summaries: [],
    myAnswers: [],
    results: [],
    wall: [],
    wallIdentity: { mode: 'anonymous', myPseudonym: null },
    forecastScores: [],
    writingFeedback: [],
    answerKeys: [],
    ...rest,
  };
}
