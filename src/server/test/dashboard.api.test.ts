import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Answer } from '#domain/lesson/answers';
import type { Item, Section } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  ForecastScores,
  ProjectorView,
  ScenarioOutcome,
  SessionListEntry,
  SessionReport,
  StudentTranscript,
  ThemesResponse,
  TeacherWallResponse,
  WallResponse,
  WallResponsesResponse,
} from '#domain/api/dashboard-contracts';
import type {
  AnswerAck,
  SessionSummary,
  StudentSessionView,
  TeacherSessionView,
} from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { parseCsv } from '#domain/reports/csv';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  joinAs,
  signUpTeacher,
  expectRefusal,
} from './api-client';
import { describeWithServer } from './use-test-server';

function sectionById(id: string): Section {
  const section = lesson.sections.find((s) => s.id === id);
  if (!section) throw new Error(`the lesson has no section ${id}`);
  return section;
}
function itemById<K extends Item['kind']>(id: string, kind: K): Extract<Item, { kind: K }> {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item?.kind !== kind) throw new Error(`the lesson has no ${kind} ${id}`);
  return item as Extract<Item, { kind: K }>;
}

// The lesson's first section ("thesis") holds a poll and a prompt; the teacher-paced class starts there.
const thesis = sectionById('thesis');
const thesisPrompt = itemById('thesis-question', 'prompt');
const thesisPoll = itemById('thesis-prior-knowledge', 'poll');
const sharedInterests = sectionById('shared-interests');
const evidencePrompt = itemById('shared-interests-evidence', 'prompt');
const restraint = sectionById('restraint-2019');
const timelinePrompt = itemById('restraint-timeline', 'prompt');
const gulfPrompt = itemById('restraint-gulf-view', 'prompt');
const misperceptionPrompt = itemById('misperception-chain', 'prompt');
const evaluatePrompt = itemById('lesson-evaluate', 'prompt');
const forecast = itemById('forecast-2020', 'forecast');
const [STRIKES, WAR, LEAVES, TALKS, DEMOCRAT] = [
  'iran-strikes-us-forces',
  'sustained-war',
  'us-leaves-iraq',
  'new-nuclear-talks',
  'democrat-wins',
] as const;

type ListedSession = SessionSummary & SessionListEntry;
/** A joined student: their client (with the participant cookie), id and label. */
interface Student {
  readonly client: ApiClient;
  readonly id: string;
  readonly label: string;
}

const prompt = (text: string): Answer => ({ kind: 'prompt', text });
const eventOf = (data: unknown) => data as LiveEvent;

/** Matches a number to `digits` decimals: the scores are sums of squares, not exact in binary. */
const near = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

/** Brier score of a forecast in percent, written out here rather than taken from the app. */
const brier = (percent: number, happened: boolean) => (percent / 100 - (happened ? 1 : 0)) ** 2;

/** A response as the teacher's wall lists it (`updatedAt` is not compared). */
function wall(
  student: { id: string; label: string },
  itemId: string,
  text: string,
): TeacherWallResponse {
  return {
    responseId: '',
    participantId: student.id,
    label: student.label,
    itemId,
    text,
    isHidden: false,
    isSpotlighted: false,
    updatedAt: '',
    pseudonym: null,
    replies: [],
  };
}

describeWithServer('the teacher dashboard on %s', (ctx) => {
  async function answer(
    student: ApiClient,
    base: string,
    itemId: string,
    given: Answer,
    revision = 1,
  ) {
    const ack = await student.put<AnswerAck>(`${base}/answers/${itemId}`, {
      submissionId: randomUUID(),
      revision,
      answer: given,
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
  }

  /** A teacher's session with students joined under the given names. */
  async function classOf<const Names extends readonly string[]>(
    mode: 'teacher-paced' | 'self-paced',
    names: Names,
  ) {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, mode);
    const id = view.session.id;
    const base = `/api/sessions/${id}`;
    const students: Student[] = [];
    for (const name of names) {
      const { student, joined } = await joinAs(ctx.server.baseUrl, view.session.joinCode, name);
      students.push({
        client: student,
        id: joined.participant.id,
        label: joined.participant.label,
      });
    }
    // One student per name, in order.
    const joined = students as unknown as { readonly [K in keyof Names]: Student };
    return { teacher, id, base, code: view.session.joinCode, students: joined };
  }

  async function openReady(client: ApiClient, base: string) {
    const stream = await client.openStream(`${base}/events`);
    expect((await stream.next()).event).toBe('ready');
    return stream;
  }

  it('lists the teacher’s sessions with counts of students and answers', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben] = students;
    const quiet = await createLiveSession(teacher, 'teacher-paced');
    await answer(ana.client, base, thesisPrompt.id, prompt('A question about war.'));
    await answer(ana.client, base, thesisPoll.id, {
      kind: 'poll',
      optionIds: [thesisPoll.options[0]!.id],
    });
    await answer(ben.client, base, thesisPrompt.id, prompt('First try.'));
    // A revised answer is still one answer.
    await answer(ben.client, base, thesisPrompt.id, prompt('Second try.'), 2);

    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    const busy = list.body.sessions.find((s) => s.id === id);
    expect(busy).toMatchObject({
      lessonId: lesson.id,
      lessonTitle: lesson.metadata.title,
      mode: 'self-paced',
      status: 'open',
      participantCount: 3,
      answerCount: 3,
    });
    expect(list.body.sessions.find((s) => s.id === quiet.session.id)).toMatchObject({
      mode: 'teacher-paced',
      participantCount: 0,
      answerCount: 0,
    });

    // Another teacher sees none of them.
    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expect((await other.get<{ sessions: unknown[] }>('/api/sessions')).body.sessions).toEqual([]);
  });

  it('stops counting a removed student and their answers in the list', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben']);
    const [ana, ben] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Mine.'));
    await answer(ben.client, base, thesisPrompt.id, prompt('His.'));
    await answer(ben.client, base, evaluatePrompt.id, prompt('Also his.'));
    expect((await teacher.delete(`${base}/participants/${ben.id}`)).status).toBe(200);

    // The session view and the report no longer count Ben's answers; the list must agree.
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.answerCounts).toEqual({ [thesisPrompt.id]: 1 });
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.body.participants.map((p) => [p.label, p.answers])).toEqual([['Ana', 1]]);
    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.body.sessions.find((s) => s.id === id)).toMatchObject({
      participantCount: 1,
      answerCount: 1,
    });
  });

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

  it('reveals forecast outcomes and scores the class and each student', async () => {
    const { teacher, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    expect(forecast.scenarios.map((s) => s.id)).toEqual([STRIKES, WAR, LEAVES, TALKS, DEMOCRAT]);
    const anaForecast = { [STRIKES]: 80, [WAR]: 30, [LEAVES]: 10, [TALKS]: 50, [DEMOCRAT]: 60 };
    // Cy gives no forecast (a forecast must give every scenario).
    const benForecast = { [STRIKES]: 20, [WAR]: 70, [LEAVES]: 40, [TALKS]: 30, [DEMOCRAT]: 90 };
    await answer(ana.client, base, forecast.id, { kind: 'forecast', probabilities: anaForecast });
    await answer(ben.client, base, forecast.id, { kind: 'forecast', probabilities: benForecast });

    // The lesson's outcomes, with one edited by the teacher: US forces "left" Iraq.
    const outcomes: Record<string, ScenarioOutcome> = Object.fromEntries(
      forecast.scenarios.map((s) => [
        s.id,
        { happened: s.resolution!.happened, text: s.resolution!.text },
      ]),
    );
    expect(outcomes[LEAVES]!.happened).toBe(false);
    outcomes[LEAVES] = { happened: true, text: 'Edited: our class counts the drawdown.' };
    const happened: Record<string, boolean> = Object.fromEntries(
      Object.entries(outcomes).map(([id, o]) => [id, o.happened]),
    );
    expect(happened).toEqual({
      [STRIKES]: true,
      [WAR]: false,
      [LEAVES]: true,
      [TALKS]: false,
      [DEMOCRAT]: true,
    });

    const { [TALKS]: _left, ...missingOne } = outcomes;
    const missing = await teacher.post(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes: missingOne,
    });
    expectRefusal(missing, 400, 'invalid_input');
    expect(errorOf(missing).field).toBe('outcomes');
    expect(errorOf(missing).message).toContain('outcomes');
    expect(errorOf(missing).message).toContain(TALKS);
    const extra = await teacher.post(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes: { ...outcomes, 'no-such-scenario': { happened: true, text: 'x' } },
    });
    expectRefusal(extra, 400, 'invalid_input');
    expect(errorOf(extra).field).toBe('outcomes');
    const notForecast = await teacher.post(`${base}/outcomes`, {
      itemId: thesisPrompt.id,
      outcomes,
    });
    expectRefusal(notForecast, 404, 'item_not_found');
    expectRefusal(
      await teacher.post(`${base}/outcomes`, { itemId: 'no-such-item', outcomes }),
      404,
      'item_not_found',
    );
    // Nothing was revealed by the refused requests.
    expect((await teacher.get<TeacherSessionView>(base)).body.forecastScores).toEqual([]);
    expect((await ana.client.get<StudentSessionView>(`${base}/me`)).body.forecastScores).toEqual(
      [],
    );

    const stream = await openReady(cy.client, base);
    const revealed = await teacher.post<TeacherSessionView>(`${base}/outcomes`, {
      itemId: forecast.id,
      outcomes,
    });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(eventOf((await stream.nextOf('outcomes.revealed')).data)).toEqual({
      type: 'outcomes.revealed',
      itemId: forecast.id,
    });

    // Expected figures, from the students' numbers and the teacher's outcomes.
    const given = [anaForecast, benForecast] as Record<string, number>[];
    const avg = (values: number[]) =>
      values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
    const expectedScenarios = forecast.scenarios.map((s) => {
      const values = given.flatMap((f) => (f[s.id] === undefined ? [] : [f[s.id]!]));
      return {
        scenarioId: s.id,
        happened: happened[s.id],
        classMean: avg(values),
        classBrier: avg(values.map((v) => brier(v, happened[s.id]!))),
      };
    });
    // Written out by hand as a check on the check.
    expect(expectedScenarios.map((s) => [s.classMean, s.classBrier])).toEqual([
      [50, near(0.34, 10)],
      [50, near(0.29, 10)],
      [25, near(0.585, 10)],
      [40, near(0.17, 10)],
      [75, near(0.085, 10)],
    ]);
    const studentBrier = (f: Record<string, number>) =>
      avg(Object.entries(f).map(([id, p]) => brier(p, happened[id]!)));
    expect(studentBrier(anaForecast)).toBeCloseTo(0.27, 10);
    expect(studentBrier(benForecast)).toBeCloseTo(0.318, 10);

    const checkClassScores = (scores: ForecastScores) => {
      expect(scores.itemId).toBe(forecast.id);
      expect(scores.outcomes).toEqual(outcomes);
      expect(scores.scenarios).toHaveLength(expectedScenarios.length);
      scores.scenarios.forEach((actual, index) => {
        const expected = expectedScenarios[index]!;
        expect(actual.scenarioId).toBe(expected.scenarioId);
        expect(actual.happened).toBe(expected.happened);
        expect(actual.classMean).toBeCloseTo(expected.classMean!, 10);
        expect(actual.classBrier).toBeCloseTo(expected.classBrier!, 10);
      });
      expect(scores.classMeanBrier).toBeCloseTo(2.94 / 10, 10);
    };

    const teacherScores = revealed.body.forecastScores;
    expect(teacherScores).toHaveLength(1);
    const scores = teacherScores[0]!;
    checkClassScores(scores);
    expect(scores).not.toHaveProperty('mine');
    expect([...(scores.students ?? [])].sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { participantId: ana.id, label: 'Ana', meanBrier: near(0.27, 10) },
      { participantId: ben.id, label: 'Ben', meanBrier: near(0.318, 10) },
    ]);
    // Calibration in fifths: which forecasts fell where, and how many of them came true.
    expect(scores.calibration).toEqual([
      { from: 0, to: 20, forecasts: 1, happened: 1, meanProbability: 10, observedRate: 1 },
      {
        from: 20,
        to: 40,
        forecasts: 3,
        happened: 1,
        meanProbability: near(80 / 3, 10),
        observedRate: near(1 / 3, 10),
      },
      { from: 40, to: 60, forecasts: 2, happened: 1, meanProbability: 45, observedRate: 0.5 },
      { from: 60, to: 80, forecasts: 2, happened: 1, meanProbability: 65, observedRate: 0.5 },
      { from: 80, to: 100, forecasts: 2, happened: 2, meanProbability: 85, observedRate: 1 },
    ]);
    // The same scores on a later read of the teacher's view.
    expect((await teacher.get<TeacherSessionView>(base)).body.forecastScores).toEqual(
      teacherScores,
    );

    // Each student sees the class's figures and their own, never a classmate's.
    const scoresOf = async (client: ApiClient) => {
      const view = await client.get<StudentSessionView>(`${base}/me`);
      expect(view.body.forecastScores).toHaveLength(1);
      const mine = view.body.forecastScores[0]!;
      checkClassScores(mine);
      expect(mine).not.toHaveProperty('students');
      expect(mine).not.toHaveProperty('calibration');
      return mine.mine;
    };
    const perScenario = (f: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(f).map(([id, p]) => [id, near(brier(p, happened[id]!), 10)]),
      );
    expect(await scoresOf(ana.client)).toEqual({
      perScenario: perScenario(anaForecast),
      meanBrier: near(0.27, 10),
    });
    expect(await scoresOf(ben.client)).toEqual({
      perScenario: perScenario(benForecast),
      meanBrier: near(0.318, 10),
    });
    expect(await scoresOf(cy.client)).toEqual({ perScenario: {}, meanBrier: null });

    // The projector shows the class's figures only.
    const projector = await teacher.get<ProjectorView>(`${base}/projector`);
    expect(projector.body.forecastScores).toHaveLength(1);
    expect(projector.body.forecastScores[0]).not.toHaveProperty('students');

    // The forecast's results spread each scenario over ten tenths.
    const results = revealed.body.results.find((r) => r.itemId === forecast.id);
    expect(results?.kind).toBe('forecast');
    if (results?.kind === 'forecast') {
      const strikes = results.scenarios.find((s) => s.scenarioId === STRIKES)!;
      expect(strikes.count).toBe(2);
      expect(strikes.buckets).toHaveLength(10);
      expect(strikes.buckets[2]).toBe(1);
      expect(strikes.buckets[8]).toBe(1);
      expect(strikes.buckets.reduce((sum, n) => sum + n, 0)).toBe(2);
    }
  });

  it('reports a session: figures, every response, summaries and a transcript', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    const optionId = thesisPoll.options[1]!.id;
    await answer(ana.client, base, thesisPrompt.id, prompt('Ana on the thesis.'));
    await answer(ana.client, base, thesisPoll.id, { kind: 'poll', optionIds: [optionId] });
    await answer(ben.client, base, thesisPrompt.id, prompt('Ben on the thesis.'));
    await answer(ben.client, base, evaluatePrompt.id, prompt('Ben weighs it up.'));
    const summaryText = 'Most of the class read the headline as a question about war.';
    expect(
      (await teacher.post(`${base}/summaries/${thesis.id}`, { text: summaryText })).status,
    ).toBe(200);

    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.status).toBe(200);
    expect(report.body.sessionId).toBe(id);
    expect(report.body.lessonTitle).toBe(lesson.metadata.title);
    expect(report.body.participants.map((p) => [p.id, p.label, p.answers])).toEqual([
      [ana.id, 'Ana', 2],
      [ben.id, 'Ben', 2],
      [cy.id, 'Cy', 0],
    ]);
    const answered: Record<string, number> = {
      [thesisPrompt.id]: 2,
      [thesisPoll.id]: 1,
      [evaluatePrompt.id]: 1,
    };
    expect(report.body.sections).toEqual(
      lesson.sections.map((section) => ({
        sectionId: section.id,
        items: section.items.map((item) => ({ itemId: item.id, answered: answered[item.id] ?? 0 })),
        summary: section.id === thesis.id ? summaryText : null,
      })),
    );
    expect(
      report.body.responses
        .map((r) => [r.label, r.itemId, r.text])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      ['Ana', thesisPrompt.id, 'Ana on the thesis.'],
      ['Ben', thesisPrompt.id, 'Ben on the thesis.'],
      ['Ben', evaluatePrompt.id, 'Ben weighs it up.'],
    ]);
    expect(report.body.forecastScores).toEqual([]);

    const transcript = await teacher.get<StudentTranscript>(
      `${base}/participants/${ana.id}/transcript`,
    );
    expect(transcript.status).toBe(200);
    expect(transcript.body.participant).toMatchObject({ id: ana.id, label: 'Ana' });
    expect(
      transcript.body.entries
        .map((e) => ({ itemId: e.itemId, answer: e.answer }))
        .sort((a, b) => a.itemId.localeCompare(b.itemId)),
    ).toEqual(
      [
        { itemId: thesisPrompt.id, answer: prompt('Ana on the thesis.') },
        { itemId: thesisPoll.id, answer: { kind: 'poll', optionIds: [optionId] } },
      ].sort((a, b) => a.itemId.localeCompare(b.itemId)),
    );
    const empty = await teacher.get<StudentTranscript>(`${base}/participants/${cy.id}/transcript`);
    expect(empty.status).toBe(200);
    expect(empty.body.entries).toEqual([]);

    // A student of another session (even the same teacher's) is not in this one.
    const other = await createLiveSession(teacher, 'self-paced');
    const stranger = await joinAs(ctx.server.baseUrl, other.session.joinCode, 'Zed');
    const foreign = await teacher.get(
      `${base}/participants/${stranger.joined.participant.id}/transcript`,
    );
    expectRefusal(foreign, 404, 'not_found');
    expect((await teacher.get(`${base}/participants/${randomUUID()}/transcript`)).status).toBe(404);
  });

  it('exports every answer as a CSV attachment that survives a round trip', async () => {
    const { teacher, base, code, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = students;
    const tricky = 'He said, "no war"\nand meant it.';
    const foreign = 'Привет, 世界';
    const formula = '=HYPERLINK("http://evil.example","click")';
    const option = thesisPoll.options[0]!;
    await answer(ana.client, base, thesisPrompt.id, prompt(tricky));
    await answer(ana.client, base, thesisPoll.id, { kind: 'poll', optionIds: [option.id] });
    await answer(ben.client, base, thesisPrompt.id, prompt(foreign));
    await answer(cy.client, base, evaluatePrompt.id, prompt(formula));

    const csv = await teacher.get<string>(`${base}/answers.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(csv.headers.get('content-disposition')).toContain(code);
    expect(typeof csv.body).toBe('string');
    const records = parseCsv(csv.body);
    expect(records[0]).toEqual([
      'student',
      'section',
      'section_title',
      'item_id',
      'item_kind',
      'question',
      'answer',
      'answered_at',
    ]);
    const rows = records.slice(1);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(8);
    const rowOf = (student: string, itemId: string) => {
      const found = rows.filter((r) => r[0] === student && r[3] === itemId);
      expect(found, `${student} ${itemId}`).toHaveLength(1);
      return found[0]!;
    };
    const sectionNumber = (sectionId: string) =>
      String(lesson.sections.findIndex((s) => s.id === sectionId) + 1);
    const last = lesson.sections.at(-1)!;
    expect(rowOf('Ana', thesisPrompt.id).slice(0, 7)).toEqual([
      'Ana',
      '1',
      thesis.title,
      thesisPrompt.id,
      'prompt',
      thesisPrompt.question,
      tricky,
    ]);
    expect(Number.isNaN(Date.parse(rowOf('Ana', thesisPrompt.id)[7]!))).toBe(false);
    expect(rowOf('Ana', thesisPoll.id).slice(4, 7)).toEqual([
      'poll',
      thesisPoll.question,
      option.label,
    ]);
    expect(rowOf('Ben', thesisPrompt.id)[6]).toBe(foreign);
    const formulaRow = rowOf('Cy', evaluatePrompt.id);
    expect(formulaRow.slice(1, 3)).toEqual([sectionNumber(last.id), last.title]);
    // The formula guard: a spreadsheet shows the text instead of running it.
    expect(formulaRow[6]).toBe(`'${formula}`);

    // UTF-8 with a byte order mark, for Excel.
    const bytes = await teacher.getBytes(`${base}/answers.csv`);
    expect([...bytes.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.body)).toBe(
      `\uFEFF${csv.body}`,
    );
  });

  it('deletes a session for good, and only for its owner', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana']);
    const [ana] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Still here.'));

    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expectRefusal(await other.delete(base), 404, 'session_not_found');
    // Nothing was deleted.
    const kept = await teacher.get<TeacherSessionView>(base);
    expect(kept.status).toBe(200);
    expect(kept.body.participants.map((p) => p.id)).toEqual([ana.id]);
    expect(kept.body.answerCounts).toEqual({ [thesisPrompt.id]: 1 });
    expect((await ana.client.get<StudentSessionView>(`${base}/me`)).status).toBe(200);

    const stream = await openReady(ana.client, base);
    const deleted = await teacher.delete(base);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    // The student's stream is closed.
    expect(await stream.waitForEnd(3000)).toBe(true);

    for (const path of [
      base,
      `${base}/report`,
      `${base}/answers.csv`,
      `${base}/responses`,
      `${base}/projector`,
      `${base}/participants/${ana.id}/transcript`,
    ]) {
      expectRefusal(await teacher.get(path), 404, 'session_not_found');
    }
    expectRefusal(await teacher.delete(base), 404, 'session_not_found');
    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.body.sessions.map((s) => s.id)).not.toContain(id);
    const me = await ana.client.get(`${base}/me`);
    expect([401, 404]).toContain(me.status);
  });

  it('keeps the dashboard from students', async () => {
    const { teacher, base, students } = await classOf('self-paced', ['Ana']);
    const [ana] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Mine.'));
    const student = ana.client;
    const outcomes = Object.fromEntries(
      forecast.scenarios.map((s) => [s.id, { happened: true, text: 'Yes.' }]),
    );
    const attempts = [
      await student.get('/api/sessions'),
      await student.get(`${base}/responses`),
      await student.post(`${base}/responses/${ana.id}/${thesisPrompt.id}`, { isSpotlighted: true }),
      await student.post(`${base}/settings`, { wallIdentity: 'names' }),
      await student.get(`${base}/themes?sectionId=${thesis.id}`),
      await student.post(`${base}/outcomes`, { itemId: forecast.id, outcomes }),
      await student.get(`${base}/report`),
      await student.get(`${base}/participants/${ana.id}/transcript`),
      await student.get(`${base}/answers.csv`),
      await student.get(`${base}/projector`),
      await student.delete(base),
    ];
    for (const response of attempts) {
      expect([401, 404]).toContain(response.status);
      expect(['not_signed_in', 'session_not_found']).toContain(errorOf(response).code);
    }
    // None of it happened.
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.status).toBe(200);
    expect(view.body.wallIdentity).toBe('anonymous');
    expect(view.body.forecastScores).toEqual([]);
    const responses = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(responses.body.responses).toEqual([
      expect.objectContaining({ participantId: ana.id, isSpotlighted: false, isHidden: false }),
    ]);
  });
});
