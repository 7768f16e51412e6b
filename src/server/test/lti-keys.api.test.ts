import { expect, it } from 'vitest';
import { LtiKeys, RETIRED_KEY_GRACE_DAYS } from '../services/lti-keys';
import { describeWithServer } from './use-test-server';

const kidsPublished = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}/lti/jwks.json`);
  const { keys } = (await response.json()) as { keys: { kid: string }[] };
  return keys.map((key) => key.kid);
};

describeWithServer('the tool’s LTI keys on %s', (ctx) => {
  it('keeps one key across requests, and after a rotation publishes the new key and the retired one for the grace period', async () => {
    const first = await kidsPublished(ctx.server.baseUrl);
    expect(first).toHaveLength(1);
    expect(await kidsPublished(ctx.server.baseUrl)).toEqual(first);

    const keys = new LtiKeys(ctx.server.db);
    const { kid, retired } = await keys.rotate();
    expect(retired).toBe(1);
    expect(await kidsPublished(ctx.server.baseUrl)).toEqual([kid, ...first]);

    const afterGrace = new Date(Date.now() + (RETIRED_KEY_GRACE_DAYS + 1) * 24 * 3600 * 1000);
    const later = await keys.publicKeySet(afterGrace);
    expect(later.keys.map((key) => key.kid)).toEqual([kid]);
  });
});
