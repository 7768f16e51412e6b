/**
 * How classmates appear to each other on the class's wall, chosen per session by the teacher.
 * The teacher always sees real names. Plain constants (no zod), for the client's use.
 */

export const WALL_IDENTITIES = ['names', 'pseudonyms', 'anonymous'] as const;
export type WallIdentity = (typeof WALL_IDENTITIES)[number];

export const WALL_IDENTITY_LABELS: Readonly<Record<WallIdentity, string>> = {
  names: 'Names',
  pseudonyms: 'Pseudonyms',
  anonymous: 'Anonymous',
};

/** What each choice means for the class, as the teacher's control explains it. */
export const WALL_IDENTITY_HINTS: Readonly<Record<WallIdentity, string>> = {
  names: 'Classmates and the projector show each student’s name.',
  pseudonyms: 'Each student gets a made-up name for this session, like “Teal Heron”.',
  anonymous: 'No names at all: each response and reply shows on its own.',
};
