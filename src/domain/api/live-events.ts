import { z } from 'zod';
import type { DeepReadonly } from '../live/deep-readonly';
import { itemStateSchema, participantSchema, publishedSummarySchema } from './live-contracts';
import { itemResultsSchema } from './result-contracts';

/** Bumped when an event's shape changes in a way old clients cannot read. */
export const LIVE_PROTOCOL_VERSION = 1;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

/**
 * Events on a session's stream. They notify; the client refetches or patches its query cache.
 * Named entity.past-tense.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  event('section.changed', { sectionId: z.string() }),
  event('item.changed', { state: itemStateSchema }),
  event('results.revealed', { results: itemResultsSchema }),
  event('summary.published', { summary: publishedSummarySchema }),
  event('summary.withdrawn', { sectionId: z.string() }),
  event('session.ended', {}),
  event('participant.joined', { participant: participantSchema }),
  event('participant.removed', { participantId: z.string() }),
  /**
   * A student came back on another device with their rejoin code, which was replaced by a new
   * one: the roster shows it. Teachers only.
   */
  event('participant.rejoined', { participant: participantSchema }),
  /** A student's first event stream opened, or their last one closed (on any instance). */
  event('participant.presence', { participantId: z.string(), isOnline: z.boolean() }),
  event('participant.progressed', { participantId: z.string(), sectionId: z.string() }),
  /**
   * A student and all their data were deleted: refetch the roster, counts, results and wall.
   * It names nobody, so the event log keeps no trace of who it was.
   */
  event('roster.changed', {}),
  /**
   * The wall changed: a response hidden or spotlighted, how classmates are named, a reply
   * written or hidden; refetch it.
   */
  event('wall.changed', { itemId: z.string().nullable() }),
  event('outcomes.revealed', { itemId: z.string() }),
  /**
   * The teacher resolved (or corrected) scenarios of a forecast question: refetch the forecasts
   * page, whose scores changed. Also reaches students of an ended session.
   */
  event('forecast.resolved', { itemId: z.string() }),
  /** The teacher released (or took back) feedback on this student's writing: refetch the view. */
  event('feedback.released', { itemId: z.string() }),
  /** A class statement was written, approved or hidden: refetch the item's statements. */
  event('statements.changed', { itemId: z.string() }),
  /** The item's opinion map was drawn again: refetch it. */
  event('map.updated', { itemId: z.string() }),
  /** A speaking turn was recorded or taken back: refetch the tally. Teachers only. */
  event('turns.changed', {}),
  /** Coalesced: sent at most a few times a second, never once per answer. Teachers only. */
  event('answers.counted', { answerCounts: z.record(z.string(), z.number().int().min(0)) }),
]);
export type LiveEvent = DeepReadonly<z.infer<typeof liveEventSchema>>;
export type LiveEventType = LiveEvent['type'];

/** Every event type, in the order of the union: what a client listens for. */
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = liveEventSchema.options.map(
  (option) => option.shape.type.value,
);

/** The first message of every stream: the protocol its events are written in. */
export const streamReadySchema = z.object({ protocol: z.number().int().min(1) });

/** Who may receive an event. */
export type Audience =
  | { readonly to: 'everyone' }
  | { readonly to: 'teacher' }
  | { readonly to: 'participant'; readonly participantId: string };
