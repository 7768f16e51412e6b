import { describe, expect, it } from 'vitest';
import {
  checkAuthorizedParty,
  LTI_CLAIMS,
  readResourceLinkLaunch,
  roleOf,
  type ResourceLinkLaunch,
} from './launch-claims';
import type { LtiRefusal } from './refusals';

const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

const launchPayload = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'user-1',
  name: 'Ada Lovelace',
  email: 'ada@school.example',
  [LTI_CLAIMS.messageType]: 'LtiResourceLinkRequest',
  [LTI_CLAIMS.version]: '1.3.0',
  [LTI_CLAIMS.deploymentId]: 'deployment-1',
  [LTI_CLAIMS.resourceLink]: { id: 'link-1', title: 'Week 3 discussion' },
  [LTI_CLAIMS.roles]: [LEARNER],
  [LTI_CLAIMS.context]: { id: 'course-1' },
  ...changes,
});

const refused = (value: ResourceLinkLaunch | LtiRefusal) =>
  'refused' in value ? value.refused : null;

describe('readResourceLinkLaunch', () => {
  it('reads who launched which link in which course', () => {
    expect(readResourceLinkLaunch(launchPayload())).toEqual({
      sub: 'user-1',
      role: 'learner',
      name: 'Ada Lovelace',
      email: 'ada@school.example',
      deploymentId: 'deployment-1',
      resourceLinkId: 'link-1',
      resourceLinkTitle: 'Week 3 discussion',
      contextId: 'course-1',
    });
  });

  it('names the user from the given and family names when there is no name', () => {
    const launch = readResourceLinkLaunch(
      launchPayload({ name: undefined, given_name: 'Grace', family_name: 'Hopper' }),
    );
    expect(launch).toMatchObject({ name: 'Grace Hopper' });
  });

  it('leaves out a name with control characters, and cuts a long one', () => {
    expect(readResourceLinkLaunch(launchPayload({ name: 'Ada\u0000' }))).toMatchObject({
      name: null,
    });
    expect(readResourceLinkLaunch(launchPayload({ name: 'A'.repeat(80) }))).toMatchObject({
      name: 'A'.repeat(40),
    });
  });

  it('refuses another message type or version, naming what it got', () => {
    const deepLinking = readResourceLinkLaunch(
      launchPayload({ [LTI_CLAIMS.messageType]: 'LtiDeepLinkingRequest' }),
    );
    expect(deepLinking).toMatchObject({ refused: 'wrong_message_type', status: 400 });
    expect((deepLinking as LtiRefusal).message).toContain('LtiDeepLinkingRequest');
    expect(refused(readResourceLinkLaunch(launchPayload({ [LTI_CLAIMS.version]: '1.1' })))).toBe(
      'wrong_version',
    );
  });

  it('refuses a launch without a resource link, naming the claim', () => {
    const launch = readResourceLinkLaunch(launchPayload({ [LTI_CLAIMS.resourceLink]: undefined }));
    expect(launch).toMatchObject({ refused: 'bad_claims' });
    expect((launch as LtiRefusal).message).toContain(LTI_CLAIMS.resourceLink);
  });

  it('refuses a user who neither teaches nor learns in the course', () => {
    const launch = readResourceLinkLaunch(
      launchPayload({
        [LTI_CLAIMS.roles]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'],
      }),
    );
    expect(launch).toMatchObject({ refused: 'unsupported_role', status: 403 });
  });
});

describe('roleOf', () => {
  it('takes an instructor who is also enrolled as a learner for an instructor', () => {
    expect(roleOf([LEARNER, INSTRUCTOR])).toBe('instructor');
  });

  it('reads a teaching assistant as an instructor and a learner sub-role as a learner', () => {
    expect(
      roleOf(['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant']),
    ).toBe('instructor');
    expect(
      roleOf(['http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#NonCreditLearner']),
    ).toBe('learner');
  });

  it('falls back on institution roles only when there is no course role', () => {
    expect(roleOf(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student'])).toBe(
      'learner',
    );
    expect(
      roleOf(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty', LEARNER]),
    ).toBe('learner');
    expect(roleOf([])).toBeNull();
  });
});

describe('checkAuthorizedParty', () => {
  it('lets a single audience without azp through', () => {
    expect(checkAuthorizedParty({ aud: 'tool' }, 'tool')).toBeNull();
    expect(checkAuthorizedParty({ aud: ['tool'] }, 'tool')).toBeNull();
  });

  it('wants azp to name the client when the token has several audiences', () => {
    expect(checkAuthorizedParty({ aud: ['tool', 'other'] }, 'tool')).toMatchObject({
      refused: 'wrong_audience',
    });
    expect(checkAuthorizedParty({ aud: ['tool', 'other'], azp: 'tool' }, 'tool')).toBeNull();
    expect(checkAuthorizedParty({ aud: 'tool', azp: 'other' }, 'tool')).toMatchObject({
      refused: 'wrong_audience',
    });
  });
});
