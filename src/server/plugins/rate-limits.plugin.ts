import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { WALL_REPLIES_PER_MINUTE } from '#domain/live/wall-replies';
import { GuessLimiter, type GuessRule } from '../lib/guess-limiter';
import { RateLimiter } from '../lib/rate-limiter';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Reset e-mails one address may be sent per hour: enough to retry, too few to flood it. */
const RESET_EMAILS_PER_ADDRESS = 3;
/**
 * Sign-up e-mails (a link, or a warning to the owner) one address may be sent per hour, taken
 * or not: a stranger cannot fill a teacher's inbox, and the cap tells nobody which it is.
 */
const SIGN_UP_EMAILS_PER_ADDRESS = 3;
/** A student moving between sections: a click a second is far more than reading allows. */
const PROGRESS_PER_MINUTE = 60;
/**
 * Lessons and versions a teacher may store in ten minutes (new, imported, duplicated or
 * published): importing a term's files at once fits; a script filling the database does not.
 */
const STORED_LESSONS_PER_10_MINUTES = 60;
/**
 * Articles a teacher may bring in ten minutes (by link, file or text): each is a fetch from the
 * server and seconds of work; trying a few links for tomorrow's class fits, a crawler does not.
 */
const ARTICLE_DRAFTS_PER_10_MINUTES = 30;
/** Draft saves a teacher may make a minute: autosave every second in two tabs, and more. */
const DRAFT_SAVES_PER_MINUTE = 240;
/** A student writes a statement in a few seconds at best; more is a script. */
const STATEMENTS_PER_MINUTE = 10;
/**
 * Sign-in, sign-up and account deletion requests per address per minute, right or wrong: each
 * costs a password hash (scrypt), so a flood of them is refused however it is spelled.
 */
const PASSWORD_CHECKS_PER_MINUTE = 100;
/** Delays grow up to this many times the first. */
const MAX_DELAY_FACTOR = 8;

export interface RateLimiters {
  /** Every join code look-up and join, per client address. */
  readonly join: RateLimiter;
  /** Unknown join codes tried, per client address. */
  readonly joinGuess: GuessLimiter;
  readonly answer: RateLimiter;
  /** Every request that checks a password, per client address. */
  readonly signIn: RateLimiter;
  /** Wrong passwords, per client address and per account (e-mail). */
  readonly signInByAddress: GuessLimiter;
  readonly signInByEmail: GuessLimiter;
  /** Wrong rejoin codes, per client address and per student (session and name). */
  readonly rejoinByAddress: GuessLimiter;
  readonly rejoinByStudent: GuessLimiter;
  readonly forgotPasswordByAddress: RateLimiter;
  readonly forgotPasswordByEmail: RateLimiter;
  /** Sign-up e-mails sent, per e-mail address. */
  readonly signUpMailsByEmail: RateLimiter;
  readonly progress: RateLimiter;
  /** Replies on the class's wall, per student. */
  readonly wallReply: RateLimiter;
  /** Lessons and lesson versions stored, per teacher. */
  readonly storedLessons: RateLimiter;
  /** Articles fetched or read to draft a lesson from, per teacher. */
  readonly articleDrafts: RateLimiter;
  /** Lesson drafts saved, per teacher. */
  readonly draftSaves: RateLimiter;
  /** Class statements written, per student. */
  readonly statements: RateLimiter;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** In memory, per instance: see docs/decisions/0005-hand-made-rate-limits-headers-and-csrf-check.md. */
    readonly limiters: RateLimiters;
  }
}

export const rateLimitsPlugin = fp(
  (app, _options, done) => {
    const { config } = app;
    /** Slowed from half the limit on, by delays from GUESS_DELAY_MS up to 8 times that. */
    const guesses = (what: string, limit: number, windowMs: number) =>
      new GuessLimiter({
        what,
        windowMs,
        limit,
        freeGuesses: Math.ceil(limit / 2),
        firstDelayMs: config.guessDelayMs,
        maxDelayMs: MAX_DELAY_FACTOR * config.guessDelayMs,
      } satisfies GuessRule);
    const limiters: RateLimiters = {
      join: new RateLimiter(config.joinRateLimit, MINUTE, 'attempts to join'),
      joinGuess: guesses('wrong join codes', config.joinGuessLimit, MINUTE),
      answer: new RateLimiter(config.answerRateLimit, MINUTE, 'answers'),
      signIn: new RateLimiter(PASSWORD_CHECKS_PER_MINUTE, MINUTE, 'sign-in attempts'),
      signInByAddress: guesses('wrong passwords', config.wrongPasswordsPerAddress, MINUTE),
      signInByEmail: guesses(
        'wrong passwords for this account',
        config.wrongPasswordsPerAccount,
        HOUR,
      ),
      rejoinByAddress: guesses('wrong rejoin codes', config.rejoinRateLimit, 10 * MINUTE),
      rejoinByStudent: guesses(
        'wrong rejoin codes for this student',
        config.rejoinStudentRateLimit,
        10 * MINUTE,
      ),
      forgotPasswordByAddress: new RateLimiter(
        config.resetRateLimit,
        HOUR,
        'requests for a new password',
      ),
      forgotPasswordByEmail: new RateLimiter(
        RESET_EMAILS_PER_ADDRESS,
        HOUR,
        'requests for a new password for this e-mail address',
      ),
      signUpMailsByEmail: new RateLimiter(
        SIGN_UP_EMAILS_PER_ADDRESS,
        HOUR,
        'sign-ups with this e-mail address',
      ),
      progress: new RateLimiter(PROGRESS_PER_MINUTE, MINUTE, 'section changes'),
      wallReply: new RateLimiter(WALL_REPLIES_PER_MINUTE, MINUTE, 'replies'),
      storedLessons: new RateLimiter(
        STORED_LESSONS_PER_10_MINUTES,
        10 * MINUTE,
        'new, imported, duplicated or published lessons',
      ),
      articleDrafts: new RateLimiter(
        ARTICLE_DRAFTS_PER_10_MINUTES,
        10 * MINUTE,
        'articles brought to draft a lesson from',
      ),
      draftSaves: new RateLimiter(DRAFT_SAVES_PER_MINUTE, MINUTE, 'draft saves'),
      statements: new RateLimiter(STATEMENTS_PER_MINUTE, MINUTE, 'statements written'),
    };
    app.decorate('limiters', limiters);
    app.addHook('onClose', (_app, closed) => {
      const all = Object.values(limiters) as (RateLimiter | GuessLimiter)[];
      for (const limiter of all) limiter.close();
      closed();
    });
    done();
  },
  { name: 'rate-limits', dependencies: ['config'] },
);

/**
 * For addRoute: count every attempt from an address before the request is validated, however
 * malformed, so passwords and reset links cannot be tried for free.
 */
export const countEveryAttempt = (limiter: RateLimiter) => ({
  beforeValidation: (request: FastifyRequest) => {
    limiter.take(request.ip);
  },
});
