import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../src/server/bench/server-process';
import { freePort } from '../../src/server/test/oidc-browser';
import { OidcTestProvider } from '../../src/server/test/oidc-test-provider';

/** The name on the test provider's button: "Sign in with Test ID". */
export const TEST_PROVIDER_NAME = 'Test ID';

/**
 * The app as a school runs it with sign-in by OpenID Connect: a server of the spec's own (the
 * generic OIDC_* settings) and the test provider (oidc-provider) it trusts, both on loopback.
 * `extraEnv` adds settings (e.g. the sign-up policy of an invitations spec).
 */
export class OidcApp {
  private constructor(
    readonly baseURL: string,
    readonly provider: OidcTestProvider,
    private readonly server: ServerProcess,
    private readonly dataDir: string,
  ) {}

  static async start(extraEnv: Record<string, string> = {}): Promise<OidcApp> {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const client = {
      clientId: 'article-discussion-e2e',
      clientSecret: 'e2e-client-secret-0123456789',
    };
    const provider = await OidcTestProvider.start({
      ...client,
      redirectUri: `${baseURL}/api/auth/oidc/oidc/callback`,
    });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'article-discussion-e2e-oidc-'));
    try {
      const server = await startServerProcess({
        cwd: process.cwd(),
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          PUBLIC_URL: baseURL,
          LOG_LEVEL: 'warn',
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: client.clientId,
          OIDC_CLIENT_SECRET: client.clientSecret,
          OIDC_NAME: TEST_PROVIDER_NAME,
          ...extraEnv,
        },
        startTimeoutMs: 180_000,
      });
      return new OidcApp(baseURL, provider, server, dataDir);
    } catch (error) {
      await provider.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.provider.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
