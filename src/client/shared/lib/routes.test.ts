import { describe, expect, expectTypeOf, it } from 'vitest';
import { matchRoute, routes, type RouteMatch } from './routes';

/** Ids a server or a lesson might hand out, including the awkward ones. */
const AWKWARD_IDS = ['abc123', 'with space', 'a/b', 'ünïcødé ☕', '100%', 'x?y#z', 'report'];

/** Every route built from these ids, with what matching it must give back. */
const built = (id: string): readonly (readonly [string, RouteMatch])[] => [
  [routes.home.build(), { name: 'home', params: {} }],
  [routes.lessonHome.build({ shareKey: id }), { name: 'lessonHome', params: { shareKey: id } }],
  [
    routes.lessonSection.build({ shareKey: id, sectionId: id }),
    { name: 'lessonSection', params: { shareKey: id, sectionId: id } },
  ],
  [routes.lessonReview.build({ shareKey: id }), { name: 'lessonReview', params: { shareKey: id } }],
  [routes.builtInReview.build(), { name: 'builtInReview', params: {} }],
  [
    routes.builtInSection.build({ sectionId: id }),
    { name: 'builtInSection', params: { sectionId: id } },
  ],
  [routes.teach.build(), { name: 'teach', params: {} }],
  [routes.forgotPassword.build(), { name: 'forgotPassword', params: {} }],
  [routes.resetPassword.build(), { name: 'resetPassword', params: {} }],
  [routes.confirmSignUp.build(), { name: 'confirmSignUp', params: {} }],
  [routes.lessonLibrary.build(), { name: 'lessonLibrary', params: {} }],
  [routes.newLesson.build(), { name: 'newLesson', params: {} }],
  [routes.lessonEditor.build({ lessonId: id }), { name: 'lessonEditor', params: { lessonId: id } }],
  [
    routes.teacherSession.build({ sessionId: id }),
    { name: 'teacherSession', params: { sessionId: id } },
  ],
  [
    routes.teacherReport.build({ sessionId: id }),
    { name: 'teacherReport', params: { sessionId: id } },
  ],
  [
    routes.teacherProjector.build({ sessionId: id }),
    { name: 'teacherProjector', params: { sessionId: id } },
  ],
  [
    routes.teacherForecasts.build({ sessionId: id }),
    { name: 'teacherForecasts', params: { sessionId: id } },
  ],
  [
    routes.classForecasts.build({ classId: id }),
    { name: 'classForecasts', params: { classId: id } },
  ],
  [routes.join.build(), { name: 'join', params: {} }],
  [routes.liveSession.build({ sessionId: id }), { name: 'liveSession', params: { sessionId: id } }],
  [routes.forecastsSignIn.build(), { name: 'forecastsSignIn', params: {} }],
  [
    routes.studentForecasts.build({ sessionId: id }),
    { name: 'studentForecasts', params: { sessionId: id } },
  ],
  [routes.privacy.build(), { name: 'privacy', params: {} }],
  [routes.accessibility.build(), { name: 'accessibility', params: {} }],
  [routes.dataInventory.build(), { name: 'dataInventory', params: {} }],
];

describe('routes', () => {
  it('keeps every page at the address it has always had', () => {
    expect(routes.home.build()).toBe('/');
    expect(routes.builtInReview.build()).toBe('/review');
    expect(routes.builtInSection.build({ sectionId: 's1' })).toBe('/study/s1');
    expect(routes.lessonHome.build({ shareKey: 'k' })).toBe('/s/k');
    expect(routes.lessonSection.build({ shareKey: 'k', sectionId: 's1' })).toBe('/s/k/study/s1');
    expect(routes.lessonReview.build({ shareKey: 'k' })).toBe('/s/k/review');
    expect(routes.teach.build()).toBe('/teach');
    expect(routes.forgotPassword.build()).toBe('/teach/forgot-password');
    expect(routes.resetPassword.build()).toBe('/teach/reset-password');
    expect(routes.lessonLibrary.build()).toBe('/teach/lessons');
    expect(routes.newLesson.build()).toBe('/teach/lessons/new');
    expect(routes.lessonEditor.build({ lessonId: 'x' })).toBe('/teach/lessons/x');
    expect(routes.teacherSession.build({ sessionId: 'x' })).toBe('/teach/sessions/x');
    expect(routes.teacherReport.build({ sessionId: 'x' })).toBe('/teach/sessions/x/report');
    expect(routes.teacherProjector.build({ sessionId: 'x' })).toBe('/teach/sessions/x/projector');
    expect(routes.join.build()).toBe('/join');
    expect(routes.liveSession.build({ sessionId: 'x' })).toBe('/live/x');
    expect(routes.privacy.build()).toBe('/privacy');
    expect(routes.accessibility.build()).toBe('/accessibility');
    expect(routes.dataInventory.build()).toBe('/data-inventory');
  });

  it('keeps an id with a slash, a space or a query character inside its one segment', () => {
    expect(routes.teacherReport.build({ sessionId: 'a/b c?d' })).toBe(
      '/teach/sessions/a%2Fb%20c%3Fd/report',
    );
  });

  it.each(AWKWARD_IDS)('matches every route it builds back to that route (id %j)', (id) => {
    for (const [path, expected] of built(id)) {
      expect(matchRoute(path), path).toEqual(expected);
      expect(matchRoute(`${path}/`), `${path}/`).toEqual(path === '/' ? null : expected);
    }
  });

  it('reads an id the browser left unencoded', () => {
    expect(matchRoute('/study/ünïcødé')).toEqual({
      name: 'builtInSection',
      params: { sectionId: 'ünïcødé' },
    });
    expect(matchRoute('/s/clé/study/ünï')).toEqual({
      name: 'lessonSection',
      params: { shareKey: 'clé', sectionId: 'ünï' },
    });
  });

  it('resolves a session’s report and projector to those pages, not to the session', () => {
    expect(matchRoute('/teach/sessions/x/report')?.name).toBe('teacherReport');
    expect(matchRoute('/teach/sessions/x/projector')?.name).toBe('teacherProjector');
    expect(matchRoute('/teach/sessions/x/forecasts')?.name).toBe('teacherForecasts');
    expect(matchRoute('/teach/sessions/x')?.name).toBe('teacherSession');
    // A session whose id is "report" is still a session.
    expect(matchRoute('/teach/sessions/report')).toEqual({
      name: 'teacherSession',
      params: { sessionId: 'report' },
    });
  });

  it('resolves the teacher’s fixed pages to themselves', () => {
    expect(matchRoute('/teach/forgot-password')?.name).toBe('forgotPassword');
    expect(matchRoute('/teach/reset-password/')?.name).toBe('resetPassword');
  });

  it('treats a malformed escape as no page rather than throwing', () => {
    expect(matchRoute('/study/%E0%A4%A')).toBeNull();
    expect(matchRoute('/teach/sessions/%/report')).toBeNull();
    expect(matchRoute('/live/%zz')).toBeNull();
    expect(routes.liveSession.match('/live/%')).toBeNull();
  });

  it.each([
    '',
    '//',
    '/unknown',
    '/Teach',
    '/teach//',
    '/teach/sessions',
    '/teach/sessions/',
    '/teach/sessions//report',
    '/teach/sessions/x/unknown',
    '/teach/sessions/x/report/extra',
    '/teach/other',
    '/study',
    '/study/',
    '/study/a/b',
    '/live',
    '/live/x/y',
    '/join/x',
    '/review/x',
    '/s',
    '/s/',
    '/s/k/study',
    '/s/k/x',
    '/s/k/review/x',
    '/s/k/study/x/y',
  ])('matches nothing at %j', (path) => {
    expect(matchRoute(path)).toBeNull();
  });

  it('matches a route only at its own path', () => {
    expect(routes.teacherSession.match('/teach/sessions/x/report')).toBeNull();
    expect(routes.teacherReport.match('/teach/sessions/x')).toBeNull();
    expect(routes.lessonSection.match('/live/x')).toBeNull();
    expect(routes.lessonHome.match('/s/k/review')).toBeNull();
  });
});

describe('route types', () => {
  it('asks for exactly the parameters a pattern names (checked by the type checker)', () => {
    expectTypeOf(routes.teacherReport.build).parameters.toEqualTypeOf<
      [params: { readonly sessionId: string }]
    >();
    expectTypeOf(routes.teach.build).parameters.toEqualTypeOf<[]>();
    expectTypeOf(routes.lessonSection.match).returns.toEqualTypeOf<{
      readonly shareKey: string;
      readonly sectionId: string;
    } | null>();
  });
});
