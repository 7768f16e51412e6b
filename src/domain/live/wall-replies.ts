/**
 * Replies on the class's wall: a student answers a classmate's response as building on it,
 * challenging it or asking about it, in a short text. Plain constants (no zod), for the client.
 */

export const WALL_REPLY_KINDS = ['builds-on', 'challenges', 'asks'] as const;
export type WallReplyKind = (typeof WALL_REPLY_KINDS)[number];

export const WALL_REPLY_KIND_LABELS: Readonly<Record<WallReplyKind, string>> = {
  'builds-on': 'Builds on',
  challenges: 'Challenges',
  asks: 'Asks',
};

/** A reply is a few sentences: long enough to make a point, short enough to read on a phone. */
export const WALL_REPLY_MAX_LENGTH = 280;
/** Replies one response can hold: a thread longer than this is a conversation for the room. */
export const WALL_REPLIES_PER_RESPONSE_MAX = 50;
/** Replies one session can hold: far more than a class writes, few enough to bound the views. */
export const WALL_REPLIES_PER_SESSION_MAX = 3000;
/** Replies one student may send a minute: a burst of honest replies fits, a script does not. */
export const WALL_REPLIES_PER_MINUTE = 20;

/** "1 reply", "3 replies". */
export const countReplies = (count: number) => `${count} ${count === 1 ? 'reply' : 'replies'}`;
