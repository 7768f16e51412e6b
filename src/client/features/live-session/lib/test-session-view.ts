import type { StudentSessionView } from '#domain/api/live-contracts';
import { TEST_SESSION } from '#shared/testing/test-session';

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
    session: { ...TEST_SESSION, ...session },
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
