import type { FastifyBaseLogger } from 'fastify';
import type { Invitation, TeacherAccount, TeacherAccounts } from '#domain/api/admin-contracts';
import type { Teacher } from '#domain/api/live-contracts';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { Mail, Mailer } from '../lib/mailer';
import { hashToken, newToken } from '../lib/secrets';
import {
  findTeacherAccount,
  findTeacherStanding,
  listTeacherAccounts,
  setTeacherAdmin,
  setTeacherDisabled,
  transferTeacherWork,
  type TeacherAccountRecord,
  type TransferCounts,
} from '../repositories/teacher-admin.repository';
import {
  deleteInvitation,
  listPendingInvitations,
  upsertInvitation,
  type InvitationRecord,
} from '../repositories/teacher-invitations.repository';
import {
  deleteAuthSessionsOfTeacher,
  findTeacherByEmail,
} from '../repositories/teachers.repository';

/** How long an invitation's link works. */
export const INVITATION_DAYS = 14;
export const ACCEPT_INVITATION_PAGE_PATH = '/teach/accept-invitation';

const toAccountView = (
  record: TeacherAccountRecord,
  actor: Teacher | null = null,
): TeacherAccount => ({
  id: record.id,
  name: record.name,
  email: record.email,
  isAdmin: record.isAdmin,
  isYou: record.id === actor?.id,
  disabledAt: record.disabledAt?.toISOString() ?? null,
  createdAt: record.createdAt.toISOString(),
  lessonCount: record.lessonCount,
  sessionCount: record.sessionCount,
});

const toInvitationView = (record: InvitationRecord): Invitation => ({
  id: record.id,
  email: record.email,
  invitedBy: record.invitedByName,
  createdAt: record.createdAt.toISOString(),
  expiresAt: record.expiresAt.toISOString(),
});

/** A new invitation: its one-time link is shown (and maybe mailed) once. */
export interface MadeInvitation {
  readonly invitation: Invitation;
  readonly url: string;
  readonly isSentByEmail: boolean;
}

function invitationMail(email: string, url: string, expiresAt: Date, by: string | null): Mail {
  const until = expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: email,
    subject: 'You are invited to a teacher account on Article Discussion',
    text: [
      'Hello,',
      '',
      `${by ?? 'An administrator'} invited ${email} to open a teacher account on Article Discussion. Open this link to choose your name and password:`,
      '',
      url,
      '',
      `The link works until ${until} UTC.`,
      '',
      'If you did not expect this, ignore this e-mail: no account is made.',
    ].join('\n'),
  };
}

/**
 * What an administrator does to teacher accounts (the admin pages and `npm run admin`): invite,
 * disable, re-enable, make administrator and move a teacher's work. `actor` is the administrator
 * acting, or null for the admin command (the person who runs the server).
 */
export class TeacherAdmin {
  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer | null,
  ) {}

  async isAdmin(teacherId: string): Promise<boolean> {
    return (await findTeacherStanding(this.db, teacherId))?.isAdmin ?? false;
  }

  async list(actor: Teacher | null): Promise<TeacherAccounts> {
    const [teachers, invitations] = await Promise.all([
      listTeacherAccounts(this.db),
      listPendingInvitations(this.db),
    ]);
    return {
      teachers: teachers.map((teacher) => toAccountView(teacher, actor)),
      invitations: invitations.map(toInvitationView),
    };
  }

  /** The account with this id or e-mail; 404 teacher_not_found. */
  async find(where: { readonly id: string } | { readonly email: string }) {
    const found = await findTeacherAccount(this.db, where);
    if (!found) {
      const named = 'email' in where ? ` with the e-mail address ${where.email}` : '';
      throw new ApiError(404, 'teacher_not_found', `There is no teacher account${named}.`);
    }
    return found;
  }

  async invite(
    actor: Teacher | null,
    email: string,
    baseUrl: string,
    log?: FastifyBaseLogger,
  ): Promise<MadeInvitation> {
    if (await findTeacherByEmail(this.db, email)) {
      throw new ApiError(
        409,
        'account_unavailable',
        `${email} already has a teacher account: there is nobody to invite.`,
        'email',
      );
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3_600_000);
    const record = await this.db.transaction((tx) =>
      upsertInvitation(tx, {
        email,
        invitedBy: actor?.id ?? null,
        tokenHash: hashToken(token),
        expiresAt,
      }),
    );
    const url = `${baseUrl}${ACCEPT_INVITATION_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    if (this.mailer) {
      this.mailer
        .send(invitationMail(email, url, expiresAt, actor?.name ?? null))
        .catch((error: unknown) => {
          log?.error({ err: error }, 'could not send an invitation e-mail');
        });
    }
    return { invitation: toInvitationView(record), url, isSentByEmail: this.mailer !== null };
  }

  async revoke(invitationId: string): Promise<void> {
    if (!(await deleteInvitation(this.db, invitationId))) {
      throw new ApiError(
        404,
        'invitation_not_found',
        'There is no such invitation: it was revoked already, or accepted.',
      );
    }
  }

  /** Disables the account: every sign-in of it ends now, and it cannot sign in again. */
  async disable(actor: Teacher | null, teacherId: string): Promise<TeacherAccount> {
    const target = await this.find({ id: teacherId });
    if (actor?.id === target.id) {
      throw new ApiError(400, 'admin_refused', 'You cannot disable your own account.');
    }
    if (actor && target.isAdmin) {
      throw new ApiError(
        400,
        'admin_refused',
        `${target.name} is an administrator: remove their administrator role first.`,
      );
    }
    await this.db.transaction(async (tx) => {
      await setTeacherDisabled(tx, target.id, true);
      await deleteAuthSessionsOfTeacher(tx, target.id);
    });
    return toAccountView(await this.find({ id: target.id }), actor);
  }

  async enable(teacherId: string): Promise<TeacherAccount> {
    const target = await this.find({ id: teacherId });
    await setTeacherDisabled(this.db, target.id, false);
    return toAccountView(await this.find({ id: target.id }));
  }

  async setAdmin(actor: Teacher | null, teacherId: string, isAdmin: boolean) {
    const target = await this.find({ id: teacherId });
    if (actor?.id === target.id) {
      throw new ApiError(
        400,
        'admin_refused',
        'You cannot change your own administrator role: ask another administrator.',
      );
    }
    if (isAdmin && target.disabledAt !== null) {
      throw new ApiError(
        400,
        'admin_refused',
        `${target.name}'s account is disabled: re-enable it first.`,
      );
    }
    await setTeacherAdmin(this.db, target.id, isAdmin);
    return toAccountView(await this.find({ id: target.id }), actor);
  }

  /** Moves everything the teacher owns to another teacher, in one transaction. */
  async transfer(fromId: string, toId: string): Promise<TransferCounts> {
    const from = await this.find({ id: fromId });
    const to = await this.find({ id: toId });
    if (from.id === to.id) {
      throw new ApiError(
        400,
        'admin_refused',
        'Choose another teacher to receive the work: it is already this account’s.',
        'toTeacherId',
      );
    }
    return this.db.transaction((tx) => transferTeacherWork(tx, from.id, to.id));
  }
}
