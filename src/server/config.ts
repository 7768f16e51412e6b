import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowedHosts, type AllowedHost } from './articles/address-guard';
import { readSecurityContact, type SecurityContact } from './config-security-contact';
import { readOidcProviders, type OidcProviderSetting } from './config-oidc';
import { readAuditSettings, type AuditSettings } from './config-audit';
import { readSignUpPolicy, type SignUpPolicy } from './config-sign-up';
import { plainHttpRefusal, readTlsCredentials, type TlsCredentials } from './config-transport';

/**
 * A period in whole units, or `null` for "never": unset gives `fallback`, `0` or `off` turn it
 * off. Refuses anything else, naming the variable.
 */
function offOrWholeNumber(name: string, fallback: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx): number | null => {
      const text = value?.trim().toLowerCase() ?? '';
      if (text === '') return fallback;
      if (text === 'off' || text === '0') return null;
      if (!/^\d{1,6}$/.test(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number (0 or "off" to turn it off), not ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
      return Number(text);
    });
}

/**
 * The most days RETENTION_DAYS may keep an ended session with its students' data: the COPPA
 * rule as amended in 2025 (16 CFR 312.10) asks for a written retention limit, so "off" (kept
 * forever) is refused and the limit is stated, three years.
 */
export const MAX_RETENTION_DAYS = 1095;

/** RETENTION_DAYS: whole days from 1 to MAX_RETENTION_DAYS; unset gives `fallback`. */
function retentionDays(fallback: number) {
  const why = `students' data needs a written retention limit (COPPA rule, 2025), so it cannot be kept forever`;
  return z
    .string()
    .optional()
    .transform((value, ctx): number => {
      const text = value?.trim().toLowerCase() ?? '';
      if (text === '') return fallback;
      const days = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
      if (text === 'off' || days === 0 || days > MAX_RETENTION_DAYS) {
        ctx.addIssue({
          code: 'custom',
          message: `RETENTION_DAYS must be at most ${MAX_RETENTION_DAYS} days (3 years), not ${JSON.stringify(value)}: ${why}`,
        });
        return z.NEVER;
      }
      if (Number.isNaN(days)) {
        ctx.addIssue({
          code: 'custom',
          message: `RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, not ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
      return days;
    });
}

/**
 * A variable read by `parse`, which answers the value or, for a value it refuses, the message
 * saying why (naming the variable).
 */
function parsedBy<T>(parse: (value: string | undefined) => T | string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): T => {
      const parsed = parse(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    });
}

/** The only reader of process.env: everything the server is told, validated at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  /** A PostgreSQL schema of its own (made if missing), e.g. for a benchmark run. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA must be a lowercase SQL identifier')
    .optional(),
  COOKIE_SECRET: z.string().min(32, 'COOKIE_SECRET must be at least 32 characters').optional(),
  /** The address students type or scan, when the server sits behind a proxy. */
  PUBLIC_URL: z.url().optional(),
  /** Which proxies may say who the client is (X-Forwarded-For): none unless told. */
  TRUST_PROXY: parsedBy(parseTrustProxy),
  /** Join requests (code look-ups and joins) allowed per client address per minute. */
  JOIN_RATE_LIMIT: z.coerce.number().int().positive().default(300),
  /** Unknown join codes allowed per client address per minute: how fast codes can be guessed. */
  JOIN_GUESS_LIMIT: z.coerce.number().int().positive().default(20),
  /** Open event streams allowed per client address (a class behind one school address). */
  STREAMS_PER_IP: z.coerce.number().int().positive().default(200),
  /** Answers allowed per participant per minute. */
  ANSWER_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  /**
   * Wrong rejoin codes per client address per 10 minutes before wrong ones are refused (right
   * ones still get in), and per student before any is refused for the rest of the 10 minutes.
   */
  REJOIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /**
   * The first wait once wrong guesses (join codes, rejoin codes, passwords) pass half their
   * limit; it doubles with each further wrong guess, up to eight times this.
   */
  GUESS_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  // `info` logs a line per request; the default keeps a classroom server's output to what matters.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  STATIC_DIR: z.string().min(1).default('./dist'),
  /** An SMTP server for sign-up and password-reset e-mails, e.g. smtp://user:pass@mail.example:587. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
    .optional(),
  /** The sender of those e-mails, e.g. "Article Discussion <noreply@school.example>". */
  MAIL_FROM: z.string().trim().min(3).optional(),
  /** "Forgot your password?" requests allowed per client address per hour. */
  RESET_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Days an ended session is kept, with its students' data: 1 to MAX_RETENTION_DAYS, never off. */
  RETENTION_DAYS: retentionDays(365),
  /** Hours without a teacher action, an answer or a join after which an open session ends. */
  IDLE_SESSION_HOURS: offOrWholeNumber('IDLE_SESSION_HOURS', 12),
  /** Seconds between two housekeeping sweeps (retention, idle sessions, expired sign-ins). */
  HOUSEKEEPING_INTERVAL_SECONDS: z.coerce
    .number({ error: 'HOUSEKEEPING_INTERVAL_SECONDS must be a number of seconds' })
    .int('HOUSEKEEPING_INTERVAL_SECONDS must be a whole number of seconds')
    .min(1, 'HOUSEKEEPING_INTERVAL_SECONDS must be at least 1')
    .max(86_400, 'HOUSEKEEPING_INTERVAL_SECONDS must be at most 86400 (a day)')
    .default(600),
  /**
   * Hosts (`host` or `host:port`, comma-separated) a teacher's article link may reach even at a
   * private address: for tests and a school's own news server. Everything else is guarded.
   */
  ARTICLE_FETCH_ALLOW_HOSTS: parsedBy(parseAllowedHosts),
  /** Seconds an article's fetch may take, redirects and download included. */
  ARTICLE_FETCH_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'ARTICLE_FETCH_TIMEOUT_SECONDS must be a number of seconds' })
    .int('ARTICLE_FETCH_TIMEOUT_SECONDS must be a whole number of seconds')
    .min(1, 'ARTICLE_FETCH_TIMEOUT_SECONDS must be at least 1')
    .max(60, 'ARTICLE_FETCH_TIMEOUT_SECONDS must be at most 60')
    .default(10),
  /**
   * A testing aid: shifts the server's "now" for forecast days and version timestamps by whole
   * days (e2e tests simulate students coming back days later). Ignored in production.
   */
  CLOCK_OFFSET_DAYS: z.coerce
    .number({ error: 'CLOCK_OFFSET_DAYS must be a whole number of days' })
    .int('CLOCK_OFFSET_DAYS must be a whole number of days')
    .min(-3650)
    .max(3650)
    .default(0),
  /**
   * Origins (comma-separated) that may show the LTI pages in a frame besides the registered
   * LMSs' own: an LMS whose course pages live elsewhere than its issuer and login addresses.
   */
  LTI_FRAME_ANCESTORS: parsedBy(parseFrameAncestors),
  /** A certificate (PEM, with its chain) and its key: the server then serves HTTPS itself. */
  TLS_CERT: z.string().trim().min(1).optional(),
  TLS_KEY: z.string().trim().min(1).optional(),
  /** 1: plain HTTP on a network address is allowed, the network being trusted (see below). */
  ALLOW_PLAIN_HTTP: z
    .enum(['0', '1'], { error: 'ALLOW_PLAIN_HTTP must be 1 (allow) or 0' })
    .optional(),
  NODE_ENV: z.string().optional(),
});

/** AuditSettings: the audit trail's retention and teachers' sign-in limits (config-audit.ts). */
export interface ServerConfig extends AuditSettings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string | undefined;
  readonly cookieSecret: string;
  readonly publicUrl: string | undefined;
  /** Fastify's trustProxy: false (trust no proxy) or the proxies' addresses and CIDR ranges. */
  readonly trustProxy: TrustProxy;
  readonly joinRateLimit: number;
  readonly joinGuessLimit: number;
  readonly streamsPerAddress: number;
  readonly answerRateLimit: number;
  readonly rejoinRateLimit: number;
  readonly rejoinStudentRateLimit: number;
  /** The first delay of a guess past its free ones (see GUESS_DELAY_MS). */
  readonly guessDelayMs: number;
  /** Wrong passwords per address per minute before wrong ones are refused (right ones get in). */
  readonly wrongPasswordsPerAddress: number;
  /**
   * Wrong passwords per account per hour before any is refused until the hour is up: NIST SP
   * 800-63B asks for no more than 100 failed attempts on an account; the delays come first.
   */
  readonly wrongPasswordsPerAccount: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly staticDir: string;
  /** Where sign-up and password-reset e-mails go out; unset: no e-mail, the admin command makes links. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string | undefined;
  readonly resetRateLimit: number;
  /** Days an ended session is kept before it is deleted with its students' data (at most 1095). */
  readonly retentionDays: number;
  /** Hours of inactivity after which an open session ends by itself; null: never. */
  readonly idleSessionHours: number | null;
  readonly housekeepingIntervalSeconds: number;
  /** Hosts an article's link may reach past the private-address guard (tests). */
  readonly articleFetchAllowHosts: readonly AllowedHost[];
  /** The whole fetch of an article's page, in milliseconds. */
  readonly articleFetchTimeoutMs: number;
  /** Days the forecast clock runs ahead (CLOCK_OFFSET_DAYS); always 0 in production. */
  readonly clockOffsetDays: number;
  /** Origins that may frame the LTI pages besides the registered LMSs (LTI_FRAME_ANCESTORS). */
  readonly ltiFrameAncestors: readonly string[];
  /** The certificate and key the server serves HTTPS with (TLS_CERT, TLS_KEY); unset: HTTP. */
  readonly tls: TlsCredentials | undefined;
  /** Where vulnerabilities are reported (SECURITY_CONTACT, SECURITY_POLICY), for security.txt. */
  readonly securityContact: SecurityContact;
  /** Sign-in by OpenID Connect (OIDC_* variables, config-oidc.ts); empty: passwords only. */
  readonly oidcProviders: readonly OidcProviderSetting[];
  /** Who may open a teacher account (SIGNUP, SIGNUP_DOMAINS; config-sign-up.ts). */
  readonly signUp: SignUpPolicy;
}

export type TrustProxy = false | readonly string[];

/** The names proxy-addr (under Fastify's trustProxy) knows for whole address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset trusts no proxy (the socket's address is the client's); else a comma list
 * of the proxies' addresses, CIDR ranges or `loopback`/`linklocal`/`uniquelocal`. Not a hop
 * count: that cannot tell a proxy from a client connecting directly with a made-up header.
 * Returns the problem as a string when the value is bad.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const text = value?.trim() ?? '';
  if (text === '') return false;
  if (/^\d+$/.test(text)) {
    return "give the proxies' addresses (e.g. 127.0.0.1 or 10.0.0.0/8), not a hop count: a hop count cannot tell a proxy from a client that connects directly";
  }
  const entries = text.split(',').map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0) {
    return `not an IP address, a CIDR range or loopback/linklocal/uniquelocal: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`;
  }
  return entries;
}

/**
 * LTI_FRAME_ANCESTORS: a comma list of origins (`https://school.instructure.com`), each an
 * address of its scheme and host only; a wildcard subdomain (`https://*.instructure.com`) as CSP
 * allows it. Returns the problem as a string when the value is bad.
 */
export function parseFrameAncestors(value: string | undefined): readonly string[] | string {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter(
    (entry) => !/^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(entry),
  );
  if (wrong.length > 0) {
    return `LTI_FRAME_ANCESTORS takes origins such as https://lms.school.example, not ${wrong.map((w) => JSON.stringify(w)).join(', ')}`;
  }
  return entries;
}

const SECRET_FILE = 'cookie-secret';

/** Reads the cookie secret kept in the data directory, making and keeping one the first time. */
async function loadOrCreateCookieSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
    throw new Error(
      `${file} holds a secret shorter than 32 characters; delete it to make a new one`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Owner-only, as the database beside it (see db/data-directory.ts).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<ServerConfig> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.')}: ${i.message}`)
      .join('\n');
    throw new Error(`The server's environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  if (e.SMTP_URL && (!e.MAIL_FROM || !e.PUBLIC_URL)) {
    // The link in a reset e-mail must not come from a request's Host header, which anyone sends.
    throw new Error(
      "The server's environment is not valid:\n  SMTP_URL needs MAIL_FROM (the sender) and PUBLIC_URL (the address written in the e-mailed links)",
    );
  }
  const tls = await readTlsCredentials(e.TLS_CERT, e.TLS_KEY);
  const refusal = plainHttpRefusal({
    host: e.HOST,
    hasTls: tls !== undefined,
    isBehindProxy: e.TRUST_PROXY !== false,
    allowsPlainHttp: e.ALLOW_PLAIN_HTTP === '1',
  });
  if (refusal) throw new Error(refusal);
  const oidcProviders = readOidcProviders(env, e.PUBLIC_URL);
  const dataDir = path.resolve(e.DATA_DIR);
  const audit = readAuditSettings(env, e.RETENTION_DAYS);
  return {
    ...audit,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    cookieSecret: e.COOKIE_SECRET ?? (await loadOrCreateCookieSecret(dataDir)),
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    joinRateLimit: e.JOIN_RATE_LIMIT,
    joinGuessLimit: e.JOIN_GUESS_LIMIT,
    streamsPerAddress: e.STREAMS_PER_IP,
    answerRateLimit: e.ANSWER_RATE_LIMIT,
    rejoinRateLimit: e.REJOIN_RATE_LIMIT,
    rejoinStudentRateLimit: e.REJOIN_RATE_LIMIT,
    guessDelayMs: e.GUESS_DELAY_MS,
    wrongPasswordsPerAddress: 20,
    wrongPasswordsPerAccount: 50,
    logLevel: e.LOG_LEVEL,
    staticDir: path.resolve(e.STATIC_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    resetRateLimit: e.RESET_RATE_LIMIT,
    retentionDays: e.RETENTION_DAYS,
    idleSessionHours: e.IDLE_SESSION_HOURS,
    housekeepingIntervalSeconds: e.HOUSEKEEPING_INTERVAL_SECONDS,
    articleFetchAllowHosts: e.ARTICLE_FETCH_ALLOW_HOSTS,
    articleFetchTimeoutMs: e.ARTICLE_FETCH_TIMEOUT_SECONDS * 1000,
    clockOffsetDays: e.NODE_ENV === 'production' ? 0 : e.CLOCK_OFFSET_DAYS,
    ltiFrameAncestors: e.LTI_FRAME_ANCESTORS,
    tls,
    securityContact: readSecurityContact(env.SECURITY_CONTACT, env.SECURITY_POLICY),
    oidcProviders,
    signUp: readSignUpPolicy(env, e.HOST),
  };
}
