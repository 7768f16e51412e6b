import { parseArgs } from 'node:util';
import { AdminError } from './admin-error';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import {
  createRegistrationInvitation,
  INVITATION_DEFAULT_HOURS,
  INVITATION_MAX_HOURS,
} from './services/lti-dynamic-registration';
import { LtiKeys, RETIRED_KEY_GRACE_DAYS } from './services/lti-keys';
import {
  listLtiPlatforms,
  LtiRegistrationError,
  registerLtiPlatform,
  type LtiPlatformRecord,
} from './services/lti-platforms';
import { configuredBaseUrl } from './services/password-reset';

export const LTI_USAGE = `  lti-register --issuer <url> --client-id <id> --auth-url <url> --token-url <url>
               --jwks-url <url> --deployment-id <id> [--deployment-id <id> ...]
                            register an LMS (LTI 1.3) by hand, or add deployments to one
  lti-registration-url [--hours <n>]
                            print a URL for an LMS's Dynamic Registration: it registers one LMS,
                            within ${INVITATION_DEFAULT_HOURS} hours unless --hours says otherwise (at most ${INVITATION_MAX_HOURS})
  lti-platforms             list the registered LMSs, and what to give an LMS about this tool
  lti-rotate-key            make a new signing key; the old one stays published for ${RETIRED_KEY_GRACE_DAYS} days`;

/** What an LMS administrator types into the LMS's tool settings. */
function toolUrls(config: ServerConfig): string {
  const base = configuredBaseUrl(config);
  return [
    'Give the LMS these addresses of this tool (PUBLIC_URL sets where they point):',
    `  OpenID Connect login (initiation) URL  ${base}/lti/login`,
    `  Redirect URI / target link URI         ${base}/lti/launch`,
    `  Public keyset (JWKS) URL               ${base}/lti/jwks.json`,
  ].join('\n');
}

const describePlatform = (platform: LtiPlatformRecord) =>
  [
    `${platform.issuer}  client id ${platform.clientId}`,
    `  auth (login) URL  ${platform.authLoginUrl}`,
    `  token URL         ${platform.authTokenUrl}`,
    `  JWKS URL          ${platform.jwksUrl}`,
    `  deployments       ${platform.deploymentIds.join(', ')}`,
  ].join('\n');

/** The flag each field of a registration is given by, to name it in a refusal. */
const FLAG_OF = {
  issuer: '--issuer',
  clientId: '--client-id',
  authLoginUrl: '--auth-url',
  authTokenUrl: '--token-url',
  jwksUrl: '--jwks-url',
  deploymentIds: '--deployment-id',
} as const;

async function register(config: ServerConfig, db: Database, args: string[]): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'auth-url': { type: 'string' },
        'token-url': { type: 'string' },
        'jwks-url': { type: 'string' },
        'deployment-id': { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    throw new AdminError(
      `${error instanceof Error ? error.message : String(error)}\n\n${LTI_USAGE}`,
      2,
    );
  }
  const missing = Object.values(FLAG_OF).filter(
    (flag) => values[flag.slice(2) as keyof typeof values] === undefined,
  );
  if (missing.length > 0) throw new AdminError(`Missing ${missing.join(', ')}.\n\n${LTI_USAGE}`, 2);
  try {
    const platform = await registerLtiPlatform(db, {
      issuer: values.issuer ?? '',
      clientId: values['client-id'] ?? '',
      authLoginUrl: values['auth-url'] ?? '',
      authTokenUrl: values['token-url'] ?? '',
      jwksUrl: values['jwks-url'] ?? '',
      deploymentIds: values['deployment-id'] ?? [],
    });
    return `Registered:\n${describePlatform(platform)}\n\n${toolUrls(config)}`;
  } catch (error) {
    if (error instanceof LtiRegistrationError) {
      throw new AdminError(`${FLAG_OF[error.field]}: ${error.message}`, 2);
    }
    throw error;
  }
}

async function registrationUrl(
  config: ServerConfig,
  db: Database,
  args: string[],
): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, options: { hours: { type: 'string' } } }));
  } catch (error) {
    throw new AdminError(
      `${error instanceof Error ? error.message : String(error)}\n\n${LTI_USAGE}`,
      2,
    );
  }
  const hours = values.hours === undefined ? INVITATION_DEFAULT_HOURS : Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > INVITATION_MAX_HOURS) {
    throw new AdminError(
      `--hours must be a whole number from 1 to ${INVITATION_MAX_HOURS}, not ${values.hours ?? ''}.`,
      2,
    );
  }
  const { url, expiresAt } = await createRegistrationInvitation(
    db,
    configuredBaseUrl(config),
    hours,
  );
  const until = expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return [
    `A registration URL for one LMS (LTI Dynamic Registration), valid until ${until} UTC:`,
    '',
    `  ${url}`,
    '',
    'Paste it into the LMS\'s dynamic registration (Canvas: Developer Keys or Apps; Moodle: Manage tools, "Tool URL"). It works once: it registers one LMS, then refuses. Keep it private until then: whoever has it can register an LMS with this tool.',
  ].join('\n');
}

/**
 * The LTI commands of `npm run admin`; null when `command` is not one of them. Returns what to
 * print.
 */
export async function runLtiCommand(
  command: string,
  args: string[],
  config: ServerConfig,
  openDb: () => Promise<Database>,
): Promise<string | null> {
  const commands = ['lti-register', 'lti-registration-url', 'lti-platforms', 'lti-rotate-key'];
  if (!commands.includes(command)) return null;
  const takesArguments = command === 'lti-register' || command === 'lti-registration-url';
  if (!takesArguments && args.length > 0) {
    throw new AdminError(`${command} takes no arguments.\n\n${LTI_USAGE}`, 2);
  }
  const db = await openDb();
  try {
    if (command === 'lti-register') return await register(config, db, args);
    if (command === 'lti-registration-url') return await registrationUrl(config, db, args);
    if (command === 'lti-platforms') {
      const platforms = await listLtiPlatforms(db);
      const listed =
        platforms.length === 0
          ? 'No LMS is registered yet (npm run admin -- lti-register).'
          : platforms.map(describePlatform).join('\n\n');
      return `${listed}\n\n${toolUrls(config)}`;
    }
    const { kid, retired } = await new LtiKeys(db).rotate();
    return [
      `The tool now signs with the key ${kid}.`,
      `${retired} older key${retired === 1 ? '' : 's'} retired; ${retired === 1 ? 'it stays' : 'they stay'} in the published key set for ${RETIRED_KEY_GRACE_DAYS} days, so LMSs that cached ${retired === 1 ? 'it' : 'them'} still check what ${retired === 1 ? 'it' : 'they'} signed.`,
    ].join('\n');
  } finally {
    await db.close();
  }
}
