import type { Teacher } from '#domain/api/live-contracts';
import type { ResourceLinkLaunch } from '#domain/lti/launch-claims';
import { refusal } from '#domain/lti/refusals';
import { nameSkeleton } from '#domain/live/display-names';
import type { Database } from '../db/database';
import { newRejoinCode } from '../lib/join-code';
import { hashToken, newToken } from '../lib/secrets';
import type { LiveHub } from '../live/live-hub';
import { findClassSession } from '../repositories/class-sessions.repository';
import { addParticipant, toParticipant } from '../repositories/participants.repository';
import {
  moveLtiParticipantToDevice,
  tieParticipantToLtiUser,
} from '../repositories/lti-participants.repository';
import { upsertResourceLink } from '../repositories/lti-resource-links.repository';
import {
  createTeacherForLtiUser,
  findOrCreateLtiUserForUpdate,
  findTeacherById,
} from '../repositories/lti-users.repository';
import { LtiRefusalError } from './lti-refusal-error';

/** Where a verified launch takes its user. */
export type LtiArrival =
  | { readonly kind: 'teacher'; readonly teacher: Teacher }
  /** An instructor's launch of a placed link they own: to its session's teacher page. */
  | { readonly kind: 'teacher-session'; readonly teacher: Teacher; readonly sessionId: string }
  /** A deep-linking request: the teacher picks a lesson for the LMS. */
  | { readonly kind: 'deep-linking'; readonly teacher: Teacher; readonly requestId: string }
  | { readonly kind: 'student'; readonly sessionId: string; readonly token: string }
  | { readonly kind: 'not-set-up'; readonly title: string | null };

/** Where a teacher's launch lands: the picker, the placed link's session, or /teach. */
export function teacherLandingPath(arrival: Extract<LtiArrival, { teacher: unknown }>): string {
  switch (arrival.kind) {
    case 'deep-linking':
      // The picker (the client's teacher area reads the parameter).
      return `/teach?lti-request=${arrival.requestId}`;
    case 'teacher-session':
      return `/teach/sessions/${arrival.sessionId}`;
    case 'teacher':
      return '/teach';
  }
}

/** The name a student is shown under when the LMS sends none. */
const NAMELESS_STUDENT = 'Student';
const NAMELESS_TEACHER = 'Teacher';

/**
 * An instructor's launch: the teacher account tied to their LMS user, made on their first
 * launch. The resource link is recorded for the teacher to set up.
 */
export async function arriveAsTeacher(
  db: Database,
  platformId: string,
  launch: ResourceLinkLaunch,
): Promise<LtiArrival> {
  const teacher = await db.transaction(async (tx) => {
    await upsertResourceLink(tx, linkOf(platformId, launch));
    const user = await findOrCreateLtiUserForUpdate(tx, platformId, launch.sub);
    const tied = user.teacherId ? await findTeacherById(tx, user.teacherId) : null;
    return (
      tied ??
      createTeacherForLtiUser(tx, user.id, {
        name: launch.name ?? NAMELESS_TEACHER,
        email: launch.email,
      })
    );
  });
  return { kind: 'teacher', teacher };
}

const linkOf = (platformId: string, launch: ResourceLinkLaunch) => ({
  platformId,
  deploymentId: launch.deploymentId,
  resourceLinkId: launch.resourceLinkId,
  contextId: launch.contextId,
  title: launch.resourceLinkTitle,
});

/**
 * A learner's launch: into the session of the link as the participant tied to their LMS user,
 * joined on the first launch under the LMS's name, and moved to this device on a later one (as
 * a rejoin does: the device before is signed out of the session).
 */
export async function arriveAsStudent(
  db: Database,
  hub: LiveHub,
  platformId: string,
  launch: ResourceLinkLaunch,
): Promise<LtiArrival> {
  const token = newToken();
  const outcome = await db.transaction(async (tx) => {
    const link = await upsertResourceLink(tx, linkOf(platformId, launch));
    const user = await findOrCreateLtiUserForUpdate(tx, platformId, launch.sub);
    const session = link.sessionId
      ? await findClassSession(tx, link.sessionId, { forUpdate: true })
      : null;
    if (!session) return { kind: 'not-set-up', title: link.title } as const;
    const tokenHash = hashToken(token);
    const moved = await moveLtiParticipantToDevice(tx, {
      sessionId: session.id,
      ltiUserId: user.id,
      tokenHash,
    });
    if (moved?.isRemoved) {
      throw new LtiRefusalError(
        refusal('participant_removed', 'Your teacher removed you from this session.'),
      );
    }
    if (moved) return { kind: 'moved', participant: moved } as const;
    if (session.status === 'ended') {
      throw new LtiRefusalError(
        refusal('session_ended', 'The session of this activity has ended, before you joined it.'),
      );
    }
    const displayName = launch.name ?? NAMELESS_STUDENT;
    const participant = await addParticipant(tx, {
      sessionId: session.id,
      displayName,
      nameKey: nameSkeleton(displayName),
      tokenHash,
      sectionId: session.currentSectionId,
      newRejoinCode,
    });
    await tieParticipantToLtiUser(tx, participant.id, user.id);
    return { kind: 'joined', participant } as const;
  });
  if (outcome.kind === 'not-set-up') return outcome;
  const { participant } = outcome;
  if (outcome.kind === 'moved') {
    await hub.endStudentStreams(participant.sessionId, participant.id);
  }
  await hub.publish(
    participant.sessionId,
    { to: 'teacher' },
    {
      type: outcome.kind === 'moved' ? 'participant.rejoined' : 'participant.joined',
      participant: toParticipant(participant),
    },
  );
  return { kind: 'student', sessionId: participant.sessionId, token };
}
