import { expect, it } from 'vitest';
import { LTI_SCOPES } from '#domain/lti/service-token';
import { findPlatformById } from '../repositories/lti-platforms.repository';
import { registerLtiPlatform } from '../services/lti-platforms';
import { LtiServiceError, LtiServiceTokens } from '../services/lti-service-tokens';
import { useLtiPlatform } from './lti-fixtures';
import { describeWithServer } from './use-test-server';

const GRADES = [LTI_SCOPES.lineItem, LTI_SCOPES.score];

describeWithServer(
  'service tokens from an LMS (client credentials, JWT assertion) on %s',
  (ctx) => {
    const lti = useLtiPlatform(ctx);
    const tokens = () => ctx.server.app.services.ltiServiceTokens;
    const platform = async () => {
      const found = await findPlatformById(ctx.server.db, lti.platformId);
      if (!found) throw new Error('the test platform is not registered');
      return found;
    };

    it('gets a token the LMS issued for the scopes asked, and keeps it for the same scope set', async () => {
      const registered = await platform();
      const before = lti.platform.services.issuedTokens.length;
      const first = await tokens().accessToken(registered, GRADES);
      // The same scopes in another order are the same set: no second request.
      const again = await tokens().accessToken(registered, [...GRADES].reverse());
      expect(again).toBe(first);
      expect(lti.platform.services.issuedTokens.slice(before)).toEqual([
        { scopes: [...GRADES].sort() },
      ]);

      const members = await tokens().accessToken(registered, [
        LTI_SCOPES.contextMembershipReadOnly,
      ]);
      expect(members).not.toBe(first);
      expect(lti.platform.services.issuedTokens.slice(before).at(-1)).toEqual({
        scopes: [LTI_SCOPES.contextMembershipReadOnly],
      });
    });

    it('asks for a new token shortly before the kept one expires', async () => {
      const registered = await platform();
      let now = Date.now();
      const clocked = new LtiServiceTokens(ctx.server.app.services.ltiKeys, () => now);
      const first = await clocked.accessToken(registered, GRADES);
      // The test LMS's tokens live 3600 s: kept until a minute before.
      now += 3539 * 1000;
      expect(await clocked.accessToken(registered, GRADES)).toBe(first);
      now += 2 * 1000;
      expect(await clocked.accessToken(registered, GRADES)).not.toBe(first);
    });

    it('signs with the tool’s new key after a rotation, which the LMS checks against the published set', async () => {
      await ctx.server.app.services.ltiKeys.rotate();
      const registered = await platform();
      tokens().forget(registered, [LTI_SCOPES.resultReadOnly]);
      await expect(tokens().accessToken(registered, [LTI_SCOPES.resultReadOnly])).resolves.toEqual(
        expect.any(String),
      );
    });

    it('names the platform and what it answered when the LMS refuses the assertion', async () => {
      // The LMS knows the tool by another client id than this registration says.
      const wrongClient = await registerLtiPlatform(ctx.server.db, {
        ...lti.platform.registration(),
        clientId: 'not-the-lms-client-id',
      });
      const refused = tokens().accessToken(wrongClient, GRADES);
      await expect(refused).rejects.toThrow(LtiServiceError);
      await expect(refused).rejects.toThrow(
        new RegExp(
          `^No service token from the LMS ${lti.platform.issuer} \\(client id not-the-lms-client-id\\): its token endpoint .+/token refused with 401 invalid_client: the client assertion does not check`,
        ),
      );
    });

    it('refuses a token endpoint answering junk, a huge body, or nothing, and asks again afterwards', async () => {
      const registered = await platform();
      const scopes = [LTI_SCOPES.lineItemReadOnly];
      lti.platform.services.fail('token', {
        status: 200,
        body: '<html>Welcome to the LMS</html>',
        contentType: 'text/html',
        times: 1,
      });
      await expect(tokens().accessToken(registered, scopes)).rejects.toThrow(
        /answered 200 without a bearer token \(the body: .+\): "<html>Welcome to the LMS<\/html>"/,
      );
      lti.platform.services.fail('token', { status: 200, body: 'x'.repeat(200_000), times: 1 });
      await expect(tokens().accessToken(registered, scopes)).rejects.toThrow(
        /^No service token from the LMS .+: .+\/token answered 200000 bytes, more than the 65536 allowed\.$/,
      );
      lti.platform.services.fail('token', { status: 500, body: 'Internal error', times: 1 });
      await expect(tokens().accessToken(registered, scopes)).rejects.toThrow(
        /token endpoint .+ answered 500: "Internal error"/,
      );
      // A failure is not kept: the next call asks the LMS again.
      await expect(tokens().accessToken(registered, scopes)).resolves.toEqual(expect.any(String));

      const unreachable = await registerLtiPlatform(ctx.server.db, {
        ...lti.platform.registration(),
        clientId: 'unreachable',
        // Port 9 (discard) on this machine: nothing answers there.
        authTokenUrl: 'http://127.0.0.1:9/token',
      });
      await expect(tokens().accessToken(unreachable, scopes)).rejects.toThrow(
        /^No service token from the LMS .+ \(client id unreachable\): http:\/\/127\.0\.0\.1:9\/token could not be reached \(.+\)\.$/,
      );
    });
  },
);
