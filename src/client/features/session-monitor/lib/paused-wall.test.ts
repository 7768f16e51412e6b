import { describe, expect, it } from 'vitest';
import { heldNotice, pausedWall, snapshotOf } from './paused-wall';

const post = (responseId: string, replyIds: string[] = [], text = responseId) => ({
  responseId,
  text,
  replies: replyIds.map((replyId) => ({ replyId })),
});

describe('a paused response wall', () => {
  it('holds and counts new responses and replies, and shows the rest as they were placed', () => {
    const snapshot = snapshotOf([post('a', ['r1']), post('b')]);
    const later = [post('c', ['r3']), post('a', ['r1', 'r2'], 'a edited'), post('b')];

    const { shown, held } = pausedWall(later, snapshot);

    expect(shown.map((p) => [p.responseId, p.text, p.replies.map((r) => r.replyId)])).toEqual([
      ['a', 'a edited', ['r1']],
      ['b', 'b', []],
    ]);
    // c and its reply r3, and a's new reply r2.
    expect(held).toBe(3);
    expect(heldNotice(held)).toBe('3 new posts — Resume to show');
  });

  it('holds nothing while nothing new came', () => {
    const posts = [post('a', ['r1'])];
    expect(pausedWall(posts, snapshotOf(posts))).toEqual({ shown: posts, held: 0 });
    expect(heldNotice(0)).toBe('Paused: no new posts yet.');
    expect(heldNotice(1)).toBe('1 new post — Resume to show');
  });
});
