import { expect, it } from 'vitest';
import type { LtiRosterView } from '#domain/api/lti-contracts';
import { LTI_SCOPES } from '#domain/lti/service-token';
import { expectRefusal, signUpTeacher } from './api-client';
import { learner, useLtiPlatform } from './lti-fixtures';
import { INSTRUCTOR_ROLE, LEARNER_ROLE, type LmsUser } from './lti-platform';
import { describeWithServer } from './use-test-server';

const member = (user: LmsUser) => ({ user_id: user.sub, name: user.name, roles: user.roles });

describeWithServer('the course’s class list from the LMS (LTI NRPS) on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);
  const services = () => lti.platform.services;

  it('lists the course’s learners who have not started, across the LMS’s pages, and refreshes', async () => {
    const { session, teacher, resourceLinkId } = await lti.linkWithSession();
    const roster = `/api/sessions/${session.id}/lti/roster`;
    const [ada, ben, cleo, dan] = ['Ada', 'Ben', 'Cleo', 'Dan'].map(learner);
    services().members = [
      member(ada!),
      { user_id: 'teacher-1', name: 'Ms Rivera', roles: [INSTRUCTOR_ROLE] },
      member(ben!),
      member(cleo!),
      { ...member(dan!), status: 'Inactive' },
      { user_id: 'no-name', roles: [LEARNER_ROLE] },
    ];
    // Ada has started; Ben and Cleo have not; Dan left the course; the teacher is no learner.
    expect((await lti.browser().launch(lti.platform, { user: ada!, resourceLinkId })).status).toBe(
      303,
    );
    const before = Date.now();
    const first = await teacher.api().get<LtiRosterView>(roster);
    expect(first.status).toBe(200);
    expect(first.body.service?.error).toBeNull();
    expect({ ...first.body, service: null }).toEqual({
      service: null,
      notStarted: [{ name: 'A learner the LMS does not name' }, { name: 'Ben' }, { name: 'Cleo' }],
      startedCount: 1,
    });
    expect(Date.parse(first.body.service?.fetchedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    // Six members, two a page: three pages, read with a token of the class list's scope.
    expect(services().issuedTokens.at(-1)?.scopes).toEqual([LTI_SCOPES.contextMembershipReadOnly]);

    // The list is kept: Ben starting shows at once; a new learner in the LMS only on refresh.
    expect((await lti.browser().launch(lti.platform, { user: ben!, resourceLinkId })).status).toBe(
      303,
    );
    const eve = learner('Eve');
    services().members = [...services().members, member(eve)];
    const kept = await teacher.api().get<LtiRosterView>(roster);
    expect(kept.body.notStarted.map((m) => m.name)).toEqual([
      'A learner the LMS does not name',
      'Cleo',
    ]);
    expect(kept.body.service?.fetchedAt).toBe(first.body.service?.fetchedAt);
    const refreshed = await teacher.api().post<LtiRosterView>(`${roster}/refresh`);
    expect(refreshed.body.notStarted.map((m) => m.name)).toEqual([
      'A learner the LMS does not name',
      'Cleo',
      'Eve',
    ]);
    expect(refreshed.body.startedCount).toBe(2);
  });

  it('shows why the class list could not be read, keeping the list read before', async () => {
    const { session, teacher } = await lti.linkWithSession();
    const roster = `/api/sessions/${session.id}/lti/roster`;
    services().members = [member(learner('Gus'))];
    expect((await teacher.api().get<LtiRosterView>(roster)).body.notStarted).toEqual([
      { name: 'Gus' },
    ]);

    services().fail('members', { status: 200, body: '{"members": "none"}', times: 1 });
    const junk = await teacher.api().post<LtiRosterView>(`${roster}/refresh`);
    expect(junk.status).toBe(200);
    expect(junk.body.service?.error).toMatch(
      new RegExp(
        `^the LMS ${lti.platform.issuer} \\(client id ${lti.platform.clientId}\\) answered its class list at .+/memberships with something else: it is not a membership container \\(members: .+\\)`,
      ),
    );
    expect(junk.body.notStarted).toEqual([{ name: 'Gus' }]);

    services().fail('members', { status: 200, body: 'x'.repeat(3_000_000), times: 1 });
    const huge = await teacher.api().post<LtiRosterView>(`${roster}/refresh`);
    expect(huge.body.service?.error).toMatch(/answered 3000000 bytes, more than the \d+ allowed/);

    services().fail('members', { status: 403, body: '{"error":"forbidden"}', times: 1 });
    const refused = await teacher.api().post<LtiRosterView>(`${roster}/refresh`);
    expect(refused.body.service?.error).toMatch(
      /did not give its class list at .+: it answered 403: "\{\\"error\\":\\"forbidden\\"\}"\.$/,
    );

    const recovered = await teacher.api().post<LtiRosterView>(`${roster}/refresh`);
    expect(recovered.body.service?.error).toBeNull();
  });

  it('follows a bounded number of pages', async () => {
    const { session, teacher } = await lti.linkWithSession();
    services().memberPageSize = 1;
    services().members = Array.from({ length: 60 }, (_, i) => member(learner(`L${i}`)));
    try {
      const looped = await teacher
        .api()
        .get<LtiRosterView>(`/api/sessions/${session.id}/lti/roster`);
      expect(looped.body.service?.error).toMatch(/pages its class list past 50 pages/);
      expect(looped.body.notStarted).toEqual([]);
    } finally {
      services().memberPageSize = 2;
    }
  });

  it('shows another teacher nothing of the class list', async () => {
    const { session } = await lti.linkWithSession();
    const stranger = await signUpTeacher(ctx.server.baseUrl);
    const roster = `/api/sessions/${session.id}/lti/roster`;
    expectRefusal(await stranger.get(roster), 404, 'session_not_found');
    expectRefusal(await stranger.post(`${roster}/refresh`), 404, 'session_not_found');
  });
});
