import { z } from 'zod';
import type { DeepReadonly } from '../live/deep-readonly';

/**
 * The opinion map's shape, as it will be sent to teachers and students. Percents are whole
 * numbers of the votes cast (passes included), coordinates and scores are rounded, so a map
 * of a large class stays small on the wire.
 */

const percent = z.number().int().min(0).max(100);

/** How one group voted on a statement. */
export const groupShareSchema = z.object({
  agreePercent: percent,
  disagreePercent: percent,
  votes: z.number().int().min(0),
});

/** A statement a group agrees (or disagrees) with more than the rest of the class does. */
export const representativeStatementSchema = z.object({
  statementId: z.string(),
  direction: z.enum(['agree', 'disagree']),
  /** The share of the group's votes in that direction. */
  percent,
  /** The share of the rest of the map's votes in that direction. */
  restPercent: percent,
  /** How many times likelier the group is to vote that way than the rest (smoothed). */
  ratio: z.number().min(0),
});

export const opinionGroupSchema = z.object({
  label: z.string(),
  memberIds: z.array(z.string()),
  size: z.number().int().min(1),
  agreesMore: z.array(representativeStatementSchema),
  disagreesMore: z.array(representativeStatementSchema),
});

export const mapPointSchema = z.object({
  /** Dropped once the item closes (class-map.ts, withoutParticipants). */
  participantId: z.string().optional(),
  x: z.number().min(-1).max(1),
  y: z.number().min(-1).max(1),
  groupLabel: z.string(),
});

export const consensusStatementSchema = z.object({
  statementId: z.string(),
  /** The product over groups of each group's smoothed agree share: high when all agree. */
  score: z.number().min(0).max(1),
  /** Every group has votes on it and more than half of each group's votes agree. */
  isConsensus: z.boolean(),
  byGroup: z.record(z.string(), groupShareSchema),
});

export const divisiveStatementSchema = z.object({
  statementId: z.string(),
  /** Half the spread of the groups' net agreement (agree − disagree share): 0 to 1. */
  divisiveness: z.number().min(0).max(1),
  byGroup: z.record(z.string(), groupShareSchema),
});

export const opinionMapCountsSchema = z.object({
  /** Participants on the map (those who voted enough). */
  participants: z.number().int().min(0),
  /** Statements they voted on. */
  statements: z.number().int().min(0),
  /** Their votes, passes included. */
  votes: z.number().int().min(0),
});

export const readyOpinionMapSchema = z.object({
  status: z.literal('ready'),
  groups: z.array(opinionGroupSchema),
  points: z.array(mapPointSchema),
  consensus: z.array(consensusStatementSchema),
  divisive: z.array(divisiveStatementSchema),
  counts: opinionMapCountsSchema,
});

export const tooFewVotesSchema = z.object({
  status: z.literal('too-few-votes'),
  needed: z.object({
    /** How many more participants must each vote on `votesEach` statements. */
    participants: z.number().int().min(0),
    votesEach: z.number().int().min(0),
    /** How many more statements the discussion needs before it can be mapped at all. */
    statements: z.number().int().min(0),
  }),
  counts: opinionMapCountsSchema,
});

export const opinionMapSchema = z.discriminatedUnion('status', [
  readyOpinionMapSchema,
  tooFewVotesSchema,
]);

export type GroupShare = DeepReadonly<z.infer<typeof groupShareSchema>>;
export type RepresentativeStatement = DeepReadonly<z.infer<typeof representativeStatementSchema>>;
export type OpinionGroup = DeepReadonly<z.infer<typeof opinionGroupSchema>>;
export type MapPoint = DeepReadonly<z.infer<typeof mapPointSchema>>;
export type ConsensusStatement = DeepReadonly<z.infer<typeof consensusStatementSchema>>;
export type DivisiveStatement = DeepReadonly<z.infer<typeof divisiveStatementSchema>>;
export type ReadyOpinionMap = DeepReadonly<z.infer<typeof readyOpinionMapSchema>>;
export type TooFewVotes = DeepReadonly<z.infer<typeof tooFewVotesSchema>>;
export type OpinionMap = DeepReadonly<z.infer<typeof opinionMapSchema>>;
