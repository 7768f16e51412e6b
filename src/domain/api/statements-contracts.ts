import { z } from 'zod';
import { STATEMENT_TEXT_MAX } from '../lesson/lesson-constants';
import type { DeepReadonly } from '../live/deep-readonly';

/**
 * Shapes of the class statements API (an item of kind `statements`): students write short
 * statements and vote on their classmates'; the server groups them into an opinion map
 * (discussion/opinion-map.ts) and every screen shows it in its own way.
 */

const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);

export const STATEMENT_STATUSES = ['pending', 'shown', 'hidden'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const STATEMENT_VOTES = ['agree', 'disagree', 'pass'] as const;
export type StatementVote = (typeof STATEMENT_VOTES)[number];

export const addStatementRequestSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'write a statement first')
    .max(STATEMENT_TEXT_MAX, `a statement is at most ${STATEMENT_TEXT_MAX} characters`)
    .regex(/^[^\r\n]*$/, 'a statement is one line, without line breaks'),
});

export const voteRequestSchema = z.object({ vote: z.enum(STATEMENT_VOTES) });

export const moderateStatementRequestSchema = z.object({
  status: z.enum(['shown', 'hidden']),
});

const statementTextSchema = z.object({ statementId: z.string(), text: z.string() });

const groupStatementSchema = statementTextSchema.extend({
  direction: z.enum(['agree', 'disagree']),
  /** The share of the group voting that way. */
  percent,
});

/** The opinion map as the class may see it: no one's id or name. */
export const classMapSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('too-few-votes'),
    /** What is still missing before a map can be drawn. */
    needed: z.object({ participants: count, votesEach: count, statements: count }),
    counts: z.object({ participants: count, statements: count, votes: count }),
  }),
  z.object({
    status: z.literal('ready'),
    counts: z.object({ participants: count, statements: count, votes: count }),
    /** One dot per student on the map, -1 to 1 on both axes; empty in a student's view. */
    points: z.array(z.object({ x: z.number(), y: z.number(), group: z.string() })),
    groups: z.array(
      z.object({
        label: z.string(),
        size: count,
        /** What the group agrees or disagrees on more than the rest of the class. */
        statements: z.array(groupStatementSchema),
      }),
    ),
    /** Statements every group agrees on. */
    consensus: z.array(statementTextSchema),
    /** Statements the groups split on most. */
    divisive: z.array(statementTextSchema),
  }),
]);
export type ClassMap = DeepReadonly<z.infer<typeof classMapSchema>>;
export type ReadyClassMap = Extract<ClassMap, { status: 'ready' }>;

/** One class-statements item as a student sees it. */
export const studentStatementsViewSchema = z.object({
  itemId: z.string(),
  /**
   * The classmate's statement to vote on: the one already on the student's screen while they
   * can still vote on it, else the least voted, newest first; null when none.
   */
  next: z
    .object({
      id: z.string(),
      text: z.string(),
      /** The lesson's own statement, the teacher's; false for a classmate's. */
      isTeachers: z.boolean(),
    })
    .nullable(),
  votes: count,
  /** Statements shown to the class that the student did not write. */
  toVoteOn: count,
  mine: z.array(z.object({ id: z.string(), text: z.string(), status: z.enum(STATEMENT_STATUSES) })),
  map: classMapSchema,
  /** The student's group on the map; null before the map, or before they have voted enough. */
  myGroup: z.string().nullable(),
});
export type StudentStatementsView = DeepReadonly<z.infer<typeof studentStatementsViewSchema>>;

/** One class-statements item as its teacher sees it: who wrote what, and who is in each group. */
export const teacherStatementsViewSchema = z.object({
  itemId: z.string(),
  statements: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      /** The student who wrote it; null for the lesson's own. */
      author: z.string().nullable(),
      status: z.enum(STATEMENT_STATUSES),
      agree: count,
      disagree: count,
      pass: count,
      createdAt: z.string(),
    }),
  ),
  map: classMapSchema,
  /** Each group's members, by name, in the map's group order. */
  members: z.array(z.object({ label: z.string(), students: z.array(z.string()) })),
});
export type TeacherStatementsView = DeepReadonly<z.infer<typeof teacherStatementsViewSchema>>;
