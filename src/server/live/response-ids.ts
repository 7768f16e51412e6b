import { createHmac } from 'node:crypto';
import type { ResponseIdOf } from '#domain/live/wall-views';

/**
 * Opaque ids for the responses on a wall. An HMAC under a key derived from the server's secret:
 * the same response always gets the same id (a stable key for the page, on every instance that
 * shares the secret), while one student's responses to two prompts get unrelated ids, and no
 * one without the secret can tell whose response an id is.
 */
export class ResponseIds {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    // A key of its own, so these ids never reveal anything about the cookie signatures.
    this.key = createHmac('sha256', serverSecret).update('wall-response-id').digest();
  }

  forSession(sessionId: string): ResponseIdOf {
    return (participantId, itemId) =>
      createHmac('sha256', this.key)
        .update(`${sessionId}\n${participantId}\n${itemId}`)
        .digest('base64url')
        .slice(0, 22);
  }
}
