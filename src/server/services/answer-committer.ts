import type { FastifyBaseLogger } from 'fastify';
import type { Answer } from '#domain/lesson/answers';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import { saveAnswers } from '../repositories/answers.repository';
import { saveInClassVersions } from '../repositories/forecasts.repository';
import {
  findItemStatesForUpdate,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { effectiveItemState } from '#domain/live/item-states';

/** An answer checked against its item, waiting to be committed. */
export interface AnswerToCommit {
  readonly session: Pick<ClassSessionRecord, 'id' | 'mode' | 'currentSectionId'>;
  /** The section that holds the item. */
  readonly sectionId: string;
  readonly isPrompt: boolean;
  readonly participantId: string;
  readonly itemId: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly answer: Answer;
  /** When it was given, by the forecasts' clock: a forecast's in-class version is dated so. */
  readonly madeAt: Date;
}

/** What the student is told once their answer is committed. */
export interface CommittedAnswer {
  readonly revision: number;
  readonly submissionId: string;
  /** The answer is a response on a wall the class already sees. */
  readonly isOnWall: boolean;
}

interface Waiting {
  readonly input: AnswerToCommit;
  resolve(committed: CommittedAnswer): void;
  reject(error: unknown): void;
}

/** More than this many answers wait for the next transaction. */
const MAX_BATCH = 500;

const keyOf = (input: AnswerToCommit) => `${input.participantId} ${input.itemId}`;

/**
 * Commits answers that arrive together in one transaction (a group commit): one lock of the
 * item's state, one INSERT and one COMMIT for a burst, instead of one of each per answer. Each
 * caller's promise settles only after the transaction holding its answer has committed (or
 * with the refusal or error that kept it out), so nothing is acknowledged before it is stored.
 *
 * One transaction runs at a time; answers arriving meanwhile wait for the next one. A refused
 * answer (its item closed) refuses only itself. When a transaction fails for another reason,
 * its answers are retried one per transaction, so one bad answer cannot fail its neighbours.
 */
export class AnswerCommitter {
  private queue: Waiting[] = [];
  private isRunning = false;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  commit(input: AnswerToCommit): Promise<CommittedAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.isRunning) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.isRunning = true;
    try {
      while (this.queue.length > 0) await this.commitBatch(this.takeBatch());
    } finally {
      this.isRunning = false;
    }
  }

  /**
   * The waiting answers in arrival order, at most one per student and item: a later revision of
   * the same answer waits for the next transaction, so revisions are written in the order sent.
   */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const keys = new Set<string>();
    for (const waiting of this.queue) {
      const key = keyOf(waiting.input);
      if (batch.length >= MAX_BATCH || keys.has(key)) {
        rest.push(waiting);
      } else {
        keys.add(key);
        batch.push(waiting);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async commitBatch(batch: readonly Waiting[]): Promise<void> {
    let outcomes: (CommittedAnswer | ApiError)[];
    try {
      outcomes = await this.db.transaction((tx) =>
        decideAndSave(
          tx,
          batch.map((w) => w.input),
        ),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      this.log.warn(
        { err: error },
        `a group commit of ${batch.length} answers failed; retrying them one by one`,
      );
      for (const waiting of batch) await this.commitBatch([waiting]);
      return;
    }
    // Committed: now, and only now, the callers hear back.
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof ApiError) waiting.reject(outcome);
      else waiting.resolve(outcome);
    });
  }
}

/** In one transaction: locks the items' states, refuses answers to closed items, saves the rest. */
async function decideAndSave(
  tx: Queryable,
  inputs: readonly AnswerToCommit[],
): Promise<(CommittedAnswer | ApiError)[]> {
  const items = new Map<string, { sessionId: string; itemId: string }>();
  for (const input of inputs) {
    items.set(`${input.session.id} ${input.itemId}`, {
      sessionId: input.session.id,
      itemId: input.itemId,
    });
  }
  // The items' rows stay locked until commit, so a close cannot slip in between.
  const stored = await findItemStatesForUpdate(tx, [...items.values()]);
  const decided = inputs.map((input) => {
    const state = effectiveItemState(
      input.session,
      input.itemId,
      stored.get(`${input.session.id} ${input.itemId}`),
    );
    const isCurrentSection =
      input.session.mode === 'self-paced' || input.sectionId === input.session.currentSectionId;
    if (state.status !== 'open' || !isCurrentSection) {
      return new ApiError(
        409,
        'item_not_open',
        state.status === 'closed'
          ? 'This question is closed: your teacher is no longer taking answers to it.'
          : 'This question is not open for answers yet.',
      );
    }
    return { input, isOnWall: input.isPrompt && state.isRevealed };
  });
  const accepted = decided.filter(
    (d): d is { input: AnswerToCommit; isOnWall: boolean } => !(d instanceof ApiError),
  );
  const held = await saveAnswers(
    tx,
    accepted.map(({ input }) => ({
      sessionId: input.session.id,
      participantId: input.participantId,
      itemId: input.itemId,
      submissionId: input.submissionId,
      revision: input.revision,
      answer: input.answer,
    })),
  );
  // A forecast answered in class is the student's in-class version (issue 26), replaced with
  // each newer revision; in the same transaction, so the two never disagree.
  await saveInClassVersions(
    tx,
    accepted.flatMap(({ input }, i) =>
      input.answer.kind === 'forecast' && held[i]!.submissionId === input.submissionId
        ? [
            {
              sessionId: input.session.id,
              participantId: input.participantId,
              itemId: input.itemId,
              probabilities: input.answer.probabilities,
              madeAt: input.madeAt,
            },
          ]
        : [],
    ),
  );
  let next = 0;
  return decided.map((d) => {
    if (d instanceof ApiError) return d;
    const saved = held[next]!;
    next += 1;
    return { revision: saved.revision, submissionId: saved.submissionId, isOnWall: d.isOnWall };
  });
}
