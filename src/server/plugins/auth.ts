import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Teacher } from '#domain/api/live-contracts';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { isApiRequest } from '../lib/api-paths';
import { ApiError } from '../lib/api-error';
import { hashToken, newToken } from '../lib/secrets';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { findClassSession } from '../repositories/class-sessions.repository';
import { AuditTrail, teacherActor } from '../services/audit-trail';
import { isDeletedParticipantToken } from '../repositories/student-data.repository';
import { findTeacherStanding } from '../repositories/teacher-admin.repository';
import {
  createAuthSession,
  deleteAuthSession,
  findTeacherByAuthToken,
  touchAuthSession,
} from '../repositories/teachers.repository';
import {
  findParticipantByToken,
  type ParticipantRecord,
} from '../repositories/participants.repository';

const TEACHER_COOKIE = 'sid';
const PARTICIPANT_COOKIE = 'pt';
/**
 * Over HTTPS the csrf cookie has the `__Host-` prefix: the browser then keeps only one set by
 * this very host, Secure, for the whole site, so a neighbouring subdomain cannot plant its own.
 * Over plain HTTP (a teacher's laptop) the prefix cannot be set, and the name stays `csrf`.
 */
const csrfCookieName = (request: FastifyRequest) =>
  request.protocol === 'https' ? '__Host-csrf' : 'csrf';
const CSRF_HEADER = 'x-csrf-token';
const PARTICIPANT_COOKIE_DAYS = 2;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** How a sign-in cookie is set: `crossSite` for one set by an LTI launch (see below). */
export interface SignInCookieOptions {
  /**
   * The page may run in an LMS's frame, a cross-site context where only `SameSite=None` cookies
   * are sent (browsers accept it with `Secure`, so over HTTPS only); `Lax` otherwise.
   */
  readonly crossSite?: boolean;
}

function cookieOptions(request: FastifyRequest, options: SignInCookieOptions = {}) {
  const isHttps = request.protocol === 'https';
  return {
    httpOnly: true,
    sameSite: options.crossSite && isHttps ? ('none' as const) : ('lax' as const),
    secure: isHttps,
    signed: true,
  };
}

function readSignedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The host of an Origin header; null for `null` (a sandboxed or privacy-sensitive context) or junk. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie-authenticated writes: a signed double-submit token (the `csrf`
 * or `__Host-csrf` cookie, echoed in the x-csrf-token header, which another site can neither read nor set),
 * plus a same-origin check of the Origin header when the browser sends one.
 */
function registerCsrfProtection(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    const cookieName = csrfCookieName(request);
    const token = readSignedCookie(request, cookieName);
    if (!token) {
      const fresh = newToken();
      reply.setCookie(cookieName, fresh, {
        path: '/',
        sameSite: 'strict',
        secure: request.protocol === 'https',
        signed: true,
        httpOnly: false,
      });
      request.csrfToken = reply.signCookie(fresh);
    } else {
      request.csrfToken = request.cookies[cookieName] ?? null;
    }
    if (!UNSAFE_METHODS.has(request.method)) return;

    const origin = request.headers.origin;
    if (origin !== undefined && hostOf(origin) !== request.headers.host) {
      throw new ApiError(403, 'csrf_failed', 'Requests from another site are not accepted.');
    }
    const header = request.headers[CSRF_HEADER];
    const sent = typeof header === 'string' ? header : '';
    const cookie = request.cookies[cookieName] ?? '';
    if (!token || !sent || !sameText(sent, cookie)) {
      throw new ApiError(
        403,
        'csrf_failed',
        'The request is missing its security token. Reload the page and try again.',
      );
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Who is calling: a signed-in teacher, a joined student, or neither. */
    readonly auth: Auth;
  }
  interface FastifyRequest {
    /** The value the client must echo in x-csrf-token (the signed csrf cookie). */
    csrfToken: string | null;
  }
}

/** How long a teacher's sign-in lasts (config-audit.ts). */
type SignInLimits = Pick<ServerConfig, 'signInIdleHours' | 'signInMaxDays'>;

export class Auth {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly limits: SignInLimits,
  ) {}

  /**
   * Every way in (password, sign-up, confirm link, password reset, LTI launch, OIDC) ends here,
   * so each sign-in writes its audit row here, in the transaction that makes the sign-in.
   */
  async signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    teacher: Teacher,
    options: SignInCookieOptions = {},
  ): Promise<void> {
    // A disabled account is refused here, whichever way it came in.
    const standing = await findTeacherStanding(this.db, teacher.id);
    if (standing?.isDisabled) {
      throw new ApiError(
        403,
        'account_disabled',
        "This teacher account is disabled: an administrator turned it off. Ask your school's administrator if you need it again.",
      );
    }
    const token = newToken();
    // The cookie lasts as long as the sign-in can (SIGN_IN_MAX_DAYS); idleness is the server's.
    const expires = new Date(Date.now() + this.limits.signInMaxDays * 24 * 3600 * 1000);
    await this.db.transaction(async (tx) => {
      await createAuthSession(tx, teacher.id, hashToken(token), expires);
      await this.audit.record({ actor: teacherActor(teacher), action: 'signed_in', request }, tx);
    });
    reply.setCookie(TEACHER_COOKIE, token, {
      ...cookieOptions(request, options),
      path: '/',
      expires,
    });
  }

  /**
   * An LTI launch may run in an LMS's frame, where a Strict cookie is neither kept nor sent:
   * over HTTPS it sets the CSRF cookie `SameSite=None` instead. The check does not rest on
   * SameSite: another site can neither read the token nor send it in the header.
   */
  setCrossSiteCsrfCookie(request: FastifyRequest, reply: FastifyReply): void {
    if (request.protocol !== 'https') return;
    reply.setCookie(csrfCookieName(request), newToken(), {
      path: '/',
      sameSite: 'none',
      secure: true,
      signed: true,
      httpOnly: false,
    });
  }

  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = readSignedCookie(request, TEACHER_COOKIE);
    if (token) await deleteAuthSession(this.db, hashToken(token));
    reply.clearCookie(TEACHER_COOKIE, { path: '/' });
  }

  /**
   * The signed-in teacher, while the sign-in is used within SIGN_IN_IDLE_HOURS and is younger
   * than SIGN_IN_MAX_DAYS. Its last use is written at most about once a minute, not per request.
   */
  async findTeacher(request: FastifyRequest): Promise<Teacher | null> {
    const token = readSignedCookie(request, TEACHER_COOKIE);
    if (!token) return null;
    const tokenHash = hashToken(token);
    const found = await findTeacherByAuthToken(this.db, tokenHash, this.limits.signInIdleHours);
    if (found?.isLastUseStale) await touchAuthSession(this.db, tokenHash);
    return found?.teacher ?? null;
  }

  async requireTeacher(request: FastifyRequest): Promise<Teacher> {
    const teacher = await this.findTeacher(request);
    if (teacher) return teacher;
    // A cookie that no longer signs in: the sign-in ended by time (or by signing out elsewhere).
    if (readSignedCookie(request, TEACHER_COOKIE)) {
      throw new ApiError(
        401,
        'not_signed_in',
        `Your sign-in has ended: it lasts ${this.limits.signInIdleHours} hours without use and ${this.limits.signInMaxDays} days in all. Sign in again.`,
      );
    }
    throw new ApiError(401, 'not_signed_in', 'Sign in as a teacher first.');
  }

  /** The signed-in teacher, when an administrator; 403 not_admin for any other teacher. */
  async requireAdmin(request: FastifyRequest): Promise<Teacher> {
    const teacher = await this.requireTeacher(request);
    const standing = await findTeacherStanding(this.db, teacher.id);
    if (!standing?.isAdmin) {
      throw new ApiError(
        403,
        'not_admin',
        'Only an administrator may do this: your account is a teacher account.',
      );
    }
    return teacher;
  }

  /** The session, when the signed-in teacher owns it; another teacher's session is "not found". */
  async requireOwnedSession(
    request: FastifyRequest,
    sessionId: string,
  ): Promise<{ teacher: Teacher; session: ClassSessionRecord }> {
    const teacher = await this.requireTeacher(request);
    const session = isUuid(sessionId) ? await findClassSession(this.db, sessionId) : null;
    if (session?.teacherId !== teacher.id) {
      throw new ApiError(404, 'session_not_found', 'There is no such session.');
    }
    return { teacher, session };
  }

  setParticipantCookie(
    request: FastifyRequest,
    reply: FastifyReply,
    sessionId: string,
    token: string,
    options: SignInCookieOptions = {},
  ) {
    reply.setCookie(PARTICIPANT_COOKIE, token, {
      ...cookieOptions(request, options),
      // Scoped to the session, so joining another session does not replace it.
      path: `/api/sessions/${sessionId}`,
      maxAge: PARTICIPANT_COOKIE_DAYS * 24 * 3600,
    });
  }

  async findParticipant(
    request: FastifyRequest,
    sessionId: string,
  ): Promise<ParticipantRecord | null> {
    const token = readSignedCookie(request, PARTICIPANT_COOKIE);
    if (!token || !isUuid(sessionId)) return null;
    return findParticipantByToken(this.db, sessionId, hashToken(token));
  }

  async requireParticipant(
    request: FastifyRequest,
    sessionId: string,
  ): Promise<{ participant: ParticipantRecord; session: ClassSessionRecord }> {
    const participant = await this.findParticipant(request, sessionId);
    if (!participant) {
      const token = readSignedCookie(request, PARTICIPANT_COOKIE);
      if (token && (await isDeletedParticipantToken(this.db, sessionId, hashToken(token)))) {
        throw new ApiError(
          403,
          'participant_deleted',
          'Your teacher deleted you, and everything you did, from this session.',
        );
      }
      throw new ApiError(401, 'not_joined', 'Join the session with its code first.');
    }
    if (participant.isRemoved) {
      throw new ApiError(403, 'participant_removed', 'Your teacher removed you from this session.');
    }
    const session = await findClassSession(this.db, sessionId);
    if (!session) throw new ApiError(404, 'session_not_found', 'There is no such session.');
    return { participant, session };
  }
}

/** Teachers' and students' cookies, and CSRF protection of every write. */
export const authPlugin = fp(
  (app, _options, done) => {
    const audit = new AuditTrail(app.db, app.config.cookieSecret);
    app.decorate('auth', new Auth(app.db, audit, app.config));
    registerCsrfProtection(app);
    done();
  },
  { name: 'auth', dependencies: ['config', 'db'] },
);
