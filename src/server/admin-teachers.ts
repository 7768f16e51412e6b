import { AdminError } from './admin-error';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { ApiError } from './lib/api-error';
import { configuredBaseUrl } from './services/password-reset';
import { TeacherAdmin } from './services/teacher-admin';

/** The teacher-account commands of `npm run admin` (issue 25: who may be a teacher). */
export const TEACHERS_USAGE = `  teachers                  list the teacher accounts and pending invitations
  invite <e-mail>           print a link (valid 14 days) that lets this address open a teacher account
  make-admin <e-mail>       make this teacher an administrator (the admin pages at /teach/admin)
  remove-admin <e-mail>     take the administrator role away
  disable <e-mail>          disable the account: its sign-ins end at once, it cannot sign in again
  enable <e-mail>           re-enable a disabled account
  transfer <from-e-mail> <to-e-mail>
                            move a teacher's lessons, sessions and classes to another teacher`;

const ARITY: Readonly<Record<string, number>> = {
  teachers: 0,
  invite: 1,
  'make-admin': 1,
  'remove-admin': 1,
  disable: 1,
  enable: 1,
  transfer: 2,
};

/** Whether `command` is one of these (so other commands load no configuration for them). */
export const isTeachersCommand = (command: string) => Object.hasOwn(ARITY, command);

const day = (iso: string | null) => (iso === null ? '' : iso.slice(0, 10));

async function listTeachers(admin: TeacherAdmin): Promise<string> {
  const { teachers, invitations } = await admin.list(null);
  const lines = teachers.map((t) =>
    [
      `${t.name} <${t.email}>`,
      t.isAdmin ? ' administrator' : '',
      t.disabledAt ? ` DISABLED since ${day(t.disabledAt)}` : '',
      `, since ${day(t.createdAt)}, ${t.lessonCount} lessons, ${t.sessionCount} sessions`,
    ].join(''),
  );
  const invited = invitations.map(
    (i) => `${i.email} invited ${day(i.createdAt)}, until ${day(i.expiresAt)}`,
  );
  return [
    teachers.length === 0 ? 'No teacher accounts yet.' : `Teachers (${teachers.length}):`,
    ...lines.map((line) => `  ${line}`),
    ...(invited.length > 0 ? ['', 'Pending invitations:', ...invited.map((l) => `  ${l}`)] : []),
  ].join('\n');
}

async function run(
  command: string,
  args: readonly string[],
  config: ServerConfig,
  admin: TeacherAdmin,
): Promise<string> {
  const [email = '', other = ''] = args;
  switch (command) {
    case 'teachers':
      return listTeachers(admin);
    case 'invite': {
      const { url, invitation } = await admin.invite(null, email, configuredBaseUrl(config));
      return [
        `An invitation for ${invitation.email} to open a teacher account, valid until ${invitation.expiresAt.slice(0, 16).replace('T', ' ')} UTC:`,
        '',
        `  ${url}`,
        '',
        'Give it to them privately: whoever opens it chooses the name and password of the account.',
      ].join('\n');
    }
    case 'make-admin':
    case 'remove-admin': {
      const teacher = await admin.find({ email });
      await admin.setAdmin(null, teacher.id, command === 'make-admin');
      return command === 'make-admin'
        ? `${teacher.name} (${teacher.email}) is an administrator: the Administration page is at ${configuredBaseUrl(config)}/teach/admin.`
        : `${teacher.name} (${teacher.email}) is no longer an administrator.`;
    }
    case 'disable': {
      const teacher = await admin.disable(null, (await admin.find({ email })).id);
      return `${teacher.name} (${teacher.email}) is disabled: signed out everywhere, and cannot sign in until enabled again.`;
    }
    case 'enable': {
      const teacher = await admin.enable((await admin.find({ email })).id);
      return `${teacher.name} (${teacher.email}) may sign in again.`;
    }
    default: {
      const from = await admin.find({ email });
      const to = await admin.find({ email: other });
      const moved = await admin.transfer(from.id, to.id);
      return `Moved from ${from.email} to ${to.email}: ${moved.lessons} lessons, ${moved.sessions} sessions, ${moved.classes} classes, ${moved.ltiPlacements} LMS placements.`;
    }
  }
}

/**
 * The teacher-account commands; null when `command` is not one of them. Returns what to print;
 * a refusal (no such teacher, an account already there) is an AdminError in one sentence.
 */
export async function runTeachersCommand(
  command: string,
  args: readonly string[],
  config: ServerConfig,
  openDb: () => Promise<Database>,
): Promise<string | null> {
  const arity = ARITY[command];
  if (arity === undefined) return null;
  const given = args.map((arg) => arg.trim());
  if (given.length !== arity || given.some((arg) => arg === '' || arg.length > 254)) {
    throw new AdminError(
      `${command} takes ${arity === 0 ? 'no arguments' : arity === 1 ? 'one e-mail address' : 'two e-mail addresses'}.\n\n${TEACHERS_USAGE}`,
      2,
    );
  }
  if (command === 'invite' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(given[0] ?? '')) {
    throw new AdminError(`"${given[0] ?? ''}" is not an e-mail address.`, 2);
  }
  const db = await openDb();
  try {
    return await run(command, given, config, new TeacherAdmin(db, null));
  } catch (error) {
    if (error instanceof ApiError) throw new AdminError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}
