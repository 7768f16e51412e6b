import type { FastifyBaseLogger } from 'fastify';
import type { SignUpRequest, Teacher } from '#domain/api/live-contracts';
import {
  DELETE_ACCOUNT_CONFIRMATION,
  type AccountSignIn,
} from '#domain/api/student-data-contracts';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { checkGuess, type GuessLimiter } from '../lib/guess-limiter';
import type { Mail, Mailer } from '../lib/mailer';
import { refuseWeakPassword } from '../lib/password-policy';
import type { RateLimiter } from '../lib/rate-limiter';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../lib/secrets';
import type { LiveHub } from '../live/live-hub';
import {
  createTeacher,
  deleteTeacherAccount,
  findTeacherByEmail,
} from '../repositories/teachers.repository';
import {
  configuredBaseUrl,
  createPasswordResetLink,
  requireUsableResetLink,
  resetPasswordWithLink,
  type PasswordResetLink,
} from './password-reset';
import { hasOidcIdentity } from '../repositories/oidc.repository';
import { teacherActor, type AuditRequest, type AuditTrail } from './audit-trail';
import { confirmSignUp, prepareSignUpMail } from './sign-up-by-email';
import type { SpaceReclaimer } from './space-reclaimer';
import { requireSignUpAllowed } from './sign-up-policy';

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

/** The limits on accounts (plugins/rate-limits.plugin.ts makes them). */
export interface AccountLimiters {
  /** Wrong passwords, per client address and per account (e-mail). */
  readonly signInByAddress: GuessLimiter;
  readonly signInByEmail: GuessLimiter;
  /** Sign-up e-mails sent, per e-mail address. */
  readonly signUpMailsByEmail: RateLimiter;
  readonly forgotPasswordByEmail: RateLimiter;
}

function resetMail(link: PasswordResetLink): Mail {
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: link.teacher.email,
    subject: 'Set a new password for Article Discussion',
    text: [
      `Hello ${link.teacher.name},`,
      '',
      `Someone, we hope you, asked to set a new password for the teacher account ${link.teacher.email} on Article Discussion. Open this link to choose one:`,
      '',
      link.url,
      '',
      `The link works once, until ${until} UTC. Using it signs the account out everywhere else.`,
      '',
      'If you did not ask for this, ignore this e-mail: the password stays as it is.',
    ].join('\n'),
  };
}

/** Teacher accounts: sign-up (by e-mail when the server sends it), sign-in, a new password. */
export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
    private readonly config: ServerConfig,
    private readonly mailer: Mailer | null,
    private readonly limiters: AccountLimiters,
    private readonly audit: AuditTrail,
    private readonly reclaimer: SpaceReclaimer,
  ) {}

  /** Whether sign-up and password resets go by e-mail. */
  get sendsEmail(): boolean {
    return this.mailer !== null;
  }

  private sendInBackground(mail: Mail, log: FastifyBaseLogger, what: string): void {
    this.mailer?.send(mail).catch((error: unknown) => {
      log.error({ err: error }, `could not send a ${what} e-mail`);
    });
  }

  /**
   * A new account: made at once on a server without e-mail, else a link (or, to an owner, a
   * warning) goes to the address: `mailed`, the same answer whether or not it had an account.
   */
  async signUp(request: SignUpRequest, log: FastifyBaseLogger): Promise<Teacher | 'mailed'> {
    // The same refusal whether or not the address has an account (sign-up-policy.ts).
    await requireSignUpAllowed(this.db, this.config, request.email);
    await refuseWeakPassword(request.password, request);
    if (this.mailer) {
      this.limiters.signUpMailsByEmail.take(request.email.toLowerCase());
      const mail = await prepareSignUpMail(this.db, request, configuredBaseUrl(this.config));
      this.sendInBackground(mail, log, 'sign-up');
      return 'mailed';
    }
    const teacher = await createTeacher(this.db, {
      email: request.email,
      name: request.name,
      passwordHash: await hashPassword(request.password),
    });
    if (!teacher) {
      throw new ApiError(
        409,
        'account_unavailable',
        'An account cannot be created with this e-mail. If you already have one, sign in instead.',
        'email',
      );
    }
    return teacher;
  }

  confirmSignUp(token: string): Promise<Teacher> {
    return confirmSignUp(this.db, this.config, token);
  }

  /** The account these credentials open; wrong guesses slow down per address and account. */
  async signIn(address: string, email: string, password: string): Promise<Teacher> {
    const found = await checkGuess(
      {
        byAddress: [this.limiters.signInByAddress, address],
        byTarget: [this.limiters.signInByEmail, email.toLowerCase()],
      },
      async () => {
        const account = await findTeacherByEmail(this.db, email);
        const isValid = await verifyPassword(
          password,
          account?.passwordHash ?? DUMMY_PASSWORD_HASH,
        );
        if (account && isValid) return account;
        // The account tried when there is one; the e-mail only as a keyed hash, never as typed.
        await this.audit.record({
          actor: { kind: 'teacher', id: account?.id ?? null },
          action: 'sign_in_failed',
          request: { ip: address },
          detail: this.audit.failedSignInDetail(email),
        });
        return null;
      },
    );
    if (!found) throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
    return { id: found.id, email: found.email, name: found.name };
  }

  /** How the account signs in: an account an LMS launch or an OpenID provider made has no password. */
  async signInOf(teacher: Teacher): Promise<AccountSignIn> {
    const found = await findTeacherByEmail(this.db, teacher.email);
    if (!found || found.id !== teacher.id) {
      throw new ApiError(401, 'not_signed_in', 'This account no longer exists.');
    }
    if (found.passwordHash !== null) return { signsInWith: 'password' };
    return { signsInWith: (await hasOidcIdentity(this.db, found.id)) ? 'oidc' : 'lms' };
  }

  /**
   * Deletes the account and every session of it, once its password is given again; an account
   * with no password (an LMS made it, and only the LMS signs it in) types DELETE instead.
   */
  async delete(
    teacher: Teacher,
    proof: { readonly password?: string | undefined; readonly confirmation?: string | undefined },
    request: AuditRequest,
  ): Promise<void> {
    const found = await findTeacherByEmail(this.db, teacher.email);
    if (found?.id === teacher.id && found.passwordHash === null) {
      if (proof.confirmation !== DELETE_ACCOUNT_CONFIRMATION) {
        throw new ApiError(
          400,
          'invalid_input',
          `Type ${DELETE_ACCOUNT_CONFIRMATION} to confirm: this account has no password (it signs in from your LMS or your school account).`,
          'confirmation',
        );
      }
    } else {
      if (proof.password === undefined) {
        throw new ApiError(400, 'invalid_input', 'Enter your password.', 'password');
      }
      const isValid = await verifyPassword(
        proof.password,
        found?.passwordHash ?? DUMMY_PASSWORD_HASH,
      );
      if (!found || found.id !== teacher.id || !isValid) {
        throw new ApiError(403, 'wrong_password', 'That is not your password.', 'password');
      }
    }
    const sessionIds = await this.db.transaction(async (tx) => {
      const deleted = await deleteTeacherAccount(tx, found.id);
      const actor = teacherActor(found);
      await this.audit.record({ actor, action: 'deleted_account', request }, tx);
      return deleted;
    });
    for (const sessionId of sessionIds) this.hub.endSessionStreams(sessionId);
    // The account's and its students' rows leave the table files soon, not at some later autovacuum.
    this.reclaimer.request();
  }

  /** Mails a link to set a new password when the address has an account; says nothing either way. */
  async forgotPassword(email: string, log: FastifyBaseLogger): Promise<void> {
    this.limiters.forgotPasswordByEmail.take(email.toLowerCase());
    if (!this.mailer) return;
    const link = await createPasswordResetLink(this.db, email, configuredBaseUrl(this.config));
    if (link) this.sendInBackground(resetMail(link), log, 'password-reset');
  }

  checkResetLink(token: string): Promise<Teacher> {
    return requireUsableResetLink(this.db, token);
  }

  resetPassword(token: string, password: string): Promise<Teacher> {
    return resetPasswordWithLink(this.db, token, password);
  }
}
