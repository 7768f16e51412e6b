import { z } from 'zod';

/**
 * LTI Dynamic Registration 1.0 (1EdTech): the LMS opens the tool's registration page with its
 * OpenID configuration's address and a registration token; the tool reads the configuration
 * and registers itself at the configuration's registration endpoint.
 */

export const PLATFORM_CONFIGURATION_CLAIM =
  'https://purl.imsglobal.org/spec/lti-platform-configuration';
export const TOOL_CONFIGURATION_CLAIM = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

/** The services the tool asks for: grades (AGS) and the class list (NRPS). */
export const TOOL_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
] as const;

/** Why a registration is refused; the code is shown on the page, for whoever reports it. */
export const REGISTRATION_REFUSAL_STATUS = {
  invitation_unknown: 403,
  invitation_used: 410,
  invitation_expired: 410,
  missing_parameter: 400,
  configuration_unreachable: 502,
  configuration_too_large: 502,
  configuration_invalid: 502,
  issuer_mismatch: 502,
  registration_failed: 502,
  registration_invalid: 502,
} as const;

export type RegistrationRefusalCode = keyof typeof REGISTRATION_REFUSAL_STATUS;

export interface RegistrationRefusal {
  readonly refused: RegistrationRefusalCode;
  readonly status: (typeof REGISTRATION_REFUSAL_STATUS)[RegistrationRefusalCode];
  readonly message: string;
}

export const registrationRefusal = (
  code: RegistrationRefusalCode,
  message: string,
): RegistrationRefusal => ({
  refused: code,
  status: REGISTRATION_REFUSAL_STATUS[code],
  message,
});

const url = z.string().trim().min(1).max(2000);

const openIdConfigurationSchema = z.object({
  issuer: url,
  authorization_endpoint: url,
  token_endpoint: url,
  jwks_uri: url,
  registration_endpoint: url,
  [PLATFORM_CONFIGURATION_CLAIM]: z.object({
    product_family_code: z.string().max(200),
    version: z.string().max(200).optional(),
    messages_supported: z
      .array(z.object({ type: z.string(), placements: z.array(z.string()).optional() }))
      .optional(),
  }),
});

/** What the tool needs of a platform's OpenID configuration. */
export interface PlatformConfiguration {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly registrationEndpoint: string;
  /** The LMS's product ("canvas", "moodle"), to show the administrator. */
  readonly productFamilyCode: string;
  readonly version: string | null;
  /** Where the LMS can send a deep-linking request; null when it does not say. */
  readonly deepLinkingPlacements: readonly string[] | null;
}

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') || '(the document)';
  return `${where}: ${issue?.message ?? 'invalid'}`;
};

/**
 * Reads a platform's OpenID configuration fetched from `configurationUrl`: it must name every
 * endpoint and the LTI platform claim, and its issuer must begin the address it came from
 * (Dynamic Registration 1.0, 3.5.1), so a page cannot pass off another LMS's configuration.
 */
export function readPlatformConfiguration(
  configurationUrl: string,
  document: unknown,
): PlatformConfiguration | RegistrationRefusal {
  const parsed = openIdConfigurationSchema.safeParse(document);
  if (!parsed.success) {
    return registrationRefusal(
      'configuration_invalid',
      `The LMS's OpenID configuration is missing something this tool needs, ${firstIssue(parsed.error)}.`,
    );
  }
  const config = parsed.data;
  if (!configurationUrl.startsWith(config.issuer)) {
    return registrationRefusal(
      'issuer_mismatch',
      `The configuration's issuer ${config.issuer} does not begin its address ${configurationUrl}: it is not that LMS's own configuration.`,
    );
  }
  const platform = config[PLATFORM_CONFIGURATION_CLAIM];
  const deepLinking = platform.messages_supported?.find(
    (message) => message.type === 'LtiDeepLinkingRequest',
  );
  return {
    issuer: config.issuer,
    authorizationEndpoint: config.authorization_endpoint,
    tokenEndpoint: config.token_endpoint,
    jwksUri: config.jwks_uri,
    registrationEndpoint: config.registration_endpoint,
    productFamilyCode: platform.product_family_code,
    version: platform.version ?? null,
    deepLinkingPlacements: deepLinking?.placements ?? null,
  };
}

/** The tool's own addresses, all under its base URL. */
export const toolAddresses = (baseUrl: string) => ({
  loginUrl: `${baseUrl}/lti/login`,
  launchUrl: `${baseUrl}/lti/launch`,
  jwksUrl: `${baseUrl}/lti/jwks.json`,
});

export const TOOL_NAME = 'Article Discussion';
const TOOL_DESCRIPTION =
  'Discuss a news article in class: sections, prompts, polls, forecasts and summaries.';

/** `https://host:port/path` -> `host:port` (the domain has no URL type to lean on). */
const hostOf = (baseUrl: string) => baseUrl.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? baseUrl;

/**
 * Where a teacher picks a lesson for a new activity: the spec's content area (Moodle), or
 * Canvas's link and assignment selection.
 */
const DEEP_LINKING_PLACEMENTS = ['ContentArea', 'link_selection', 'assignment_selection'];

/** The placements asked for: those the LMS offers, or the spec's when it names none. */
function deepLinkingMessage(offered: readonly string[] | null): Record<string, unknown> {
  const placements = offered
    ? DEEP_LINKING_PLACEMENTS.filter((placement) => offered.includes(placement))
    : ['ContentArea'];
  return {
    type: 'LtiDeepLinkingRequest',
    ...(placements.length > 0 ? { placements } : {}),
  };
}

/** The client registration the tool posts to the platform (Dynamic Registration 1.0, 3.5.2). */
export function clientRegistrationRequest(
  baseUrl: string,
  platform: Pick<PlatformConfiguration, 'deepLinkingPlacements'> = { deepLinkingPlacements: null },
): Record<string, unknown> {
  const { loginUrl, launchUrl, jwksUrl } = toolAddresses(baseUrl);
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: loginUrl,
    redirect_uris: [launchUrl],
    client_name: TOOL_NAME,
    jwks_uri: jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: TOOL_SCOPES.join(' '),
    [TOOL_CONFIGURATION_CLAIM]: {
      domain: hostOf(baseUrl),
      target_link_uri: launchUrl,
      description: TOOL_DESCRIPTION,
      claims: ['iss', 'sub', 'name', 'email'],
      messages: [
        { type: 'LtiResourceLinkRequest' },
        deepLinkingMessage(platform.deepLinkingPlacements),
      ],
      // Canvas's own field: it sends the user's name and e-mail only at this level.
      'https://canvas.instructure.com/lti/privacy_level': 'public',
    },
  };
}

const registrationResponseSchema = z.object({
  client_id: z.string().trim().min(1).max(255),
  [TOOL_CONFIGURATION_CLAIM]: z
    .object({ deployment_id: z.string().trim().min(1).max(255).optional() })
    .optional(),
});

/** What the platform's answer gives: the client id, and the deployment when it made one. */
export interface ClientRegistration {
  readonly clientId: string;
  readonly deploymentId: string | null;
}

export function readRegistrationResponse(
  document: unknown,
): ClientRegistration | RegistrationRefusal {
  const parsed = registrationResponseSchema.safeParse(document);
  if (!parsed.success) {
    return registrationRefusal(
      'registration_invalid',
      `The LMS accepted the registration but its answer is not one this tool can read, ${firstIssue(parsed.error)}.`,
    );
  }
  return {
    clientId: parsed.data.client_id,
    deploymentId: parsed.data[TOOL_CONFIGURATION_CLAIM]?.deployment_id ?? null,
  };
}

export const isRegistrationRefusal = (value: object): value is RegistrationRefusal =>
  'refused' in value;
