/**
 * WCAG 2.2.2 Pause, Stop, Hide: the teacher pauses the response wall, and until they resume,
 * what arrives is held and counted rather than shown, so nothing on the wall moves.
 */

interface WallPost {
  readonly responseId: string;
  readonly replies: readonly { readonly replyId: string }[];
}

/** What the wall showed when paused: each response, with the replies it had then. */
export type WallSnapshot = ReadonlyMap<string, ReadonlySet<string>>;

export function snapshotOf(posts: readonly WallPost[]): WallSnapshot {
  return new Map(posts.map((p) => [p.responseId, new Set(p.replies.map((r) => r.replyId))]));
}

/**
 * The wall as a paused one shows it: the responses and replies it showed when paused, with
 * their latest state (a response hidden since stays in its place, marked), in the order they
 * come; and how many new responses and replies are held until the teacher resumes.
 */
export function pausedWall<P extends WallPost>(
  posts: readonly P[],
  snapshot: WallSnapshot,
): { readonly shown: P[]; readonly held: number } {
  let held = 0;
  const shown: P[] = [];
  for (const post of posts) {
    const replyIds = snapshot.get(post.responseId);
    if (replyIds === undefined) {
      held += 1 + post.replies.length;
      continue;
    }
    const replies = post.replies.filter((r) => replyIds.has(r.replyId));
    held += post.replies.length - replies.length;
    shown.push(replies.length === post.replies.length ? post : { ...post, replies });
  }
  return { shown, held };
}

/** "3 new posts — Resume to show". */
export function heldNotice(held: number): string {
  if (held === 0) return 'Paused: no new posts yet.';
  return `${held} new ${held === 1 ? 'post' : 'posts'} — Resume to show`;
}
