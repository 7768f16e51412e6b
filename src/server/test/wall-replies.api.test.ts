import { expect, it } from 'vitest';
import type {
  ProjectorView,
  SessionReport,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import { createLiveSession, errorOf, expectRefusal, joinAs } from './api-client';
import { describeWithServer } from './use-test-server';
import {
  PSEUDONYM,
  evidencePrompt,
  texts,
  thesisPrompt,
  wallReplyHelpers,
} from './wall-replies-fixtures';

describeWithServer('replies on the class wall on %s', (ctx) => {
  const { answer, classWithAWall, viewOf, responseWithText, reply } = wallReplyHelpers(ctx);

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
});
