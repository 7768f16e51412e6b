import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPasswordResetLink } from '../services/password-reset';
import {
  ApiClient,
  classOfAnaAndBen,
  createLiveSession,
  expectRefusal,
  signUpTeacher,
  submitAnswer,
} from './api-client';
import {
  auditRowsHolding,
  auditRowsOf,
  refsOf,
  teacherIdOf,
  type StoredAuditRow,
} from './audit-fixtures';
import { instructor, learner, useLtiPlatform } from './lti-fixtures';
import { describeWithServer } from './use-test-server';

const PASSWORD = 'correct horse battery';
const HASH = /^[0-9a-f]{32}$/;

describeWithServer('the audit trail on %s', (ctx) => {
  const db = () => ctx.server.db;

  /** Ana and Ben's class, Ana's answer holding a text found nowhere else. */
  async function classWithAnswer() {
    const found = await classOfAnaAndBen(ctx.server.baseUrl);
    const answerText = `Ana's own words ${randomUUID()}`;
    await submitAnswer(found.ana.student, found.base, 'thesis-question', {
      kind: 'prompt',
      text: answerText,
    });
    const teacherId = await teacherIdOf(found.teacher);
    return { ...found, answerText, teacherId, sessionId: found.view.session.id };
  }

  /** One row by this teacher, of this action, from a real address hash. */
  function expectOneRow(
    rows: StoredAuditRow[],
    expected: Partial<Omit<StoredAuditRow, 'address_hash'>> &
      Pick<StoredAuditRow, 'action' | 'actor_ref'>,
  ): void {
    expect(rows).toHaveLength(1);
    const { address_hash: addressHash, ...row } = rows[0] ?? ({} as StoredAuditRow);
    expect(addressHash).toMatch(HASH);
    expect(row).toEqual({
      actor_kind: 'teacher',
      session_ref: null,
      student_ref: null,
      detail: null,
      ...expected,
    });
  }

  const emailDetail = (email: string) => ctx.server.app.services.audit.failedSignInDetail(email);

  it('writes one row for a sign-up and one for each sign-in, naming the account by its hash', async () => {
    const email = `${randomUUID()}@school.example`;
    const client = new ApiClient(ctx.server.baseUrl);
    const signUp = await auditRowsOf(db(), async () => {
      const response = await client.post('/api/auth/sign-up', {
        email,
        name: 'Tess',
        password: PASSWORD,
      });
      expect(response.status).toBe(201);
    });
    const teacherId = await teacherIdOf(client);
    const account = refsOf(ctx).account(teacherId);
    expectOneRow(signUp, { action: 'signed_in', actor_ref: account });

    const again = new ApiClient(ctx.server.baseUrl);
    const signIn = await auditRowsOf(db(), async () => {
      expect((await again.post('/api/auth/sign-in', { email, password: PASSWORD })).status).toBe(
        200,
      );
    });
    expectOneRow(signIn, { action: 'signed_in', actor_ref: account });
    // The same client address gives the same hash; the e-mail and the id are nowhere.
    expect(signIn[0]?.address_hash).toBe(signUp[0]?.address_hash);
    expect(await auditRowsHolding(db(), email)).toBe(0);
    expect(await auditRowsHolding(db(), teacherId)).toBe(0);
  });

  it('writes one row for a sign-in by a password-reset link', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const teacherId = await teacherIdOf(teacher);
    const me = await teacher.get<{ teacher: { email: string } }>('/api/auth/me');
    const link = await createPasswordResetLink(db(), me.body.teacher.email, ctx.server.baseUrl);
    const token = new URL(link?.url ?? 'http://x').searchParams.get('token');
    const browser = new ApiClient(ctx.server.baseUrl);
    const rows = await auditRowsOf(db(), async () => {
      const reset = await browser.post('/api/auth/reset-password', {
        token,
        password: 'a brand new passphrase',
      });
      expect(reset.status).toBe(200);
    });
    expectOneRow(rows, { action: 'signed_in', actor_ref: refsOf(ctx).account(teacherId) });
  });

  it('writes one row for a failed sign-in, with a hash of the e-mail tried and never the e-mail', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const teacherId = await teacherIdOf(teacher);
    const me = await teacher.get<{ teacher: { email: string } }>('/api/auth/me');
    const { email } = me.body.teacher;
    const stranger = new ApiClient(ctx.server.baseUrl);

    const wrongPassword = await auditRowsOf(db(), async () => {
      expectRefusal(
        await stranger.post('/api/auth/sign-in', { email, password: 'not the password' }),
        401,
        'invalid_credentials',
      );
    });
    expectOneRow(wrongPassword, {
      action: 'sign_in_failed',
      actor_ref: refsOf(ctx).account(teacherId),
      detail: emailDetail(email),
    });
    expect(wrongPassword[0]?.detail).toMatch(/^email [0-9a-f]{32}$/);

    const unknown = `${randomUUID()}@school.example`;
    const unknownEmail = await auditRowsOf(db(), async () => {
      expectRefusal(
        await stranger.post('/api/auth/sign-in', { email: unknown, password: PASSWORD }),
        401,
        'invalid_credentials',
      );
    });
    expectOneRow(unknownEmail, {
      action: 'sign_in_failed',
      actor_ref: null,
      detail: emailDetail(unknown),
    });
    // The same e-mail tried again, in another case, gives the same hash.
    const sameAgain = await auditRowsOf(db(), async () => {
      await stranger.post('/api/auth/sign-in', { email: unknown.toUpperCase(), password: 'x' });
    });
    expect(sameAgain[0]?.detail).toBe(unknownEmail[0]?.detail);
    expect(await auditRowsHolding(db(), unknown)).toBe(0);
    expect(await auditRowsHolding(db(), email)).toBe(0);
  });

  it('writes one row per report of answers viewed: the whole class, or one student', async () => {
    const { teacher, base, anaId, teacherId, sessionId, answerText } = await classWithAnswer();
    const refs = refsOf(ctx);

    const report = await auditRowsOf(db(), async () => {
      expect((await teacher.get(`${base}/report`)).status).toBe(200);
    });
    expectOneRow(report, {
      action: 'viewed_session_answers',
      actor_ref: refs.account(teacherId),
      session_ref: refs.session(sessionId),
    });

    const transcript = await auditRowsOf(db(), async () => {
      const response = await teacher.get(`${base}/participants/${anaId}/transcript`);
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).toContain(answerText);
    });
    expectOneRow(transcript, {
      action: 'viewed_student_answers',
      actor_ref: refs.account(teacherId),
      session_ref: refs.session(sessionId),
      student_ref: refs.student(anaId),
    });
    expect(await auditRowsHolding(db(), answerText)).toBe(0);
  });

  it('writes one row per export of a session or a student, naming what went out', async () => {
    const { teacher, base, anaId, teacherId, sessionId, answerText } = await classWithAnswer();
    const refs = refsOf(ctx);
    const session = { actor_ref: refs.account(teacherId), session_ref: refs.session(sessionId) };

    for (const [path, detail] of [
      ['answers.csv', 'answers.csv'],
      ['speaking.csv', 'speaking.csv'],
      ['forecasts.csv', 'forecasts.csv'],
    ] as const) {
      const rows = await auditRowsOf(db(), async () => {
        const response = await teacher.get(`${base}/${path}`);
        expect(response.status, path).toBe(200);
      });
      expectOneRow(rows, { action: 'exported_session', detail, ...session });
    }
    for (const [query, detail] of [
      ['', 'student-data.json'],
      ['?format=markdown', 'student-data.md'],
    ] as const) {
      const rows = await auditRowsOf(db(), async () => {
        const response = await teacher.get(`${base}/participants/${anaId}/export${query}`);
        expect(response.status).toBe(200);
        expect(JSON.stringify(response.body)).toContain(answerText.slice(0, 12));
      });
      expectOneRow(rows, {
        action: 'exported_student',
        detail,
        student_ref: refs.student(anaId),
        ...session,
      });
    }
    expect(await auditRowsHolding(db(), answerText)).toBe(0);
  });

  it('writes nothing for what was refused (another teacher’s report or export) nor for answers', async () => {
    const { base, anaId, ben } = await classWithAnswer();
    const stranger = await signUpTeacher(ctx.server.baseUrl);
    const rows = await auditRowsOf(db(), async () => {
      // Students' answers are not audited: the answer path writes nothing.
      await submitAnswer(ben.student, base, 'thesis-question', {
        kind: 'prompt',
        text: 'Ben answers.',
      });
      expectRefusal(await stranger.get(`${base}/report`), 404, 'session_not_found');
      expectRefusal(
        await stranger.get(`${base}/participants/${anaId}/export`),
        404,
        'session_not_found',
      );
    });
    expect(rows).toEqual([]);
  });

  it('deleting a student writes one row, and every row about them then names only an opaque hash', async () => {
    const { teacher, base, ana, anaId, teacherId, sessionId, answerText } = await classWithAnswer();
    const refs = refsOf(ctx);
    await teacher.get(`${base}/participants/${anaId}/transcript`);
    await teacher.get(`${base}/participants/${anaId}/export`);

    const rows = await auditRowsOf(db(), async () => {
      expect((await teacher.delete(`${base}/participants/${anaId}/data`)).status).toBe(200);
    });
    expectOneRow(rows, {
      action: 'deleted_student',
      actor_ref: refs.account(teacherId),
      session_ref: refs.session(sessionId),
      student_ref: refs.student(anaId),
    });
    // Her view, export and deletion are all there, by the hash alone.
    const { rows: hers } = await db().query<{ action: string }>(
      'SELECT action FROM audit_events WHERE student_ref = $1 ORDER BY id',
      [refs.student(anaId)],
    );
    expect(hers.map((r) => r.action)).toEqual([
      'viewed_student_answers',
      'exported_student',
      'deleted_student',
    ]);
    for (const needle of [anaId, ana.joined.participant.displayName, answerText]) {
      expect(await auditRowsHolding(db(), needle), needle).toBe(0);
    }
  });

  it('deleting a session, or a whole account, writes one row each', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const teacherId = await teacherIdOf(teacher);
    const refs = refsOf(ctx);
    const view = await createLiveSession(teacher, 'self-paced');
    const sessionRows = await auditRowsOf(db(), async () => {
      expect((await teacher.delete(`/api/sessions/${view.session.id}`)).status).toBe(204);
    });
    expectOneRow(sessionRows, {
      action: 'deleted_session',
      actor_ref: refs.account(teacherId),
      session_ref: refs.session(view.session.id),
    });

    const accountRows = await auditRowsOf(db(), async () => {
      const deleted = await teacher.request('DELETE', '/api/auth/account', { password: PASSWORD });
      expect(deleted.status).toBe(204);
    });
    expectOneRow(accountRows, { action: 'deleted_account', actor_ref: refs.account(teacherId) });
    // The account's rows outlive it, and hold neither its id nor its session's.
    expect(await auditRowsHolding(db(), refs.account(teacherId))).toBeGreaterThanOrEqual(3);
    expect(await auditRowsHolding(db(), teacherId)).toBe(0);
    expect(await auditRowsHolding(db(), view.session.id)).toBe(0);
  });

  it('refuses the action when its row cannot be written: no unrecorded export or deletion', async () => {
    const { teacher, base, anaId, answerText } = await classWithAnswer();
    await db().query('ALTER TABLE audit_events RENAME TO audit_events_away');
    try {
      const csv = await teacher.get(`${base}/answers.csv`);
      expect(csv.status).toBe(500);
      expect(String(csv.body)).not.toContain(answerText);
      const exported = await teacher.get(`${base}/participants/${anaId}/export`);
      expect(exported.status).toBe(500);
      expect(JSON.stringify(exported.body)).not.toContain(answerText);
      expect((await teacher.delete(`${base}/participants/${anaId}/data`)).status).toBe(500);
    } finally {
      await db().query('ALTER TABLE audit_events_away RENAME TO audit_events');
    }
    // The student is still there: the deletion and its row went together, or not at all.
    const transcript = await teacher.get(`${base}/participants/${anaId}/transcript`);
    expect(transcript.status).toBe(200);
    expect(JSON.stringify(transcript.body)).toContain(answerText);
  });
});

describeWithServer('the audit trail of LMS launches on %s', (ctx) => {
  const lti = useLtiPlatform(ctx);

  it('writes one row for a teacher’s sign-in by an LTI launch, none for a learner’s', async () => {
    const teacher = lti.browser();
    const rows = await auditRowsOf(ctx.server.db, async () => {
      const launched = await teacher.launch(lti.platform, {
        user: instructor(),
        resourceLinkId: randomUUID(),
      });
      expect(launched.status).toBe(303);
    });
    const teacherId = await teacherIdOf(teacher.api());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_kind: 'teacher',
      actor_ref: refsOf(ctx).account(teacherId),
      action: 'signed_in',
    });

    const { resourceLinkId } = await lti.linkWithSession();
    const learnerRows = await auditRowsOf(ctx.server.db, async () => {
      const launched = await lti
        .browser()
        .launch(lti.platform, { user: learner('Ada Lovelace'), resourceLinkId });
      expect(launched.status).toBe(303);
    });
    expect(learnerRows).toEqual([]);
  });
});
