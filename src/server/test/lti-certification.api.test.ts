import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StudentSessionView, Teacher } from '#domain/api/live-contracts';
import { LTI_CLAIMS } from '#domain/lti/launch-claims';
import { expectRefused, instructor, learner, useLtiPlatform } from './lti-fixtures';
import type { LaunchPlan } from './lti-platform';
import { describeWithServer } from './use-test-server';

/**
 * The tool tests of 1EdTech's LTI Advantage certification guide (LTI Core): its "known bad
 * payloads", each refused with the check that failed named, and its valid teacher and student
 * launches, with and without the personal data a platform may leave out.
 */
describeWithServer('LTI 1.3 certification launches on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);

  const allLtiClaims = Object.fromEntries(
    Object.values(LTI_CLAIMS).map((name) => [name, undefined]),
  );
  const badPayloads: [
    string,
    Omit<LaunchPlan, 'user' | 'resourceLinkId'>,
    number,
    string,
    RegExp,
  ][] = [
    ['no kid in the header', { hasNoKeyId: true }, 401, 'bad_signature', /names a key/],
    [
      'a kid the platform never published',
      { keyId: 'no-such-key' },
      401,
      'bad_signature',
      /signature/,
    ],
    [
      'a wrong LTI version',
      { claims: { [LTI_CLAIMS.version]: '1.2.0' } },
      400,
      'wrong_version',
      /1\.2\.0/,
    ],
    [
      'no LTI version',
      { claims: { [LTI_CLAIMS.version]: undefined } },
      400,
      'wrong_version',
      /null/,
    ],
    ['no LTI claims at all', { claims: allLtiClaims }, 400, 'wrong_message_type', /null/],
    ['a token issued an hour from now', { issuedInSeconds: 3600 }, 401, 'token_expired', /future/],
    ['an expired token', { expiredSecondsAgo: 600 }, 401, 'token_expired', /expired/],
    [
      'no message type',
      { claims: { [LTI_CLAIMS.messageType]: undefined } },
      400,
      'wrong_message_type',
      /null/,
    ],
    ['no roles claim', { claims: { [LTI_CLAIMS.roles]: undefined } }, 400, 'bad_claims', /roles/],
    [
      'no deployment id',
      { claims: { [LTI_CLAIMS.deploymentId]: undefined } },
      400,
      'bad_claims',
      /deployment_id/,
    ],
    [
      'no resource link id',
      { claims: { [LTI_CLAIMS.resourceLink]: { title: 'Discuss' } } },
      400,
      'bad_claims',
      /resource_link/,
    ],
    ['no user (sub)', { claims: { sub: '' } }, 400, 'bad_claims', /sub/],
  ];
  for (const [what, spoilt, status, code, words] of badPayloads) {
    it(`refuses a launch with ${what}, letting nobody in`, async () => {
      const student = lti.browser();
      const result = await student.launch(lti.platform, {
        user: learner('Ben'),
        resourceLinkId: randomUUID(),
        ...spoilt,
      });
      expectRefused(result, status, code, words);
      expect(student.cookies.get('pt')).toBeUndefined();
      expect((await student.api().get('/api/auth/me')).status).toBe(401);
    });
  }

  /** What of the user a platform sends: the certification's personal-data variants. */
  const personalData: [string, Record<string, unknown>, string, string][] = [
    ['name and e-mail', {}, 'Grace Hopper', 'Ms Rivera'],
    ['only an e-mail', { name: undefined }, 'Student', 'Teacher'],
    [
      'only given and family names',
      { name: undefined, email: undefined, given_name: 'Grace', family_name: 'Hopper' },
      'Grace Hopper',
      'Grace Hopper',
    ],
    ['no personal data', { name: undefined, email: undefined }, 'Student', 'Teacher'],
    [
      'an e-mail and no course (context)',
      { name: undefined, [LTI_CLAIMS.context]: undefined },
      'Student',
      'Teacher',
    ],
  ];

  for (const [what, claims, studentName] of personalData) {
    it(`lets a learner in with ${what}, under the name the LMS gave or a stand-in`, async () => {
      const { resourceLinkId, session } = await lti.linkWithSession('teacher-paced');
      const student = lti.browser();
      const user = { ...learner('Grace Hopper'), email: 'grace@school.example' };
      const result = await student.launch(lti.platform, { user, resourceLinkId, claims });
      expect(result).toMatchObject({ status: 303, location: `/live/${session.id}` });
      const me = await student.api().get<StudentSessionView>(`/api/sessions/${session.id}/me`);
      expect(me.status).toBe(200);
      expect(me.body.me.displayName).toBe(studentName);
    });
  }

  for (const [what, claims, , teacherName] of personalData) {
    it(`makes an instructor launching with ${what} a teacher`, async () => {
      const teacher = lti.browser();
      const result = await teacher.launch(lti.platform, {
        user: instructor(),
        resourceLinkId: randomUUID(),
        claims,
      });
      expect(result.status).toBe(303);
      const me = await teacher.api().get<{ teacher: Teacher }>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.teacher.name).toBe(teacherName);
    });
  }
});
