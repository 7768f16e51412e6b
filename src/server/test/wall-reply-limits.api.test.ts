import { expect, it } from 'vitest';
import {
  WALL_REPLIES_PER_MINUTE,
  WALL_REPLIES_PER_RESPONSE_MAX,
  WALL_REPLIES_PER_SESSION_MAX,
} from '#domain/live/wall-replies';
import { errorOf, expectRefusal, joinAs, sendAtOnce } from './api-client';
import { describeWithServer } from './use-test-server';
import { texts, thesisPrompt, wallReplyHelpers } from './wall-replies-fixtures';

describeWithServer('replies on the class wall on %s: limits', (ctx) => {
  const { answer, classWithAWall, viewOf, responseWithText, reply } = wallReplyHelpers(ctx);

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
});
