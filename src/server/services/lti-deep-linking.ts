import { randomBytes, randomUUID } from 'node:crypto';
import type { Teacher } from '#domain/api/live-contracts';
import type {
  DeepLinkingAnswer,
  DeepLinkingRequestView,
  PlaceLessonRequest,
} from '#domain/api/lti-contracts';
import { deepLinkingResponseClaims, type DeepLinkingRequest } from '#domain/lti/deep-linking';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import {
  answerDeepLinkingRequest,
  findDeepLinkingRequest,
  insertDeepLinkingRequest,
  type LtiDeepLinkingRequestRecord,
} from '../repositories/lti-deep-linking-requests.repository';
import { insertPlacement } from '../repositories/lti-placements.repository';
import { findPlatformById } from '../repositories/lti-platforms.repository';
import {
  createTeacherForLtiUser,
  findOrCreateLtiUserForUpdate,
  findTeacherById,
} from '../repositories/lti-users.repository';
import type { LessonLibrary } from './lesson-library';
import type { LtiKeys } from './lti-keys';
import { signAsTool } from './lti-signing';

/** How long a request waits for its teacher's pick: long enough to look through the library. */
export const DEEP_LINKING_TTL_SECONDS = 60 * 60;
/** The answer is posted by the browser at once; the platform refuses it after this. */
const RESPONSE_LIFETIME_SECONDS = 5 * 60;
const NAMELESS_TEACHER = 'Teacher';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer page's form: where the browser posts the signed answer, and the answer. */
export interface DeepLinkingForm {
  readonly returnUrl: string;
  readonly jwt: string;
}

const notFound = () =>
  new ApiError(
    404,
    'deep_link_not_found',
    'There is no such request from your LMS: start again from “add an activity” in your course.',
  );

/**
 * LTI Deep Linking 2.0: the LMS asks, in its "add an activity", for something to place; the
 * teacher picks a lesson of their library and a mode; the tool answers the LMS with a signed
 * resource link naming the placement, which a launch of that link finds again.
 */
export class LtiDeepLinking {
  constructor(
    private readonly db: Database,
    private readonly keys: LtiKeys,
    private readonly lessons: LessonLibrary,
  ) {}

  /**
   * A verified request: the teacher account tied to the LMS user (made on first launch, as an
   * instructor's launch makes it), and the request kept for their pick.
   */
  async start(
    platformId: string,
    request: DeepLinkingRequest,
  ): Promise<{ teacher: Teacher; requestId: string }> {
    const requestId = randomUUID();
    const teacher = await this.db.transaction(async (tx) => {
      const user = await findOrCreateLtiUserForUpdate(tx, platformId, request.sub);
      const tied = user.teacherId ? await findTeacherById(tx, user.teacherId) : null;
      const found =
        tied ??
        (await createTeacherForLtiUser(tx, user.id, {
          name: request.name ?? NAMELESS_TEACHER,
          email: request.email,
        }));
      await insertDeepLinkingRequest(tx, {
        id: requestId,
        platformId,
        deploymentId: request.deploymentId,
        teacherId: found.id,
        returnUrl: request.returnUrl,
        data: request.data,
        expiresAt: new Date(Date.now() + DEEP_LINKING_TTL_SECONDS * 1000),
      });
      return found;
    });
    return { teacher, requestId };
  }

  /** The request, if it is this teacher's; another teacher's is not said to exist. */
  private async owned(teacherId: string, requestId: string) {
    const request = UUID.test(requestId) ? await findDeepLinkingRequest(this.db, requestId) : null;
    if (!request || request.teacherId !== teacherId) throw notFound();
    return request;
  }

  private async waiting(teacherId: string, requestId: string) {
    const request = await this.owned(teacherId, requestId);
    if (request.isUsed) {
      throw new ApiError(
        409,
        'deep_link_used',
        'This request from your LMS was answered already: add another activity from your course to place another lesson.',
      );
    }
    if (request.expiresAt.getTime() <= Date.now()) {
      throw new ApiError(
        410,
        'deep_link_expired',
        `This request from your LMS is more than ${DEEP_LINKING_TTL_SECONDS / 60} minutes old: start again from “add an activity” in your course.`,
      );
    }
    const platform = await findPlatformById(this.db, request.platformId);
    if (!platform) throw notFound();
    return { request, platform };
  }

  async describe(teacherId: string, requestId: string): Promise<DeepLinkingRequestView> {
    const { request, platform } = await this.waiting(teacherId, requestId);
    return {
      requestId: request.id,
      platform: platform.issuer,
      expiresAt: request.expiresAt.toISOString(),
    };
  }

  /**
   * Places a published lesson in the course: the placement is kept, and the answer signed for
   * the LMS; the request is spent. `launchUrl` is where the LMS's new link will launch.
   */
  async place(
    teacherId: string,
    requestId: string,
    pick: PlaceLessonRequest,
    launchUrl: string,
  ): Promise<DeepLinkingAnswer> {
    const { request, platform } = await this.waiting(teacherId, requestId);
    // Refused here, not at the first launch: a draft or an archived lesson cannot start a session.
    const pinned = await this.lessons.forNewSession(teacherId, pick.lessonId);
    const placement = {
      id: randomUUID(),
      platformId: platform.id,
      teacherId,
      lessonId: pinned.lessonId,
      mode: pick.mode,
      title: pinned.lesson.metadata.title,
    };
    const jwt = await this.sign(request, platform, {
      placementId: placement.id,
      title: placement.title,
      mode: placement.mode,
      launchUrl,
    });
    await this.db.transaction(async (tx) => {
      if (!(await answerDeepLinkingRequest(tx, request.id, jwt))) throw this.spentMeanwhile();
      await insertPlacement(tx, placement);
    });
    return { sendUrl: sendPath(request.id) };
  }

  /** Answers the LMS with no content item: the teacher placed nothing. */
  async cancel(teacherId: string, requestId: string): Promise<DeepLinkingAnswer> {
    const { request, platform } = await this.waiting(teacherId, requestId);
    const jwt = await this.sign(request, platform, null);
    if (!(await answerDeepLinkingRequest(this.db, request.id, jwt))) throw this.spentMeanwhile();
    return { sendUrl: sendPath(request.id) };
  }

  /** The signed answer to post to the LMS, to the teacher who made it, within the hour. */
  async answerForm(teacherId: string, requestId: string): Promise<DeepLinkingForm> {
    const request = await this.owned(teacherId, requestId);
    if (!request.responseJwt || request.expiresAt.getTime() <= Date.now()) throw notFound();
    return { returnUrl: request.returnUrl, jwt: request.responseJwt };
  }

  private spentMeanwhile() {
    return new ApiError(
      409,
      'deep_link_used',
      'This request from your LMS was answered meanwhile, in another tab or window.',
    );
  }

  private sign(
    request: LtiDeepLinkingRequestRecord,
    platform: { clientId: string; issuer: string },
    placed: Parameters<typeof deepLinkingResponseClaims>[0]['placed'],
  ): Promise<string> {
    const claims = deepLinkingResponseClaims({
      clientId: platform.clientId,
      issuer: platform.issuer,
      deploymentId: request.deploymentId,
      nonce: randomBytes(24).toString('base64url'),
      data: request.data,
      placed,
    });
    return signAsTool(this.db, this.keys, claims, RESPONSE_LIFETIME_SECONDS);
  }
}

/** The page that posts the answer to the LMS (routes/lti-deep-linking.routes.ts). */
const sendPath = (requestId: string) => `/lti/deep-links/${requestId}/send`;
