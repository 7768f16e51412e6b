import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PollItem } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { AnswerAck, StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import type { Database } from '../db/database';
import {
  ApiClient,
  createLiveSession,
  expectRefusal,
  joinAs,
  signUpTeacher,
  type ApiResponse,
} from './api-client';
import { closeOpenStreams } from './event-stream-reader';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './test-server';
import { describeEachStorage } from './use-test-server';

const firstSection = lesson.sections[0]!;
const poll = firstSection.items.find((item): item is PollItem => item.kind === 'poll')!;
/** A prompt of the first section the teacher never opens in these tests. */
const unopened = firstSection.items.find((item) => item.kind === 'prompt')!;

const pollAnswer = (optionIndex: number, revision = 1, submissionId = randomUUID()) => ({
  submissionId,
  revision,
  answer: { kind: 'poll', optionIds: [poll.options[optionIndex % poll.options.length]!.id] },
});

/** What the tests do to the server's transactions once its class is set up. */
interface CommitControl {
  /** While set, a transaction waits for it after its work, before it commits. */
  hold: Promise<void> | null;
  /** A transaction's commit fails (it is rolled back) while true. */
  failCommits: boolean;
}

/** The database, with its transactions' commits held back or failed as `control` says. */
function controlledDatabase(inner: TestDatabase, control: CommitControl): TestDatabase {
  return {
    kind: inner.kind,
    destroy: () => inner.destroy(),
    async open(): Promise<Database> {
      const db = await inner.open();
      return {
        ...db,
        transaction: (work) =>
          db.transaction(async (tx) => {
            const result = await work(tx);
            if (control.hold) await control.hold;
            if (control.failCommits) throw new Error('the commit failed (test)');
            return result;
          }),
      };
    },
  };
}

const settledWithin = async <T>(promise: Promise<T>, ms: number): Promise<boolean> =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, ms),
    ),
  ]);

describeEachStorage('answers committed together on %s', { timeout: 60_000 }, (kind) => {
  const control: CommitControl = { hold: null, failCommits: false };
  let database: TestDatabase;
  let server: TestServer;

  beforeEach(async () => {
    control.hold = null;
    control.failCommits = false;
    database = controlledDatabase(await createTestDatabase(kind), control);
    server = await startTestServer(database);
  });
  afterEach(async () => {
    control.hold = null;
    control.failCommits = false;
    closeOpenStreams();
    await server.close();
    await database.destroy();
  });

  /** A teacher-paced class of `size` students with the first section's poll open. */
  async function classWithOpenPoll(size: number) {
    const teacher = await signUpTeacher(server.baseUrl);
    const view = await createLiveSession(teacher, 'teacher-paced');
    const base = `/api/sessions/${view.session.id}`;
    const students: ApiClient[] = [];
    for (let i = 0; i < size; i += 1) {
      students.push((await joinAs(server.baseUrl, view.session.joinCode, `Student ${i}`)).student);
    }
    expect((await teacher.post(`${base}/items/${poll.id}/open`, {})).status).toBe(200);
    const counts = async () => (await teacher.get<TeacherSessionView>(base)).body.answerCounts;
    const answersOf = async (student: ApiClient) =>
      (await student.get<StudentSessionView>(`${base}/me`)).body.myAnswers;
    return { base, students, counts, answersOf };
  }

  it('gives each of many answers sent at once its own outcome', async () => {
    const { base, students, counts, answersOf } = await classWithOpenPoll(12);
    const [first, second, third] = students as [ApiClient, ApiClient, ApiClient];
    const url = `${base}/answers/${poll.id}`;
    const retried = pollAnswer(1);
    const older = pollAnswer(0, 1);
    const newer = pollAnswer(2, 2);

    const sent = await Promise.all([
      ...students.map((s, i) => (i < 3 ? null : s.put<AnswerAck>(url, pollAnswer(i)))),
      // The same submission twice (a retry after a timeout).
      first.put<AnswerAck>(url, retried),
      first.put<AnswerAck>(url, retried),
      // Two revisions of one answer, sent together.
      second.put<AnswerAck>(url, newer),
      second.put<AnswerAck>(url, older),
      // A question the teacher has not opened: refused, and only this one.
      third.put<AnswerAck>(`${base}/answers/${unopened.id}`, {
        submissionId: randomUUID(),
        revision: 1,
        answer: { kind: 'prompt', text: 'Too early.' },
      }),
      third.put<AnswerAck>(url, pollAnswer(3)),
    ]);
    const acks = sent.filter((r): r is ApiResponse<AnswerAck> => r !== null);
    const [retry1, retry2, newerAck, olderAck, refused, thirdAck] = acks.slice(-6) as [
      ApiResponse<AnswerAck>,
      ApiResponse<AnswerAck>,
      ApiResponse<AnswerAck>,
      ApiResponse<AnswerAck>,
      ApiResponse,
      ApiResponse<AnswerAck>,
    ];
    for (const ack of acks.slice(0, -6)) expect(ack.status).toBe(200);
    for (const ack of [retry1, retry2]) {
      expect(ack.body).toEqual({
        itemId: poll.id,
        submissionId: retried.submissionId,
        revision: 1,
      });
    }
    expect(newerAck.body).toEqual({
      itemId: poll.id,
      submissionId: newer.submissionId,
      revision: 2,
    });
    // Whichever arrived first, the newer revision is what ends up held.
    expect(olderAck.status).toBe(200);
    expect([older.submissionId, newer.submissionId]).toContain(olderAck.body.submissionId);
    expectRefusal(refused, 409, 'item_not_open');
    expect(thirdAck.status).toBe(200);

    expect(await counts()).toEqual({ [poll.id]: 12 });
    expect(await answersOf(second)).toEqual([
      { itemId: poll.id, answer: newer.answer, revision: 2 },
    ]);
    expect(await answersOf(third)).toEqual([
      { itemId: poll.id, answer: pollAnswer(3).answer, revision: 1 },
    ]);
  });

  it('acknowledges an answer only once its transaction has committed', async () => {
    const { base, students, counts, answersOf } = await classWithOpenPoll(3);
    const url = `${base}/answers/${poll.id}`;
    let release = () => {};
    control.hold = new Promise((resolve) => {
      release = resolve;
    });
    const puts = students.map((s, i) => s.put<AnswerAck>(url, pollAnswer(i)));
    // Saved inside the transaction but not committed: nobody has heard back.
    expect(await settledWithin(Promise.all(puts), 400)).toBe(false);
    control.hold = null;
    release();
    for (const put of await Promise.all(puts)) expect(put.status).toBe(200);
    expect(await counts()).toEqual({ [poll.id]: 3 });
    expect(await answersOf(students[0]!)).toEqual([
      { itemId: poll.id, answer: pollAnswer(0).answer, revision: 1 },
    ]);
  });

  it('acknowledges nothing whose commit failed, and takes it again afterwards', async () => {
    const { base, students, counts, answersOf } = await classWithOpenPoll(3);
    const url = `${base}/answers/${poll.id}`;
    const bodies = students.map((_, i) => pollAnswer(i));
    control.failCommits = true;
    const failed = await Promise.all(students.map((s, i) => s.put<AnswerAck>(url, bodies[i])));
    for (const response of failed) expectRefusal(response, 500, 'internal');
    control.failCommits = false;
    expect(await counts()).toEqual({});
    expect(await answersOf(students[0]!)).toEqual([]);

    // The students' outboxes send the same submissions again.
    const again = await Promise.all(students.map((s, i) => s.put<AnswerAck>(url, bodies[i])));
    for (const [i, response] of again.entries()) {
      expect(response.body).toEqual({
        itemId: poll.id,
        submissionId: bodies[i]!.submissionId,
        revision: 1,
      });
    }
    expect(await counts()).toEqual({ [poll.id]: 3 });
  });
});
