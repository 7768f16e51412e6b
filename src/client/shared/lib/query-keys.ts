/**
 * Every query key of the live features, built from general to specific so a mutation or a live
 * event can invalidate a whole branch by its prefix (e.g. everything about one session).
 */
export const queryKeys = {
  all: ['api'] as const,
  teacher: () => [...queryKeys.all, 'teacher'] as const,
  teacherMe: () => [...queryKeys.teacher(), 'me'] as const,
  teacherSessions: () => [...queryKeys.teacher(), 'sessions'] as const,
  teacherSessionList: () => [...queryKeys.teacherSessions(), 'list'] as const,
  teacherSession: (sessionId: string) => [...queryKeys.teacherSessions(), sessionId] as const,
  student: () => [...queryKeys.all, 'student'] as const,
  studentSession: (sessionId: string) => [...queryKeys.student(), 'sessions', sessionId] as const,
  joinLookup: (code: string) => [...queryKeys.all, 'join', code] as const,
};
