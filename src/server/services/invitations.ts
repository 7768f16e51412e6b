import type { AcceptInvitationRequest } from '#domain/api/admin-contracts';
import type { Teacher } from '#domain/api/live-contracts';
import type { ServerConfig } from '../config';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import { refuseWeakPassword } from '../lib/password-policy';
import { hashPassword, hashToken } from '../lib/secrets';
import {
  findPendingInvitationByToken,
  type InvitationRecord,
} from '../repositories/teacher-invitations.repository';
import { createTeacher } from '../repositories/teachers.repository';
import { requireSignUpAllowed } from './sign-up-policy';

const INVALID_INVITATION =
  'This invitation link does not work: it was used already, has expired, was revoked or was not copied whole. Ask your administrator for a new invitation, or sign in if you have an account.';

async function requirePendingInvitation(db: Queryable, token: string): Promise<InvitationRecord> {
  const invitation = await findPendingInvitationByToken(db, hashToken(token));
  if (!invitation) throw new ApiError(400, 'invitation_invalid', INVALID_INVITATION, 'token');
  return invitation;
}

/** The address an invitation link is for, while it works. */
export async function checkInvitation(db: Database, token: string): Promise<string> {
  return (await requirePendingInvitation(db, token)).email;
}

/**
 * Opens the invited address's account with the name and password given (the sign-up rules):
 * the invitation is accepted from then on, its link used up.
 */
export async function acceptInvitation(
  db: Database,
  config: ServerConfig,
  request: AcceptInvitationRequest,
): Promise<Teacher> {
  const { email } = await requirePendingInvitation(db, request.token);
  await refuseWeakPassword(request.password, { email, name: request.name });
  const passwordHash = await hashPassword(request.password);
  const teacher = await db.transaction(async (tx) => {
    // Checked again inside: a second request with the same link finds the account made.
    const invitation = await findPendingInvitationByToken(tx, hashToken(request.token));
    if (!invitation) return null;
    await requireSignUpAllowed(tx, config, invitation.email);
    return createTeacher(tx, { email: invitation.email, name: request.name, passwordHash });
  });
  if (!teacher) throw new ApiError(400, 'invitation_invalid', INVALID_INVITATION, 'token');
  return teacher;
}
