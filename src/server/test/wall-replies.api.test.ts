import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  ClassWallReply,
  ClassWallResponse,
  ProjectorView,
  SessionReport,
  TeacherWallReply,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import type { StudentDataExport } from '#domain/api/student-data-contracts';
import {
  WALL_REPLIES_PER_MINUTE,
  WALL_REPLIES_PER_RESPONSE_MAX,
  WALL_REPLIES_PER_SESSION_MAX,
} from '#domain/live/wall-replies';
import {
  createLiveSession,
  errorOf,
  expectRefusal,
  joinAs,
  sendAtOnce,
  signUpTeacher,
  type ApiClient,
} from './api-client';
import { describeWithServer } from './use-test-server';

function promptById(id: string): Extract<Item, { kind: 'prompt' }> {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item?.kind !== 'prompt') throw new Error(`the lesson has no prompt ${id}`);
  return item;
}

const thesisPrompt = promptById('thesis-question');
const evidencePrompt = promptById('shared-interests-evidence');
const PSEUDONYM = /^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/;

const texts = {
  ada: 'Ada: the strike came when deterrence looked weakest.',
  ben: 'Ben: it was about the election at home.',
  cy: 'Cy: nobody expected it.',
};

describeWithServer('replies on the class wall on %s', (ctx) => {
  async function answer(student: ApiClient, base: string, itemId: string, text: string) {
    const response = await student.put(`${base}/answers/${itemId}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'prompt', text },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  /** Ada, Ben and Cy answered the thesis prompt, which the teacher revealed; Dee did not. */
  async function classWithAWall() {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    const [ada, ben, cy, dee] = await Promise.all(
      ['Ada', 'Ben', 'Cy', 'Dee'].map((name) =>
        joinAs(ctx.server.baseUrl, view.session.joinCode, name),
      ),
    );
    const students = { ada: ada!, ben: ben!, cy: cy!, dee: dee! };
    await answer(students.ada.student, base, thesisPrompt.id, texts.ada);
    await answer(students.ben.student, base, thesisPrompt.id, texts.ben);
    await answer(students.cy.student, base, thesisPrompt.id, texts.cy);
    expect((await teacher.post(`${base}/items/${thesisPrompt.id}/reveal`)).status).toBe(200);
    const idOf = (who: keyof typeof students) => students[who].joined.participant.id;
    return { teacher, view, base, ...students, idOf };
  }

  const viewOf = async (student: ApiClient, base: string) => {
    const view = await student.get<StudentSessionView>(`${base}/me`);
    expect(view.status).toBe(200);
    return view.body;
  };

  const responseWithText = (view: StudentSessionView, text: string): ClassWallResponse => {
    const found = view.wall.find((r) => r.text === text);
    if (!found) throw new Error(`no response "${text}" on the wall`);
    return found;
  };

  const reply = (
    student: ApiClient,
    base: string,
    responseId: string,
    body: Record<string, unknown>,
  ) => student.post<ClassWallReply>(`${base}/wall/${responseId}/replies`, body);

  it('threads replies under a response, oldest first, for its author and the teacher', async () => {
    const { teacher, base, ada, ben, cy, idOf } = await classWithAWall();
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    const stream = await ada.student.openStream(`${base}/events`);
    try {
      await stream.nextOf('ready');
      const first = await reply(ben.student, base, adaResponseId, {
        kind: 'challenges',
        text: '  Why would weakness invite a strike?  ',
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({
        kind: 'challenges',
        text: 'Why would weakness invite a strike?',
        label: null,
        isMine: true,
      });
      // Ada's page hears of it: the wall of that prompt changed.
      expect((await stream.nextOf('wall.changed')).data).toEqual({
        type: 'wall.changed',
        itemId: thesisPrompt.id,
      });
      const second = await reply(cy.student, base, adaResponseId, {
        kind: 'asks',
        text: 'Which deterrence?',
      });
      expect(second.status).toBe(201);
      await reply(
        ada.student,
        base,
        responseWithText(await viewOf(ada.student, base), texts.ben).responseId,
        {
          kind: 'builds-on',
          text: 'And the election abroad.',
        },
      );

      // The author sees both under her response, oldest first, with nobody's id.
      const adaView = await viewOf(ada.student, base);
      const mine = responseWithText(adaView, texts.ada);
      expect(mine.isMine).toBe(true);
      expect(mine.replies.map((r) => [r.kind, r.text, r.isMine, r.label])).toEqual([
        ['challenges', 'Why would weakness invite a strike?', false, null],
        ['asks', 'Which deterrence?', false, null],
      ]);
      expect(responseWithText(adaView, texts.ben).replies).toMatchObject([
        { kind: 'builds-on', isMine: true },
      ]);
      const sent = JSON.stringify(adaView);
      for (const other of ['ben', 'cy'] as const) expect(sent).not.toContain(idOf(other));
      expect(JSON.stringify(stream.received)).not.toContain(idOf('ben'));

      // Classmates see the thread too; their own reply is marked as theirs.
      const cyView = await viewOf(cy.student, base);
      expect(responseWithText(cyView, texts.ada).replies.map((r) => r.isMine)).toEqual([
        false,
        true,
      ]);

      // The teacher sees every reply with the real name, and the count.
      const wall = await teacher.get<WallResponsesResponse>(`${base}/responses`);
      const adaOnWall = wall.body.responses.find((r) => r.participantId === idOf('ada'));
      expect(adaOnWall?.replies.map((r) => [r.label, r.participantId, r.kind, r.isHidden])).toEqual(
        [
          ['Ben', idOf('ben'), 'challenges', false],
          ['Cy', idOf('cy'), 'asks', false],
        ],
      );
      expect(adaOnWall?.pseudonym).toBeNull();
      const report = await teacher.get<SessionReport>(`${base}/report`);
      expect(
        report.body.responses.find((r) => r.participantId === idOf('ada'))?.replies,
      ).toHaveLength(2);
    } finally {
      stream.close();
    }
  });

  it('shows authors as names, pseudonyms or nobody, as the teacher chooses', async () => {
    const { teacher, base, ada, ben, idOf } = await classWithAWall();
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    expect(
      (await reply(ben.student, base, adaResponseId, { kind: 'asks', text: 'Why now?' })).status,
    ).toBe(201);
    await teacher.post(`${base}/responses/${idOf('ada')}/${thesisPrompt.id}`, {
      isSpotlighted: true,
    });
    const setIdentity = async (wallIdentity: string) => {
      const settings = await teacher.post(`${base}/settings`, { wallIdentity });
      expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    };

    // Names.
    await setIdentity('names');
    let adaView = await viewOf(ada.student, base);
    expect(adaView.wallIdentity).toEqual({ mode: 'names', myPseudonym: null });
    expect(responseWithText(adaView, texts.ben).label).toBe('Ben');
    expect(responseWithText(adaView, texts.ada).replies[0]?.label).toBe('Ben');
    expect((await teacher.get<ProjectorView>(`${base}/projector`)).body.spotlight[0]?.label).toBe(
      'Ada',
    );

    // Pseudonyms: the same one on a student's response and reply, never the name or an id.
    await setIdentity('pseudonyms');
    adaView = await viewOf(ada.student, base);
    const benView = await viewOf(ben.student, base);
    const adaPseudonym = adaView.wallIdentity.myPseudonym;
    const benPseudonym = benView.wallIdentity.myPseudonym;
    expect(adaPseudonym).toMatch(PSEUDONYM);
    expect(benPseudonym).toMatch(PSEUDONYM);
    expect(adaPseudonym).not.toBe(benPseudonym);
    expect(responseWithText(adaView, texts.ben).label).toBe(benPseudonym);
    expect(responseWithText(adaView, texts.ada).replies[0]?.label).toBe(benPseudonym);
    expect(responseWithText(benView, texts.ada).label).toBe(adaPseudonym);
    expect(responseWithText(benView, texts.ada).replies[0]).toMatchObject({
      label: benPseudonym,
      isMine: true,
    });
    for (const view of [adaView, benView]) {
      const sent = JSON.stringify({ ...view, me: null });
      for (const name of ['"Ada"', '"Ben"', '"Cy"']) expect(sent).not.toContain(name);
      for (const who of ['ada', 'ben', 'cy'] as const) expect(sent).not.toContain(idOf(who));
    }
    // The same on every read; the projector shows it; the teacher sees both.
    expect((await viewOf(ada.student, base)).wallIdentity.myPseudonym).toBe(adaPseudonym);
    expect((await teacher.get<ProjectorView>(`${base}/projector`)).body.spotlight[0]?.label).toBe(
      adaPseudonym,
    );
    const wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.wallIdentity).toBe('pseudonyms');
    const adaOnWall = wall.responses.find((r) => r.participantId === idOf('ada'));
    expect(adaOnWall).toMatchObject({ label: 'Ada', pseudonym: adaPseudonym });
    expect(adaOnWall?.replies[0]).toMatchObject({ label: 'Ben', pseudonym: benPseudonym });

    // Anonymous.
    await setIdentity('anonymous');
    adaView = await viewOf(ada.student, base);
    expect(adaView.wallIdentity).toEqual({ mode: 'anonymous', myPseudonym: null });
    expect(adaView.wall.map((r) => r.label)).toEqual([null, null, null]);
    expect(responseWithText(adaView, texts.ada).replies[0]?.label).toBeNull();
    const sent = JSON.stringify({ ...adaView, me: null });
    // Quoted: the response texts start with their authors' names, as students' words may.
    for (const name of ['"Ben"', '"Cy"', adaPseudonym ?? '?', benPseudonym ?? '?']) {
      expect(sent).not.toContain(name);
    }
    expect((await teacher.get<ProjectorView>(`${base}/projector`)).body.spotlight[0]?.label).toBe(
      null,
    );
  });

  it('refuses replies the student’s own wall does not offer, and bad ones', async () => {
    const { teacher, base, ada, ben, cy, dee, idOf } = await classWithAWall();
    const benView = await viewOf(ben.student, base);
    const adaResponseId = responseWithText(benView, texts.ada).responseId;
    const benResponseId = responseWithText(benView, texts.ben).responseId;
    const good = { kind: 'builds-on', text: 'Yes, and…' };

    // Answer first: Dee has not answered, so her wall has no responses to reply to.
    const early = await reply(dee.student, base, adaResponseId, good);
    expectRefusal(early, 403, 'forbidden');
    expect(errorOf(early).message).toContain('Answer this question yourself first');

    // A prompt not revealed yet: the id is real (the teacher's wall has it), the wall is not.
    await answer(ada.student, base, evidencePrompt.id, 'Ada on the evidence.');
    await answer(ben.student, base, evidencePrompt.id, 'Ben on the evidence.');
    const teacherWall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    const unrevealed = teacherWall.responses.find(
      (r) => r.participantId === idOf('ada') && r.itemId === evidencePrompt.id,
    );
    const hidden = await reply(ben.student, base, unrevealed!.responseId, good);
    expectRefusal(hidden, 403, 'forbidden');
    expect(errorOf(hidden).message).toContain('has not shown the class');

    // One's own response.
    const own = await reply(ben.student, base, benResponseId, good);
    expectRefusal(own, 403, 'forbidden');
    expect(errorOf(own).message).toContain('your own response');

    // Bad kinds and texts.
    expectRefusal(
      await reply(ben.student, base, adaResponseId, { kind: 'agrees', text: 'x' }),
      400,
      'invalid_input',
      'kind',
    );
    expectRefusal(
      await reply(ben.student, base, adaResponseId, { text: 'x' }),
      400,
      'invalid_input',
      'kind',
    );
    const empty = await reply(ben.student, base, adaResponseId, { kind: 'asks', text: ' \n ' });
    expectRefusal(empty, 400, 'invalid_input', 'text');
    expect(errorOf(empty).message).toContain('must not be empty');
    const long = await reply(ben.student, base, adaResponseId, {
      kind: 'asks',
      text: 'x'.repeat(281),
    });
    expectRefusal(long, 400, 'invalid_input', 'text');
    expect(errorOf(long).message).toContain('at most 280 characters');
    expect(
      (await reply(ben.student, base, adaResponseId, { kind: 'asks', text: 'x'.repeat(280) }))
        .status,
    ).toBe(201);
    const nul = await reply(ben.student, base, adaResponseId, { kind: 'asks', text: 'a\u0000b' });
    expectRefusal(nul, 400, 'invalid_input', 'text');
    expect(errorOf(nul).message).toContain('NUL');

    // Another session's response, and an id that is no response at all.
    const otherView = await createLiveSession(teacher, 'self-paced');
    const otherBase = `/api/sessions/${otherView.session.id}`;
    const lee = await joinAs(ctx.server.baseUrl, otherView.session.joinCode, 'Lee');
    const kim = await joinAs(ctx.server.baseUrl, otherView.session.joinCode, 'Kim');
    await answer(lee.student, otherBase, thesisPrompt.id, 'Lee elsewhere.');
    await answer(kim.student, otherBase, thesisPrompt.id, 'Kim elsewhere.');
    await teacher.post(`${otherBase}/items/${thesisPrompt.id}/reveal`);
    const leeId = responseWithText(
      await viewOf(kim.student, otherBase),
      'Lee elsewhere.',
    ).responseId;
    expectRefusal(await reply(ben.student, base, leeId, good), 404, 'not_found', 'responseId');
    expectRefusal(
      await reply(ben.student, base, 'no-such-response', good),
      404,
      'not_found',
      'responseId',
    );
    // Ben's cookie is for his own session only.
    expect((await reply(ben.student, otherBase, leeId, good)).status).toBe(401);

    // A response the teacher hid takes no replies.
    await teacher.post(`${base}/responses/${idOf('ada')}/${thesisPrompt.id}`, { isHidden: true });
    const onHidden = await reply(ben.student, base, adaResponseId, good);
    expectRefusal(onHidden, 404, 'not_found', 'responseId');
    expect(errorOf(onHidden).message).toContain('hidden');
    await teacher.post(`${base}/responses/${idOf('ada')}/${thesisPrompt.id}`, { isHidden: false });

    // A removed student replies no more.
    await teacher.delete(`${base}/participants/${idOf('cy')}`);
    expectRefusal(await reply(cy.student, base, adaResponseId, good), 403, 'participant_removed');

    // The teacher is not a student of the wall.
    expect((await reply(teacher, base, adaResponseId, good)).status).toBe(401);

    // After the end.
    await teacher.post(`${base}/end`);
    const ended = await reply(ben.student, base, adaResponseId, good);
    expectRefusal(ended, 409, 'session_ended');
    expect(errorOf(ended).message).toContain('ended');

    // What was refused left nothing behind: only the one 280-character reply.
    const replies = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body.responses
      .flatMap((r) => r.replies)
      .map((r) => r.text.length);
    expect(replies).toEqual([280]);
  });

  it(`limits replies to ${WALL_REPLIES_PER_MINUTE} a minute per student and ${WALL_REPLIES_PER_RESPONSE_MAX} per response`, async () => {
    const { view, base, ada, ben, cy } = await classWithAWall();
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    for (let i = 0; i < WALL_REPLIES_PER_MINUTE; i += 1) {
      const sent = await reply(ben.student, base, adaResponseId, { kind: 'asks', text: `Q${i}` });
      expect(sent.status).toBe(201);
    }
    const limited = await reply(ben.student, base, adaResponseId, { kind: 'asks', text: 'More?' });
    expectRefusal(limited, 429, 'rate_limited');
    expect(errorOf(limited).message).toContain('Too many replies');

    // Others fill the response up to its cap; then it takes no more.
    const others = [cy.student];
    for (let i = 0; i < 2; i += 1) {
      const { student } = await joinAs(ctx.server.baseUrl, view.session.joinCode, `Extra ${i}`);
      await answer(student, base, thesisPrompt.id, `Extra ${i} answers.`);
      others.push(student);
    }
    let count = WALL_REPLIES_PER_MINUTE;
    for (const student of others) {
      for (
        let i = 0;
        i < WALL_REPLIES_PER_MINUTE && count < WALL_REPLIES_PER_RESPONSE_MAX;
        i += 1
      ) {
        const sent = await reply(student, base, adaResponseId, { kind: 'builds-on', text: 'And…' });
        expect(sent.status).toBe(201);
        count += 1;
      }
    }
    const full = await reply(others.at(-1)!, base, adaResponseId, {
      kind: 'asks',
      text: 'One more?',
    });
    expectRefusal(full, 409, 'invalid_input');
    expect(errorOf(full).message).toContain(`already has ${WALL_REPLIES_PER_RESPONSE_MAX} replies`);
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(
      WALL_REPLIES_PER_RESPONSE_MAX,
    );
  });

  it(`stores ${WALL_REPLIES_PER_RESPONSE_MAX} replies to a response when 60 arrive at once, 20 from each of three students`, async () => {
    const { view, base, ada, ben, cy } = await classWithAWall();
    const extra = await joinAs(ctx.server.baseUrl, view.session.joinCode, 'Extra');
    await answer(extra.student, base, thesisPrompt.id, 'Extra answers.');
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    const senders = [ben.student, cy.student, extra.student];
    const sent = await sendAtOnce(ctx.server.baseUrl, 60, (i) =>
      reply(senders[i % 3]!, base, adaResponseId, { kind: 'asks', text: `At once ${i}?` }),
    );
    expect(sent.filter((r) => r.status === 201)).toHaveLength(WALL_REPLIES_PER_RESPONSE_MAX);
    for (const refused of sent.filter((r) => r.status !== 201)) {
      expectRefusal(refused, 409, 'invalid_input');
    }
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(
      WALL_REPLIES_PER_RESPONSE_MAX,
    );
  });

  it(`keeps a session to ${WALL_REPLIES_PER_SESSION_MAX} replies when the last ones arrive 20 at once`, async () => {
    const { view, base, ada, cy, idOf } = await classWithAWall();
    // The wall already holds all but 10, on Ben's response (stored directly: sending them
    // would take a class 150 minutes of the per-minute limit).
    await ctx.server.db.query(
      `INSERT INTO wall_replies
         (id, session_id, item_id, response_participant_id, author_participant_id, kind, text)
       SELECT gen_random_uuid(), $1, $2, $3, $4, 'asks', 'Filler?' FROM generate_series(1, $5)`,
      [
        view.session.id,
        thesisPrompt.id,
        idOf('ben'),
        idOf('ada'),
        WALL_REPLIES_PER_SESSION_MAX - 10,
      ],
    );
    const adaResponseId = responseWithText(await viewOf(cy.student, base), texts.ada).responseId;
    const sent = await sendAtOnce(ctx.server.baseUrl, 20, (i) =>
      reply(cy.student, base, adaResponseId, { kind: 'asks', text: `At once ${i}?` }),
    );
    expect(sent.filter((r) => r.status === 201)).toHaveLength(10);
    for (const refused of sent.filter((r) => r.status !== 201)) {
      expectRefusal(refused, 409, 'invalid_input');
      expect(errorOf(refused).message).toContain(`${WALL_REPLIES_PER_SESSION_MAX} replies`);
    }
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(10);
  });

  it('lets the teacher hide and show a reply; another teacher finds no such session', async () => {
    const { teacher, base, ada, ben, idOf } = await classWithAWall();
    const adaResponseId = responseWithText(await viewOf(ben.student, base), texts.ada).responseId;
    const sent = await reply(ben.student, base, adaResponseId, { kind: 'challenges', text: 'No.' });
    const replyId = sent.body.replyId;
    const stream = await ada.student.openStream(`${base}/events`);
    try {
      await stream.nextOf('ready');
      const hidden = await teacher.post<TeacherWallReply>(`${base}/replies/${replyId}`, {
        isHidden: true,
      });
      expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
      expect(hidden.body).toMatchObject({
        replyId,
        isHidden: true,
        label: 'Ben',
        participantId: idOf('ben'),
      });
      expect((await stream.nextOf('wall.changed')).data).toEqual({
        type: 'wall.changed',
        itemId: thesisPrompt.id,
      });
    } finally {
      stream.close();
    }
    // Gone from the author's wall and from the writer's own.
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toEqual([]);
    expect(responseWithText(await viewOf(ben.student, base), texts.ada).replies).toEqual([]);
    // The teacher still sees it, flagged.
    const wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.find((r) => r.participantId === idOf('ada'))?.replies).toMatchObject([
      { replyId, isHidden: true },
    ]);

    const shown = await teacher.post<TeacherWallReply>(`${base}/replies/${replyId}`, {
      isHidden: false,
    });
    expect(shown.body.isHidden).toBe(false);
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(1);

    // Refusals: a bad body, no such reply, a student, another teacher.
    expectRefusal(
      await teacher.post(`${base}/replies/${replyId}`, {}),
      400,
      'invalid_input',
      'isHidden',
    );
    expectRefusal(
      await teacher.post(`${base}/replies/not-a-uuid`, { isHidden: true }),
      400,
      'invalid_input',
      'replyId',
    );
    expectRefusal(
      await teacher.post(`${base}/replies/${randomUUID()}`, { isHidden: true }),
      404,
      'not_found',
      'replyId',
    );
    expect((await ben.student.post(`${base}/replies/${replyId}`, { isHidden: true })).status).toBe(
      401,
    );
    const otherTeacher = await signUpTeacher(ctx.server.baseUrl, 'Other');
    const foreign = await otherTeacher.post(`${base}/replies/${replyId}`, { isHidden: true });
    expectRefusal(foreign, 404, 'session_not_found');
    expect(responseWithText(await viewOf(ada.student, base), texts.ada).replies).toHaveLength(1);
  });

  it('puts a student’s replies in their export and deletes them with their data', async () => {
    const { teacher, base, ada, ben, cy, idOf } = await classWithAWall();
    const benView = await viewOf(ben.student, base);
    const adaResponseId = responseWithText(benView, texts.ada).responseId;
    await reply(ben.student, base, adaResponseId, { kind: 'challenges', text: 'Ben challenges.' });
    const cyReply = await reply(cy.student, base, adaResponseId, {
      kind: 'asks',
      text: 'Cy asks.',
    });
    await teacher.post(`${base}/replies/${cyReply.body.replyId}`, { isHidden: true });

    const exportOf = async (who: 'ada' | 'ben' | 'cy') =>
      (await teacher.get<StudentDataExport>(`${base}/participants/${idOf(who)}/export`)).body;
    expect((await exportOf('ben')).wallReplies).toEqual([
      expect.objectContaining({
        kind: 'challenges',
        text: 'Ben challenges.',
        itemId: thesisPrompt.id,
        question: thesisPrompt.question,
        isHidden: false,
      }),
    ]);
    expect((await exportOf('cy')).wallReplies).toMatchObject([
      { text: 'Cy asks.', isHidden: true },
    ]);
    // Replies to Ada are her classmates' writing, not hers.
    expect((await exportOf('ada')).wallReplies).toEqual([]);
    const markdown = await teacher.get<string>(
      `${base}/participants/${idOf('ben')}/export?format=markdown`,
    );
    expect(markdown.body).toContain("## Replies to classmates on the class's wall (1)");
    expect(markdown.body).toContain(': challenges: "Ben challenges."');

    // Deleting Ben deletes his reply; deleting Ada deletes her response and the replies to it.
    await teacher.delete(`${base}/participants/${idOf('ben')}/data`);
    const adaThread = responseWithText(await viewOf(ada.student, base), texts.ada).replies;
    expect(adaThread).toEqual([]);
    let wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.flatMap((r) => r.replies).map((r) => r.text)).toEqual(['Cy asks.']);
    await teacher.delete(`${base}/participants/${idOf('ada')}/data`);
    wall = (await teacher.get<WallResponsesResponse>(`${base}/responses`)).body;
    expect(wall.responses.flatMap((r) => r.replies)).toEqual([]);
    expect((await exportOf('cy')).wallReplies).toEqual([]);
  });
});
