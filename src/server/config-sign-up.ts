import { isLoopbackHost } from './config-transport';

/**
 * Who may open a teacher account (issue 25, decision 0013): anyone when the server answers on a
 * loopback address (someone trying it on a laptop), otherwise nobody but those with an
 * administrator's invitation or an e-mail address in SIGNUP_DOMAINS. SIGNUP=open or
 * SIGNUP=closed overrides what the address decides.
 */
export interface SignUpPolicy {
  /** Anyone may sign up. */
  readonly isOpen: boolean;
  /** E-mail domains (lower case) whose addresses may sign up when it is not open to anyone. */
  readonly domains: readonly string[];
}

/** A host name of labels of letters, digits and inner hyphens, with at least one dot. */
const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

const invalid = (problem: string) =>
  new Error(`The server's environment is not valid:\n  ${problem}`);

/** SIGNUP_DOMAINS: comma-separated domains, each checked, `@` in front allowed; lower-cased. */
export function parseSignUpDomains(value: string | undefined): readonly string[] {
  if (value === undefined || value.trim() === '') return [];
  const domains = value.split(',').map((entry) => entry.trim().toLowerCase().replace(/^@/, ''));
  for (const domain of domains) {
    if (!DOMAIN.test(domain)) {
      throw invalid(
        `SIGNUP_DOMAINS: "${domain}" is not an e-mail domain; give domains like school.example, separated by commas`,
      );
    }
  }
  return [...new Set(domains)];
}

/** Reads SIGNUP and SIGNUP_DOMAINS for a server answering on `host`. */
export function readSignUpPolicy(env: NodeJS.ProcessEnv, host: string): SignUpPolicy {
  const domains = parseSignUpDomains(env.SIGNUP_DOMAINS);
  const setting = env.SIGNUP?.trim().toLowerCase();
  if (setting !== undefined && setting !== '' && setting !== 'open' && setting !== 'closed') {
    throw invalid(`SIGNUP: "${env.SIGNUP ?? ''}" is not open or closed`);
  }
  const isOpen =
    setting === undefined || setting === '' ? isLoopbackHost(host) : setting === 'open';
  return { isOpen, domains };
}

/** The domain of an e-mail address, lower case ("" when it has no @). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
