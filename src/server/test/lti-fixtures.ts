import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import { setResourceLinkSession } from '../repositories/lti-resource-links.repository';
import { registerLtiPlatform } from '../services/lti-platforms';
import { createLiveSession } from './api-client';
import {
  INSTRUCTOR_ROLE,
  LEARNER_ROLE,
  LtiBrowser,
  TestLtiPlatform,
  type LaunchResult,
  type LmsUser,
} from './lti-platform';
import type { ServerContext } from './use-test-server';

export const instructor = (sub = randomUUID()): LmsUser => ({
  sub,
  name: 'Ms Rivera',
  email: `rivera-${sub}@school.example`,
  roles: [INSTRUCTOR_ROLE],
});

export const learner = (name: string): LmsUser => ({
  sub: randomUUID(),
  name,
  roles: [LEARNER_ROLE],
});

/** The refusal page's status and the code it names for the LMS's administrator. */
export function expectRefused(result: LaunchResult, status: number, code: string, words: RegExp) {
  expect(result.status).toBe(status);
  expect(result.body).toContain(`<code>${code}</code>`);
  expect(result.body).toMatch(words);
}

/** A test platform registered with the describe block's server, and browsers to launch from it. */
export interface LtiFixture {
  readonly platform: TestLtiPlatform;
  readonly platformId: string;
  readonly browser: () => LtiBrowser;
  /** A teacher's launch of a new link, and a session of theirs that the link opens. */
  readonly linkWithSession: (mode?: 'self-paced' | 'teacher-paced') => Promise<{
    resourceLinkId: string;
    session: TeacherSessionView['session'];
    teacher: LtiBrowser;
  }>;
}

/** Starts a test platform before the block's tests (registered as an administrator would) and stops it after. */
export function useLtiPlatform(ctx: ServerContext): LtiFixture {
  let started: { platform: TestLtiPlatform; platformId: string } | undefined;
  const get = () => {
    if (!started) throw new Error('the test platform starts in beforeAll: use it in tests');
    return started;
  };
  beforeAll(async () => {
    const platform = await TestLtiPlatform.start();
    const { id } = await registerLtiPlatform(ctx.server.db, platform.registration());
    // The tool registered in the LMS: where the LMS checks what the tool signs.
    platform.services.toolJwksUrl = `${ctx.server.baseUrl}/lti/jwks.json`;
    started = { platform, platformId: id };
  });
  afterAll(async () => {
    await started?.platform.close();
  });
  const browser = () => new LtiBrowser(ctx.server.baseUrl);
  return {
    get platform() {
      return get().platform;
    },
    get platformId() {
      return get().platformId;
    },
    browser,
    linkWithSession: async (mode = 'self-paced') => {
      const { platform, platformId } = get();
      const resourceLinkId = randomUUID();
      const teacher = browser();
      const launched = await teacher.launch(platform, { user: instructor(), resourceLinkId });
      expect(launched.status).toBe(303);
      const { session } = await createLiveSession(teacher.api(), mode);
      // Deep linking, to come, will set this; until then the test sets it as it would.
      const link = { platformId, deploymentId: platform.deploymentId, resourceLinkId };
      expect(await setResourceLinkSession(ctx.server.db, link, session.id)).toBe(true);
      return { resourceLinkId, session, teacher };
    },
  };
}
