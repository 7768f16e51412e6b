/** The teacher's routes, in one place. */
export const teachPath = () => '/teach';
export const teacherSessionPath = (sessionId: string) =>
  `/teach/sessions/${encodeURIComponent(sessionId)}`;
