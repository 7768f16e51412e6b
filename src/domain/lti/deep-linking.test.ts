import { describe, expect, it } from 'vitest';
import {
  CUSTOM_CLAIM,
  DEEP_LINKING_CLAIMS,
  deepLinkingResponseClaims,
  readDeepLinkingRequest,
  readPlacementId,
  type DeepLinkingRequest,
} from './deep-linking';
import { LTI_CLAIMS } from './launch-claims';
import type { LtiRefusal } from './refusals';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

const settings = (changes: Record<string, unknown> = {}) => ({
  deep_link_return_url: 'https://lms.example/deep-link-return?course=1',
  accept_types: ['link', 'ltiResourceLink'],
  accept_multiple: false,
  data: 'opaque-42',
  ...changes,
});

const requestPayload = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'teacher-1',
  name: 'Ms Rivera',
  email: 'rivera@school.example',
  [LTI_CLAIMS.messageType]: 'LtiDeepLinkingRequest',
  [LTI_CLAIMS.version]: '1.3.0',
  [LTI_CLAIMS.deploymentId]: 'deployment-1',
  [LTI_CLAIMS.roles]: [`${MEMBERSHIP}#Instructor`],
  [DEEP_LINKING_CLAIMS.settings]: settings(),
  ...changes,
});

const refused = (value: DeepLinkingRequest | LtiRefusal) =>
  'refused' in value ? value.refused : null;

describe('readDeepLinkingRequest', () => {
  it('reads who asks, where the answer goes and the data to echo', () => {
    expect(readDeepLinkingRequest(requestPayload())).toEqual({
      sub: 'teacher-1',
      name: 'Ms Rivera',
      email: 'rivera@school.example',
      deploymentId: 'deployment-1',
      returnUrl: 'https://lms.example/deep-link-return?course=1',
      data: 'opaque-42',
    });
  });

  it('lets course designers and administrators add lessons, not learners', () => {
    for (const role of ['ContentDeveloper', 'Administrator']) {
      const payload = requestPayload({ [LTI_CLAIMS.roles]: [`${MEMBERSHIP}#${role}`] });
      expect(refused(readDeepLinkingRequest(payload))).toBeNull();
    }
    const learner = requestPayload({ [LTI_CLAIMS.roles]: [`${MEMBERSHIP}#Learner`] });
    expect(readDeepLinkingRequest(learner)).toMatchObject({
      refused: 'deep_linking_not_allowed',
      status: 403,
      message: expect.stringMatching(/Only a teacher/) as unknown,
    });
  });

  it('keeps no data when the platform sends none', () => {
    const payload = requestPayload({
      [DEEP_LINKING_CLAIMS.settings]: settings({ data: undefined }),
    });
    expect(readDeepLinkingRequest(payload)).toMatchObject({ data: null });
  });

  it('refuses a platform that accepts no resource link', () => {
    const payload = requestPayload({
      [DEEP_LINKING_CLAIMS.settings]: settings({ accept_types: ['file', 'html'] }),
    });
    expect(readDeepLinkingRequest(payload)).toMatchObject({
      refused: 'unsupported_content_type',
      message: expect.stringMatching(/accepts file, html here/) as unknown,
    });
  });

  it('refuses a missing, non-http, NUL-bearing or huge return URL or data', () => {
    const cases: Record<string, unknown>[] = [
      { deep_link_return_url: undefined },
      { deep_link_return_url: 'javascript:alert(1)' },
      { deep_link_return_url: 'https://lms.example/\0' },
      { deep_link_return_url: `https://lms.example/${'a'.repeat(3000)}` },
      { data: 'a\0b' },
      { data: 'x'.repeat(5000) },
    ];
    for (const change of cases) {
      const payload = requestPayload({ [DEEP_LINKING_CLAIMS.settings]: settings(change) });
      const result = readDeepLinkingRequest(payload);
      expect(result).toMatchObject({ refused: 'bad_claims' });
      expect((result as LtiRefusal).message).toMatch(/deep_linking_settings/);
    }
  });

  it('refuses a resource-link launch and another version', () => {
    const launch = requestPayload({ [LTI_CLAIMS.messageType]: 'LtiResourceLinkRequest' });
    expect(refused(readDeepLinkingRequest(launch))).toBe('wrong_message_type');
    const old = requestPayload({ [LTI_CLAIMS.version]: '1.1' });
    expect(refused(readDeepLinkingRequest(old))).toBe('wrong_version');
  });

  it('drops a name with control characters', () => {
    const payload = requestPayload({ name: 'Ms\u0007 Rivera' });
    expect(readDeepLinkingRequest(payload)).toMatchObject({ name: null });
  });
});

describe('readPlacementId', () => {
  const id = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

  it('reads the placement of the custom claim, or none', () => {
    expect(readPlacementId({ [CUSTOM_CLAIM]: { placement: id } })).toBe(id);
    expect(readPlacementId({})).toBeNull();
    expect(readPlacementId({ [CUSTOM_CLAIM]: { other: 'x' } })).toBeNull();
  });

  it('refuses a placement that is not an id this tool makes', () => {
    expect(readPlacementId({ [CUSTOM_CLAIM]: { placement: 'x\0' } })).toMatchObject({
      refused: 'unknown_placement',
    });
  });
});

describe('deepLinkingResponseClaims', () => {
  const base = {
    clientId: 'tool-client',
    issuer: 'https://lms.example',
    deploymentId: 'deployment-1',
    nonce: 'n-1',
  };

  it('answers the platform with one resource link, its custom placement and a grade column', () => {
    const claims = deepLinkingResponseClaims({
      ...base,
      data: 'opaque-42',
      placed: {
        placementId: 'p-1',
        title: 'Discuss the article',
        mode: 'self-paced',
        launchUrl: 'https://tool.example/lti/launch',
      },
    });
    expect(claims).toEqual({
      iss: 'tool-client',
      aud: 'https://lms.example',
      nonce: 'n-1',
      [LTI_CLAIMS.deploymentId]: 'deployment-1',
      [LTI_CLAIMS.messageType]: 'LtiDeepLinkingResponse',
      [LTI_CLAIMS.version]: '1.3.0',
      [DEEP_LINKING_CLAIMS.data]: 'opaque-42',
      [DEEP_LINKING_CLAIMS.contentItems]: [
        {
          type: 'ltiResourceLink',
          title: 'Discuss the article',
          text: 'A self-paced lesson: students work through it on their own.',
          url: 'https://tool.example/lti/launch',
          custom: { placement: 'p-1' },
          lineItem: { scoreMaximum: 100, label: 'Discuss the article', resourceId: 'p-1' },
        },
      ],
    });
  });

  it('answers a cancel with no content item and no data it was not sent', () => {
    const claims = deepLinkingResponseClaims({ ...base, data: null, placed: null });
    expect(claims[DEEP_LINKING_CLAIMS.contentItems]).toEqual([]);
    expect(DEEP_LINKING_CLAIMS.data in claims).toBe(false);
  });
});
