import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What the platform's registration endpoint received (Dynamic Registration). */
export interface ReceivedRegistration {
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

/** The test platform's parts its Dynamic Registration reads and sets (lti-platform.ts). */
interface RegisteringPlatform {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly registrationToken: string;
  readonly configurationOverride: Record<string, unknown>;
  readonly configurationPadding: number;
  readonly registrationFailure: { readonly status: number; readonly body: string } | null;
  readonly registrations: ReceivedRegistration[];
  /** False for an LMS that deploys later, as Canvas does: no deployment_id in its answer. */
  readonly registrationNamesDeployment: boolean;
  clientId: string;
  deploymentId: string;
}

const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

/** The test platform's OpenID configuration, as an LMS publishes it for Dynamic Registration. */
export function openIdConfigurationOf(platform: RegisteringPlatform): Record<string, unknown> {
  const { baseUrl } = platform;
  const document: Record<string, unknown> = {
    issuer: platform.issuer,
    authorization_endpoint: `${baseUrl}/auth`,
    token_endpoint: `${baseUrl}/token`,
    jwks_uri: `${baseUrl}/jwks`,
    registration_endpoint: `${baseUrl}/register`,
    scopes_supported: ['openid'],
    response_types_supported: ['id_token'],
    id_token_signing_alg_values_supported: ['RS256'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'test-lms',
      version: '1.0',
      messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
    ...(platform.configurationPadding > 0
      ? { padding: 'x'.repeat(platform.configurationPadding) }
      : {}),
    ...platform.configurationOverride,
  };
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined));
}

/**
 * The test platform's registration endpoint: the bearer token must be the one it gave, the
 * request a tool's registration (Dynamic Registration 1.0, 3.5.2); it answers with a new client
 * id and deployment, which the platform then launches with.
 */
export async function registerToolAt(
  platform: RegisteringPlatform,
  request: IncomingMessage,
): Promise<{ status: number; body: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  const authorization = request.headers.authorization;
  platform.registrations.push({ authorization, body });
  if (platform.registrationFailure) return platform.registrationFailure;
  if (authorization !== `Bearer ${platform.registrationToken}`) {
    return { status: 401, body: JSON.stringify({ error: 'invalid_token' }) };
  }
  const isToolRegistration =
    body.application_type === 'web' &&
    body.token_endpoint_auth_method === 'private_key_jwt' &&
    Array.isArray(body.redirect_uris) &&
    typeof body.initiate_login_uri === 'string' &&
    typeof body.jwks_uri === 'string';
  if (!isToolRegistration) {
    return { status: 400, body: JSON.stringify({ error: 'invalid_client_metadata' }) };
  }
  platform.clientId = `dynamic-${randomUUID().slice(0, 8)}`;
  platform.deploymentId = `dynamic-deployment-${randomUUID().slice(0, 8)}`;
  const toolConfiguration = body[TOOL_CONFIGURATION];
  return {
    status: 200,
    body: JSON.stringify({
      ...body,
      client_id: platform.clientId,
      [TOOL_CONFIGURATION]: {
        ...(typeof toolConfiguration === 'object' ? toolConfiguration : {}),
        ...(platform.registrationNamesDeployment ? { deployment_id: platform.deploymentId } : {}),
      },
    }),
  };
}
