import { AdminError } from './admin-error';
import type { Database } from './db/database';
import { deleteSecondFactor } from './repositories/second-factors.repository';
import { findTeacherByEmail } from './repositories/teachers.repository';

export const SIGN_IN_USAGE = `  reset-second-factor <e-mail>
                            turn off a teacher's second factor (a lost phone and recovery codes):
                            they then sign in with the password alone and may set it up again`;

/** `reset-second-factor`; null for a command that is not one of these. */
export async function runSignInCommand(
  command: string,
  args: readonly string[],
  openDb: () => Promise<Database>,
): Promise<string | null> {
  if (command !== 'reset-second-factor') return null;
  const [email, ...extra] = args;
  if (!email || extra.length > 0) {
    throw new AdminError(`reset-second-factor takes one e-mail address.\n\n${SIGN_IN_USAGE}`, 2);
  }
  const db = await openDb();
  try {
    const teacher = await findTeacherByEmail(db, email.trim());
    if (!teacher) throw new AdminError(`No teacher account has the e-mail address ${email}.`);
    const hadOne = await db.transaction((tx) => deleteSecondFactor(tx, teacher.id));
    return hadOne
      ? `The second factor of ${teacher.name} (${teacher.email}) is off, with its recovery codes. Tell them to sign in with their password and set it up again on their account page.`
      : `${teacher.name} (${teacher.email}) has no second factor: nothing to reset.`;
  } finally {
    await db.close();
  }
}
