import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type {
  ProjectorView,
  ThemesResponse,
  TeacherWallResponse,
  WallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import { errorOf, expectRefusal } from './api-client';
import { describeWithServer } from './use-test-server';
import {
  dashboardHelpers,
  eventOf,
  evidencePrompt,
  gulfPrompt,
  misperceptionPrompt,
  prompt,
  restraint,
  sharedInterests,
  thesis,
  thesisPoll,
  thesisPrompt,
  timelinePrompt,
  wall,
} from './dashboard-fixtures';

describeWithServer('the teacher dashboard on %s: the response wall and themes', (ctx) => {
  const { answer, classOf, openReady } = dashboardHelpers(ctx);

  it('shows, filters, hides and spotlights responses on the wall', async () => {
    const { teacher, base, students } = await classOf('teacher-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    // The class starts on the thesis section; the prompt waits until the teacher opens it.
    expect(thesis.items.map((i) => i.id)).toContain(thesisPrompt.id);
    expect((await teacher.post(`${base}/items/${thesisPrompt.id}/open`)).status).toBe(200);
    expect((await teacher.post(`${base}/items/${thesisPoll.id}/open`)).status).toBe(200);
    const texts = {
      ana: 'The headline asks whether Trump wanted WAR with Iran.',
      ben: 'It asks if the killing was a mistake; the answer is no.',
      cy: 'A question about war and peace.',
      anaEvidence: 'Both want the Islamic State defeated.',
    };
    await answer(ana.client, base, thesisPrompt.id, prompt(texts.ana));
    await answer(ben.client, base, thesisPrompt.id, prompt(texts.ben));
    await answer(cy.client, base, thesisPrompt.id, prompt(texts.cy));
    // A poll answer is no response for the wall.
    await answer(ana.client, base, thesisPoll.id, {
      kind: 'poll',
      optionIds: [thesisPoll.options[0]!.id],
    });
    // A second prompt, in the next section.
    await teacher.post(`${base}/section`, { sectionId: sharedInterests.id });
    expect((await teacher.post(`${base}/items/${evidencePrompt.id}/open`)).status).toBe(200);
    await answer(ana.client, base, evidencePrompt.id, prompt(texts.anaEvidence));

    const all = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(all.status).toBe(200);
    expect(all.body.wallIdentity).toBe('anonymous');
    const summary = (responses: readonly WallResponse[]) =>
      responses
        .map((r) => [r.label, r.itemId, r.text, r.isHidden, r.isSpotlighted])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(summary(all.body.responses)).toEqual(
      summary([
        wall(ana, thesisPrompt.id, texts.ana),
        wall(ben, thesisPrompt.id, texts.ben),
        wall(cy, thesisPrompt.id, texts.cy),
        wall(ana, evidencePrompt.id, texts.anaEvidence),
      ]),
    );
    for (const r of all.body.responses) {
      expect([ana.id, ben.id, cy.id]).toContain(r.participantId);
      expect(Number.isNaN(Date.parse(r.updatedAt))).toBe(false);
    }

    const byItem = await teacher.get<WallResponsesResponse>(
      `${base}/responses?itemId=${encodeURIComponent(evidencePrompt.id)}`,
    );
    expect(byItem.body.responses.map((r) => [r.participantId, r.text])).toEqual([
      [ana.id, texts.anaEvidence],
    ]);
    // The search ignores case both ways: "war" finds "WAR", "WAR" finds "war".
    for (const q of ['war', 'WAR', ' wAr ']) {
      const found = await teacher.get<WallResponsesResponse>(
        `${base}/responses?q=${encodeURIComponent(q)}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.responses.map((r) => r.text).sort()).toEqual([texts.cy, texts.ana].sort());
    }
    const both = await teacher.get<WallResponsesResponse>(
      `${base}/responses?itemId=${evidencePrompt.id}&q=war`,
    );
    expect(both.body.responses).toEqual([]);
    const none = await teacher.get<WallResponsesResponse>(`${base}/responses?q=zebra`);
    expect(none.body.responses).toEqual([]);

    // A student's stream hears about moderation.
    const stream = await openReady(cy.client, base);
    const moderate = (participantId: string, itemId: string, body: unknown) =>
      teacher.post<TeacherWallResponse>(`${base}/responses/${participantId}/${itemId}`, body);

    const hidden = await moderate(ben.id, thesisPrompt.id, { isHidden: true });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body).toMatchObject({
      participantId: ben.id,
      itemId: thesisPrompt.id,
      text: texts.ben,
      isHidden: true,
      isSpotlighted: false,
    });
    const changed = await stream.nextOf('wall.changed');
    expect(eventOf(changed.data)).toEqual({ type: 'wall.changed', itemId: thesisPrompt.id });

    // The teacher still sees the hidden response, flagged.
    const afterHide = await teacher.get<WallResponsesResponse>(
      `${base}/responses?itemId=${thesisPrompt.id}`,
    );
    expect(afterHide.body.responses).toHaveLength(3);
    expect(afterHide.body.responses.find((r) => r.participantId === ben.id)).toMatchObject({
      label: 'Ben',
      isHidden: true,
    });
    expect(afterHide.body.responses.filter((r) => r.isHidden)).toHaveLength(1);

    // Students see nothing on the wall until the teacher reveals the prompt.
    const before = await cy.client.get<StudentSessionView>(`${base}/me`);
    expect(before.body.wall).toEqual([]);
    expect((await teacher.post(`${base}/items/${thesisPrompt.id}/reveal`)).status).toBe(200);
    const revealed = await cy.client.get<StudentSessionView>(`${base}/me`);
    expect(summary(revealed.body.wall)).toEqual(
      summary([
        { ...wall(ana, thesisPrompt.id, texts.ana), label: null },
        { ...wall(cy, thesisPrompt.id, texts.cy), label: null },
      ]),
    );

    // A spotlighted response goes on the projector, without a name while names are hidden.
    const spotlit = await moderate(ana.id, thesisPrompt.id, { isSpotlighted: true });
    expect(spotlit.status).toBe(200);
    expect(spotlit.body).toMatchObject({ isSpotlighted: true, isHidden: false, label: 'Ana' });
    expect(eventOf((await stream.nextOf('wall.changed')).data)).toEqual({
      type: 'wall.changed',
      itemId: thesisPrompt.id,
    });
    const projector = await teacher.get<ProjectorView>(`${base}/projector`);
    expect(projector.status).toBe(200);
    expect(projector.body.spotlight).toEqual([
      expect.objectContaining({
        itemId: thesisPrompt.id,
        text: texts.ana,
        label: null,
        isSpotlighted: true,
      }),
    ]);
    // The projector is the class's screen: no student ids on it.
    expect(projector.body.spotlight[0]).not.toHaveProperty('participantId');
    const studentWall = (await cy.client.get<StudentSessionView>(`${base}/me`)).body.wall;
    expect(studentWall.find((r) => r.text === texts.ana)).toMatchObject({
      isSpotlighted: true,
      label: null,
    });

    // Names appear on the students' wall and the projector once the teacher shows them.
    const settings = await teacher.post<TeacherSessionView>(`${base}/settings`, {
      wallIdentity: 'names',
    });
    expect(settings.status).toBe(200);
    expect(settings.body.wallIdentity).toBe('names');
    expect(eventOf((await stream.nextOf('wall.changed')).data)).toEqual({
      type: 'wall.changed',
      itemId: null,
    });
    const named = await cy.client.get<StudentSessionView>(`${base}/me`);
    expect(named.body.wall.map((r) => r.label).sort()).toEqual(['Ana', 'Cy']);
    const namedProjector = await teacher.get<ProjectorView>(`${base}/projector`);
    expect(namedProjector.body.spotlight.map((r) => r.label)).toEqual(['Ana']);
    expect((await teacher.get<WallResponsesResponse>(`${base}/responses`)).body.wallIdentity).toBe(
      'names',
    );
    expect((await teacher.get<TeacherSessionView>(base)).body.wallIdentity).toBe('names');

    // Refusals.
    expectRefusal(await moderate(ana.id, thesisPrompt.id, {}), 400, 'invalid_input');
    expectRefusal(
      await moderate(ana.id, thesisPrompt.id, { isHidden: 'yes' }),
      400,
      'invalid_input',
    );
    expect((await moderate(randomUUID(), thesisPrompt.id, { isHidden: true })).status).toBe(404);
    // Cy never answered the evidence prompt; a poll is no prompt.
    expect((await moderate(cy.id, evidencePrompt.id, { isHidden: true })).status).toBe(404);
    expect((await moderate(ana.id, thesisPoll.id, { isHidden: true })).status).toBe(404);
    expect((await moderate(ana.id, 'no-such-item', { isHidden: true })).status).toBe(404);
    expect((await teacher.post(`${base}/settings`, { wallIdentity: 'please' })).status).toBe(400);
    // The boolean it replaced is refused with the field named.
    expectRefusal(
      await teacher.post(`${base}/settings`, { showNames: true }),
      400,
      'invalid_input',
      'wallIdentity',
    );
    // None of that changed anything.
    const finalList = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(
      finalList.body.responses.map((r) => [r.participantId, r.itemId, r.isHidden, r.isSpotlighted]),
    ).toEqual(
      expect.arrayContaining([
        [ana.id, thesisPrompt.id, false, true],
        [ben.id, thesisPrompt.id, true, false],
        [cy.id, thesisPrompt.id, false, false],
        [ana.id, evidencePrompt.id, false, false],
      ]),
    );
    expect(finalList.body.responses).toHaveLength(4);
  });

  it('refreshes the class wall when a student answers a prompt already on it', async () => {
    const { teacher, base, students } = await classOf('teacher-paced', ['Ana', 'Ben']);
    const [ana, ben] = students;
    await teacher.post(`${base}/items/${thesisPrompt.id}/open`);
    await answer(ana.client, base, thesisPrompt.id, prompt('Before the reveal.'));
    const stream = await openReady(ben.client, base);
    // Before the reveal, a response changes no wall anyone sees.
    await answer(ana.client, base, thesisPrompt.id, prompt('Still before.'), 2);
    expect((await teacher.post(`${base}/items/${thesisPrompt.id}/reveal`)).status).toBe(200);
    // Answer first: Ben, who has not answered the prompt, is sent none of the class's responses.
    const unanswered = await ben.client.get<StudentSessionView>(`${base}/me`);
    expect(unanswered.body.wall).toEqual([]);
    await answer(ben.client, base, thesisPrompt.id, prompt('Ben’s own answer.'));
    await stream.nextOf('wall.changed');
    await answer(ana.client, base, thesisPrompt.id, prompt('After the reveal.'), 3);
    const changed = await stream.nextOf('wall.changed');
    expect(eventOf(changed.data)).toEqual({ type: 'wall.changed', itemId: thesisPrompt.id });
    const view = await ben.client.get<StudentSessionView>(`${base}/me`);
    expect(view.body.wall.map((r) => [r.text, r.isMine]).sort()).toEqual([
      ['After the reveal.', false],
      ['Ben’s own answer.', true],
    ]);
  });

  it('finds the phrases students share in a section’s responses', async () => {
    const { teacher, base, students } = await classOf('self-paced', [
      'Ana',
      'Ben',
      'Cy',
      'Dee',
      'Eli',
    ]);
    const [ana, ben, cy, dee, eli] = students;
    expect(restraint.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([timelinePrompt.id, gulfPrompt.id]),
    );
    await answer(
      ana.client,
      base,
      timelinePrompt.id,
      prompt('The Oil Tanker Attacks came in June.'),
    );
    await answer(ben.client, base, gulfPrompt.id, prompt('Riyadh feared more oil tanker attacks!'));
    await answer(cy.client, base, timelinePrompt.id, prompt('Drones, then oil tanker attacks.'));
    await answer(dee.client, base, gulfPrompt.id, prompt('The drone over the Gulf mattered.'));
    // The same phrase in another section's prompt does not count for this one.
    await answer(eli.client, base, misperceptionPrompt.id, prompt('Oil tanker attacks again.'));

    const themesOf = async () => {
      const response = await teacher.get<ThemesResponse>(
        `${base}/themes?sectionId=${encodeURIComponent(restraint.id)}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    };
    const themes = await themesOf();
    expect(themes.sectionId).toBe(restraint.id);
    expect(themes.responseCount).toBe(4);
    expect(themes.themes.find((t) => t.phrase === 'oil tanker attacks')).toEqual({
      phrase: 'oil tanker attacks',
      responses: 3,
    });
    // A phrase in one response only is no theme.
    expect(themes.themes.some((t) => t.phrase.includes('june'))).toBe(false);

    // A hidden response is not counted.
    const hidden = await teacher.post(`${base}/responses/${ben.id}/${gulfPrompt.id}`, {
      isHidden: true,
    });
    expect(hidden.status).toBe(200);
    const afterHide = await themesOf();
    expect(afterHide.responseCount).toBe(3);
    expect(afterHide.themes.find((t) => t.phrase === 'oil tanker attacks')).toEqual({
      phrase: 'oil tanker attacks',
      responses: 2,
    });

    const unknown = await teacher.get(`${base}/themes?sectionId=no-such-section`);
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'section_not_found', field: 'sectionId' });
    expectRefusal(await teacher.get(`${base}/themes`), 400, 'invalid_input');
  });
});
