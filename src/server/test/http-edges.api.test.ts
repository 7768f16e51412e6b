import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { EVENT_RETENTION_MS } from '../live/live-hub';
import { pruneSessionEvents } from '../repositories/session-events.repository';
import { ApiClient, errorOf, expectRefusal, classJoinedBy } from './api-client';
import { describeWithServer } from './use-test-server';

const SECURITY_HEADER_NAMES = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
];

function expectSecurityHeaders(headers: Headers) {
  for (const name of SECURITY_HEADER_NAMES) expect(headers.get(name), name).toBeTruthy();
}

describeWithServer('HTTP edges on %s', (ctx) => {
  async function liveClass() {
    const joined = await classJoinedBy(ctx.server.baseUrl, 'teacher-paced', ['Kim']);
    const { teacher, view, base } = joined;
    return { teacher, student: joined.students[0].student, session: view.session, base };
  }

  it('answers 403, not 500, to a write whose Origin is null or not a URL', async () => {
    const { session } = await liveClass();
    const client = new ApiClient(ctx.server.baseUrl);
    const body = { code: session.joinCode, displayName: 'Sam' };
    for (const origin of ['null', 'garbage', 'file:///etc', 'http://elsewhere.example']) {
      expectRefusal(
        await client.request('POST', '/api/join', body, { origin }),
        403,
        'csrf_failed',
      );
    }
    // The page's own origin is fine.
    const own = await client.request('POST', '/api/join', body, { origin: ctx.server.baseUrl });
    expect(own.status).toBe(201);
  });

  it('guards every spelling of an API path: a forged write to /%61pi/ is refused, not obeyed', async () => {
    const { teacher, session, base } = await liveClass();
    // The teacher's own cookie, sent by a browser on another site's page: no token, its Origin.
    const forged = (method: string, url: string) =>
      fetch(`${ctx.server.baseUrl}${url}`, {
        method,
        headers: { cookie: `sid=${teacher.cookie('sid')}`, origin: 'http://elsewhere.example' },
      });
    const end = `/sessions/${session.id}/end`;
    for (const url of [`/%61pi${end}`, `/%61%70%69${end}`, `/api/%73essions/${session.id}/end`]) {
      const response = await forged('POST', url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('cache-control'), url).toBe('no-store');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, url).toBe('not_found');
      expect(body.error.message, url).toMatch(/percent-encod/i);
    }
    // Read with the teacher's own cookies, a non-canonical spelling shows no student data.
    const read = await teacher.get(`/%61pi/sessions/${session.id}`);
    expectRefusal(read, 404, 'not_found');
    expect(read.headers.get('cache-control')).toBe('no-store');
    // The session is still open, and the plain spelling still refuses the forgery.
    expect((await teacher.get<{ session: { status: string } }>(base)).body.session.status).toBe(
      'open',
    );
    expect((await forged('POST', `/api${end}`)).status).toBe(403);
    // A parameter may still carry percent-encoding of its own (a join code is looked up as typed).
    expectRefusal(await teacher.get('/api/join/%E2%9C%93'), 400, 'invalid_input');
  });

  it('treats an overflowing Last-Event-ID as no id: the stream opens without a replay', async () => {
    const { teacher, student, base } = await liveClass();
    const teacherStream = await teacher.openStream(`${base}/events`);
    await teacherStream.nextOf('ready');
    await teacher.post(`${base}/section`, { sectionId: lesson.sections[1]!.id });
    // On PostgreSQL the event reaches this server by NOTIFY, after the POST has answered: once
    // the teacher's stream has it, it is past, and a new stream could only get it by a replay.
    await teacherStream.nextOf('section.changed');
    teacherStream.close();
    for (const lastEventId of ['9'.repeat(40), '99999999999999999999', '1e5', '-1']) {
      const stream = await student.openStream(`${base}/events`, lastEventId);
      expect((await stream.next()).event).toBe('ready');
      // Nothing replayed: the client refetches on open, as after any reconnect.
      expect(await stream.collect(300)).toEqual([]);
      stream.close();
    }
    const stream = await student.openStream(`${base}/events`, '9'.repeat(40));
    await stream.next();
    await teacher.post(`${base}/section`, { sectionId: lesson.sections[2]!.id });
    expect((await stream.nextOf('section.changed')).data).toMatchObject({
      sectionId: lesson.sections[2]!.id,
    });
  });

  it("answers Fastify's own refusals in the project's error shape, with the usual headers", async () => {
    const client = new ApiClient(ctx.server.baseUrl);
    const cases: [string, number, string][] = [
      ['/api/join/%E0%A4%A', 400, 'invalid_input'],
      ['/%zz', 400, 'invalid_input'],
      [`/api/sessions/${'a'.repeat(101)}/me`, 414, 'invalid_input'],
      ['/api/no-such-thing', 404, 'not_found'],
      ['/no-such-page', 404, 'not_found'],
    ];
    for (const [url, status, code] of cases) {
      const response = await client.get(url);
      expectRefusal(response, status, code);
      expectSecurityHeaders(response.headers);
      if (url.startsWith('/api/'))
        expect(response.headers.get('cache-control'), url).toBe('no-store');
    }
    expect(errorOf(await client.get('/%zz')).message).toMatch(/%-encoding/);
    expect(errorOf(await client.get(`/api/join/${'A'.repeat(101)}`)).message).toMatch(/100/);
  });

  it('sends JSON with student data as no-store, and event streams with the security headers', async () => {
    const { teacher, student, session, base } = await liveClass();
    for (const response of [
      await student.get(`${base}/me`),
      await student.get(`/api/join/${session.joinCode}`),
      await teacher.get(base),
      await teacher.get(`${base}/report`),
      await teacher.get(`${base}/responses`),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expectSecurityHeaders(response.headers);
    }
    for (const client of [student, teacher]) {
      const stream = await client.openStream(`${base}/events`);
      expectSecurityHeaders(stream.headers);
      expect(stream.headers.get('cache-control')).toMatch(/no-store/);
      stream.close();
    }
  });

  it('prunes old stored events and still replays the recent ones', async () => {
    const { teacher, student, base, session } = await liveClass();
    const sections = lesson.sections.slice(1, 4).map((s) => s.id);
    for (const sectionId of sections) await teacher.post(`${base}/section`, { sectionId });
    const { rows } = await ctx.server.db.query<{ id: string | number }>(
      `SELECT id FROM session_events WHERE session_id = $1 ORDER BY id`,
      [session.id],
    );
    const ids = rows.map((r) => Number(r.id));
    const [joinedId, firstMoveId] = ids;
    // The join and the first move happened two days ago.
    await ctx.server.db.query(
      `UPDATE session_events SET created_at = now() - interval '2 days' WHERE id <= $1`,
      [firstMoveId],
    );

    const pruned = await pruneSessionEvents(
      ctx.server.db,
      new Date(Date.now() - EVENT_RETENTION_MS),
    );
    expect(pruned).toBeGreaterThanOrEqual(2);
    const left = await ctx.server.db.query<{ id: string | number }>(
      `SELECT id FROM session_events WHERE session_id = $1 ORDER BY id`,
      [session.id],
    );
    expect(left.rows.map((r) => Number(r.id))).toEqual(ids.slice(2));

    // A client that saw the first move is replayed the two later ones, as before pruning.
    const stream = await student.openStream(`${base}/events`, String(firstMoveId));
    await stream.next();
    const replayed = [
      await stream.nextOf('section.changed'),
      await stream.nextOf('section.changed'),
    ];
    expect(replayed.map((m) => (m.data as { sectionId: string }).sectionId)).toEqual(
      sections.slice(1),
    );
    expect(joinedId).toBeLessThan(firstMoveId!);
  });
});
