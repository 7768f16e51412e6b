/**
 * Every query key of the live features, built from general to specific so a mutation or a live
 * event can invalidate a whole branch by its prefix (e.g. everything about one session).
 */
export const queryKeys = {
  all: ['api'] as const,
  teacher: () => [...queryKeys.all, 'teacher'] as const,
  teacherMe: () => [...queryKeys.teacher(), 'me'] as const,
  accountSignIn: () => [...queryKeys.teacher(), 'account-sign-in'] as const,
  secondFactor: () => [...queryKeys.teacher(), 'second-factor'] as const,
  passwordResetOptions: () => [...queryKeys.teacher(), 'password-reset'] as const,
  resetLink: (token: string) => [...queryKeys.passwordResetOptions(), token] as const,
  /** Administration (issue 25): whether the teacher is an administrator, and the accounts. */
  adminStatus: () => [...queryKeys.teacher(), 'admin-status'] as const,
  teacherAccounts: () => [...queryKeys.teacher(), 'admin-accounts'] as const,
  invitation: (token: string) => [...queryKeys.all, 'invitation', token] as const,
  /** The teacher's lesson library; each lesson's detail (draft and newest version) below it. */
  teacherLessons: () => [...queryKeys.teacher(), 'lessons'] as const,
  teacherLessonList: () => [...queryKeys.teacherLessons(), 'list'] as const,
  teacherLesson: (lessonId: string) => [...queryKeys.teacherLessons(), 'lesson', lessonId] as const,
  teacherSessions: () => [...queryKeys.teacher(), 'sessions'] as const,
  teacherSessionList: () => [...queryKeys.teacherSessions(), 'list'] as const,
  /** One session's view; its dashboard parts (wall, themes, report…) sit below it. */
  teacherSession: (sessionId: string) => [...queryKeys.teacherSessions(), sessionId] as const,
  teacherResponses: (sessionId: string) =>
    [...queryKeys.teacherSession(sessionId), 'responses'] as const,
  teacherResponseList: (sessionId: string, filter: { itemId: string; q: string }) =>
    [...queryKeys.teacherResponses(sessionId), filter] as const,
  teacherThemes: (sessionId: string, sectionId: string) =>
    [...queryKeys.teacherSession(sessionId), 'themes', sectionId] as const,
  teacherReport: (sessionId: string) => [...queryKeys.teacherSession(sessionId), 'report'] as const,
  teacherTranscript: (sessionId: string, participantId: string) =>
    [...queryKeys.teacherSession(sessionId), 'transcript', participantId] as const,
  teacherSpeakingTurns: (sessionId: string) =>
    [...queryKeys.teacherSession(sessionId), 'turns'] as const,
  teacherStatements: (sessionId: string, itemId: string) =>
    [...queryKeys.teacherSession(sessionId), 'statements', itemId] as const,
  teacherProjector: (sessionId: string) =>
    [...queryKeys.teacherSession(sessionId), 'projector'] as const,
  /** A session's forecasts page: below the session, so its live events refresh it too. */
  teacherSessionForecasts: (sessionId: string) =>
    [...queryKeys.teacherSession(sessionId), 'forecasts'] as const,
  /** The teacher's classes; each class's forecasts page below it. */
  /** An LMS's deep-linking request waiting for the teacher's pick. */
  ltiDeepLinkingRequest: (requestId: string) =>
    [...queryKeys.teacher(), 'lti-deep-link', requestId] as const,
  teacherClasses: () => [...queryKeys.teacher(), 'classes'] as const,
  teacherClassList: () => [...queryKeys.teacherClasses(), 'list'] as const,
  teacherClassForecasts: (classId: string) =>
    [...queryKeys.teacherClasses(), classId, 'forecasts'] as const,
  /** Questions past their close date and not resolved, for the teacher's home. */
  teacherDueForecasts: () => [...queryKeys.teacher(), 'forecasts-due'] as const,
  student: () => [...queryKeys.all, 'student'] as const,
  studentSession: (sessionId: string) => [...queryKeys.student(), 'sessions', sessionId] as const,
  studentStatements: (sessionId: string, itemId: string) =>
    [...queryKeys.studentSession(sessionId), 'statements', itemId] as const,
  /** A student's forecasts page, apart from the live class's view (it outlives the session). */
  studentForecasts: (sessionId: string) =>
    [...queryKeys.student(), 'forecasts', sessionId] as const,
  joinLookup: (code: string) => [...queryKeys.all, 'join', code] as const,
  /**
   * The lesson version a session pinned: it never changes, so it sits apart from the session's
   * branch, which live events invalidate.
   */
  sessionLesson: (sessionId: string) => [...queryKeys.all, 'session-lesson', sessionId] as const,
  teacherSessionLesson: (sessionId: string) =>
    [...queryKeys.all, 'session-lesson', sessionId, 'whole'] as const,
};
