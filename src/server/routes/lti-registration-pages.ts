import {
  toolAddresses,
  TOOL_SCOPES,
  type PlatformConfiguration,
  type RegistrationRefusal,
} from '#domain/lti/dynamic-registration';
import type { LtiPlatformRecord } from '../services/lti-platforms';
import { LTI_PAGE_SCRIPT_PATH } from './lti-frame-pages';
import { escapeHtml, page } from './lti-pages';

const rows = (entries: readonly (readonly [string, string])[]) =>
  `<table><tbody>${entries
    .map(
      ([name, value]) =>
        `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</tbody></table>`;

/** What will be registered, for the LMS's administrator to confirm. */
export function registrationConfirmPage(input: {
  action: string;
  configurationUrl: string;
  registrationToken: string | undefined;
  configuration: PlatformConfiguration;
  baseUrl: string;
}): string {
  const { configuration } = input;
  const tool = toolAddresses(input.baseUrl);
  const product = [configuration.productFamilyCode, configuration.version]
    .filter(Boolean)
    .join(' ');
  const hidden = Object.entries({
    openid_configuration: input.configurationUrl,
    registration_token: input.registrationToken ?? '',
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Register this tool with your LMS',
    `<p>This registers Article Discussion with <strong>${escapeHtml(product)}</strong> at ` +
      `${escapeHtml(configuration.issuer)}. The tool will keep:</p>` +
      rows([
        ['Issuer', configuration.issuer],
        ['Login (authorization) URL', configuration.authorizationEndpoint],
        ['Token URL', configuration.tokenEndpoint],
        ['Key set (JWKS) URL', configuration.jwksUri],
      ]) +
      '<p>and give the LMS:</p>' +
      rows([
        ['Login initiation URL', tool.loginUrl],
        ['Redirect URI and target link URI', tool.launchUrl],
        ['Key set (JWKS) URL', tool.jwksUrl],
        ['Services', TOOL_SCOPES.join(' ')],
      ]) +
      `<form method="post" action="${escapeHtml(input.action)}">${hidden}` +
      '<button type="submit">Register</button></form>',
  );
}

/** Registered: the LMS is told to close the registration (org.imsglobal.lti.close). */
export function registrationDonePage(platform: LtiPlatformRecord): string {
  const deployment =
    platform.deploymentIds.length > 0
      ? `<p>Deployment: <code>${escapeHtml(platform.deploymentIds.join(', '))}</code>.</p>`
      : '<p>The LMS named no deployment yet. Once the tool is deployed (enabled for an account ' +
        'or a course), add its deployment id with <code>npm run admin -- lti-register</code> ' +
        'and the values <code>npm run admin -- lti-platforms</code> lists.</p>';
  return page(
    'Registered',
    `<p>${escapeHtml(platform.issuer)} registered this tool under the client id ` +
      `<code>${escapeHtml(platform.clientId)}</code>.</p>${deployment}` +
      '<p>You can close this page.</p>' +
      '<div id="lti-frame" data-action="close"></div>' +
      `<script src="${LTI_PAGE_SCRIPT_PATH}" defer></script>`,
  );
}

export function registrationRefusalPage(refusal: RegistrationRefusal): string {
  return page(
    'This registration was refused',
    `<p>${escapeHtml(refusal.message)}</p><p>What failed: <code>${escapeHtml(refusal.refused)}</code>.</p>`,
  );
}
