/** The student's live routes, in one place. */
export const joinPath = (code?: string) =>
  code ? `/join?code=${encodeURIComponent(code)}` : '/join';
export const liveSessionPath = (sessionId: string) => `/live/${encodeURIComponent(sessionId)}`;
