import { describe, expect, it } from 'vitest';
import { ResponseContractError } from '#shared/lib/api-client';
import { withTextFields } from './join-api';

describe('the join page reading an answer without the contract’s schemas', () => {
  it('takes an answer with each field it reads as text', () => {
    const answer = { sessionId: 's-1', participant: { id: 'p-1' } };
    expect(withTextFields('POST /api/join', answer, ['sessionId'])).toBe(answer);
  });

  it('refuses an answer whose field is missing or not text, naming the field', () => {
    for (const answer of [{}, { sessionId: 7 }, null, 'sessionId', [{ sessionId: 'x' }]]) {
      expect(() => withTextFields('POST /api/join', answer, ['sessionId'])).toThrow(
        ResponseContractError,
      );
    }
    const refusal = (() => {
      try {
        withTextFields('GET /api/join/:code', { lessonTitle: 'A' }, ['lessonTitle', 'status']);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toMatchObject({
      endpoint: 'GET /api/join/:code',
      problem: 'status: expected text',
    });
  });
});
