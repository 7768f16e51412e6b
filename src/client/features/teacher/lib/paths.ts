/** The teacher's routes, in one place. */
export const teachPath = () => '/teach';
export const teacherSessionPath = (sessionId: string) =>
  `/teach/sessions/${encodeURIComponent(sessionId)}`;
export const teacherReportPath = (sessionId: string) => `${teacherSessionPath(sessionId)}/report`;
export const teacherProjectorPath = (sessionId: string) =>
  `${teacherSessionPath(sessionId)}/projector`;
export const forgotPasswordPath = () => '/teach/forgot-password';
export const resetPasswordPath = () => '/teach/reset-password';
