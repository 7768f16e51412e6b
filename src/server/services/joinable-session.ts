import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { ApiError } from '../lib/api-error';

/** The session a join code opens, while it is open; the refusal names the code. */
export function requireJoinable(
  session: ClassSessionRecord | null,
  code: string,
): ClassSessionRecord {
  if (!session) {
    throw new ApiError(
      404,
      'session_not_found',
      `No session has the code ${code}. Check the code with your teacher.`,
      'code',
    );
  }
  if (session.status === 'ended') {
    throw new ApiError(
      410,
      'session_ended',
      `The session with the code ${code} has ended.`,
      'code',
    );
  }
  return session;
}
