import type { ItemResults, ItemState, Participant, PublishedSummary } from './live-contracts';

/** Bumped when an event's shape changes in a way old clients cannot read. */
export const LIVE_PROTOCOL_VERSION = 1;

/**
 * Events on a session's stream. They notify; the client refetches or patches its query cache.
 * Named entity.past-tense.
 */
export type LiveEvent =
  | { readonly type: 'section.changed'; readonly sectionId: string }
  | { readonly type: 'item.changed'; readonly state: ItemState }
  | { readonly type: 'results.revealed'; readonly results: ItemResults }
  | { readonly type: 'summary.published'; readonly summary: PublishedSummary }
  | { readonly type: 'summary.withdrawn'; readonly sectionId: string }
  | { readonly type: 'session.ended' }
  | { readonly type: 'participant.joined'; readonly participant: Participant }
  | { readonly type: 'participant.removed'; readonly participantId: string }
  /** A student's first event stream opened, or their last one closed (on any instance). */
  | {
      readonly type: 'participant.presence';
      readonly participantId: string;
      readonly isOnline: boolean;
    }
  | {
      readonly type: 'participant.progressed';
      readonly participantId: string;
      readonly sectionId: string;
    }
  /** The wall changed: a response hidden or spotlighted, names shown or not; refetch it. */
  | { readonly type: 'wall.changed'; readonly itemId: string | null }
  | { readonly type: 'outcomes.revealed'; readonly itemId: string }
  /** Coalesced: sent at most a few times a second, never once per answer. Teachers only. */
  | { readonly type: 'answers.counted'; readonly answerCounts: Readonly<Record<string, number>> };

export type LiveEventType = LiveEvent['type'];

/** Who may receive an event. */
export type Audience =
  | { readonly to: 'everyone' }
  | { readonly to: 'teacher' }
  | { readonly to: 'participant'; readonly participantId: string };
