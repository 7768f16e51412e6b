import type { LtiRefusal } from '#domain/lti/refusals';

/** An LTI login or launch refused: the route answers with a page naming what failed. */
export class LtiRefusalError extends Error {
  constructor(readonly refusal: LtiRefusal) {
    super(refusal.message);
    this.name = 'LtiRefusalError';
  }
}
