import { describe, expect, it } from 'vitest';
import {
  clientRegistrationRequest,
  PLATFORM_CONFIGURATION_CLAIM,
  readPlatformConfiguration,
  readRegistrationResponse,
  TOOL_CONFIGURATION_CLAIM,
} from './dynamic-registration';

const moodle = 'https://moodle.school.example';
const configuration = {
  issuer: moodle,
  authorization_endpoint: `${moodle}/mod/lti/auth.php`,
  token_endpoint: `${moodle}/mod/lti/token.php`,
  jwks_uri: `${moodle}/mod/lti/certs.php`,
  registration_endpoint: `${moodle}/mod/lti/openid-registration.php`,
  [PLATFORM_CONFIGURATION_CLAIM]: { product_family_code: 'moodle', version: '4.5' },
};
const configurationUrl = `${moodle}/mod/lti/openid-configuration.php`;

describe('readPlatformConfiguration', () => {
  it('reads the endpoints and the product of a configuration from its issuer’s address', () => {
    expect(readPlatformConfiguration(configurationUrl, configuration)).toEqual({
      issuer: moodle,
      authorizationEndpoint: `${moodle}/mod/lti/auth.php`,
      tokenEndpoint: `${moodle}/mod/lti/token.php`,
      jwksUri: `${moodle}/mod/lti/certs.php`,
      registrationEndpoint: `${moodle}/mod/lti/openid-registration.php`,
      productFamilyCode: 'moodle',
      version: '4.5',
      deepLinkingPlacements: null,
    });
  });

  it('refuses a configuration whose issuer does not begin the address it came from', () => {
    const elsewhere = 'https://attacker.example/moodle/openid-configuration';
    expect(readPlatformConfiguration(elsewhere, configuration)).toMatchObject({
      refused: 'issuer_mismatch',
      status: 502,
    });
  });

  it('names the first thing missing', () => {
    const { token_endpoint: _dropped, ...noToken } = configuration;
    expect(readPlatformConfiguration(configurationUrl, noToken)).toMatchObject({
      refused: 'configuration_invalid',
      message: expect.stringContaining('token_endpoint') as string,
    });
    expect(readPlatformConfiguration(configurationUrl, 'not an object')).toMatchObject({
      refused: 'configuration_invalid',
    });
  });
});

describe('clientRegistrationRequest', () => {
  it('names the tool’s addresses under its base URL, and its host as the domain', () => {
    const request = clientRegistrationRequest('https://class.school.example:8443');
    expect(request).toMatchObject({
      initiate_login_uri: 'https://class.school.example:8443/lti/login',
      redirect_uris: ['https://class.school.example:8443/lti/launch'],
      jwks_uri: 'https://class.school.example:8443/lti/jwks.json',
      [TOOL_CONFIGURATION_CLAIM]: { domain: 'class.school.example:8443' },
    });
  });
});

describe('the deep-linking placements asked for', () => {
  const offering = (placements?: string[]) =>
    readPlatformConfiguration(configurationUrl, {
      ...configuration,
      [PLATFORM_CONFIGURATION_CLAIM]: {
        product_family_code: 'canvas',
        messages_supported: [{ type: 'LtiDeepLinkingRequest', placements }],
      },
    });
  const messagesFor = (placements?: string[]) => {
    const platform = offering(placements);
    if ('refused' in platform) throw new Error(platform.message);
    const request = clientRegistrationRequest('https://class.school.example', platform);
    return (request[TOOL_CONFIGURATION_CLAIM] as { messages: unknown[] }).messages;
  };

  it('are those of the LMS’s it offers, Canvas’s selection placements among them', () => {
    expect(messagesFor(['assignment_selection', 'editor_button', 'link_selection'])).toContainEqual(
      {
        type: 'LtiDeepLinkingRequest',
        placements: ['link_selection', 'assignment_selection'],
      },
    );
  });

  it('are the spec’s content area when the LMS names none, and left out when none fits', () => {
    expect(messagesFor()).toContainEqual({
      type: 'LtiDeepLinkingRequest',
      placements: ['ContentArea'],
    });
    expect(messagesFor(['editor_button'])).toContainEqual({ type: 'LtiDeepLinkingRequest' });
  });
});

describe('readRegistrationResponse', () => {
  it('reads the client id, and the deployment when the LMS made one', () => {
    expect(
      readRegistrationResponse({
        client_id: 'abc',
        [TOOL_CONFIGURATION_CLAIM]: { deployment_id: '7' },
      }),
    ).toEqual({ clientId: 'abc', deploymentId: '7' });
    expect(readRegistrationResponse({ client_id: 'abc' })).toEqual({
      clientId: 'abc',
      deploymentId: null,
    });
    expect(readRegistrationResponse({ client_id: '' })).toMatchObject({
      refused: 'registration_invalid',
    });
  });
});
