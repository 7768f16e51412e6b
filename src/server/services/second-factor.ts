import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Teacher } from '#domain/api/live-contracts';
import type { SecondFactorEnrolment, SecondFactorStatus } from '#domain/api/sign-in-contracts';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { checkGuess, type GuessLimiter } from '../lib/guess-limiter';
import { SecretBox } from '../lib/secret-box';
import { DUMMY_PASSWORD_HASH, hashToken, newToken, verifyPassword } from '../lib/secrets';
import {
  countRecoveryCodes,
  deletePendingSignIn,
  deleteSecondFactor,
  findPendingSignIn,
  findSecondFactor,
  insertPendingSignIn,
  saveUnconfirmedSecondFactor,
  takeRecoveryCode,
  turnOnSecondFactor,
  useTimeStep,
  type SecondFactorRecord,
} from '../repositories/second-factors.repository';
import { findTeacherByEmail } from '../repositories/teachers.repository';

/** How long after a right password the code may be entered. */
const PENDING_SIGN_IN_MINUTES = 5;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** One 30-second step either side: a phone's clock a little off still works. */
const DRIFT_SECONDS = 30;
const ISSUER = 'Article Discussion';

const WRONG_CODE =
  'That code is not right. Enter the 6-digit code your authenticator app shows now, or a recovery code.';

export interface SecondFactorLimiters {
  readonly signInByAddress: GuessLimiter;
  readonly signInByEmail: GuessLimiter;
}

function newRecoveryCode(): string {
  const chars = Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  );
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const recoveryHash = (teacherId: string, code: string) =>
  hashToken(`${teacherId}:${code.toLowerCase().replace(/[\s-]/g, '')}`);

/**
 * The optional TOTP second factor of password sign-ins (otplib): the secret sealed at rest,
 * turned on only after a right code, each code used once, ten one-time recovery codes.
 */
export class SecondFactors {
  private readonly box: SecretBox;

  constructor(
    private readonly db: Database,
    cookieSecret: string,
    private readonly limiters: SecondFactorLimiters,
  ) {
    this.box = new SecretBox(cookieSecret, 'totp-secret');
  }

  private async passwordHashOf(teacher: Teacher): Promise<string | null> {
    const found = await findTeacherByEmail(this.db, teacher.email);
    return found?.id === teacher.id ? found.passwordHash : null;
  }

  async status(teacher: Teacher): Promise<SecondFactorStatus> {
    const record = await findSecondFactor(this.db, teacher.id);
    return {
      isOn: record?.isOn ?? false,
      isAvailable: (await this.passwordHashOf(teacher)) !== null,
      recoveryCodesLeft: record?.isOn ? await countRecoveryCodes(this.db, teacher.id) : 0,
    };
  }

  async enrol(teacher: Teacher): Promise<SecondFactorEnrolment> {
    if ((await this.passwordHashOf(teacher)) === null) {
      throw new ApiError(
        409,
        'second_factor_unavailable',
        'This account has no password: it signs in through your school account, which has its own second factor.',
      );
    }
    if ((await findSecondFactor(this.db, teacher.id))?.isOn) {
      throw new ApiError(409, 'second_factor_unavailable', 'The second factor is on already.');
    }
    const secret = generateSecret();
    await saveUnconfirmedSecondFactor(this.db, teacher.id, this.box.seal(secret));
    const otpauthUri = generateURI({ issuer: ISSUER, label: teacher.email, secret });
    const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 });
    return { secret, otpauthUri, qrSvg };
  }

  /** A TOTP code for the record's secret, after its last used step; records the step used. */
  private async isRightTotp(teacherId: string, record: SecondFactorRecord, code: string) {
    if (!/^\d{6}$/.test(code)) return false;
    const result = await verify({
      secret: this.box.open(record.secretSealed),
      token: code,
      epochTolerance: DRIFT_SECONDS,
      afterTimeStep: record.lastStep,
    });
    if (!result.valid || !('timeStep' in result)) return false;
    return useTimeStep(this.db, teacherId, result.timeStep);
  }

  /** A code, or (when allowed) a recovery code, under the sign-in guess limits of the account. */
  private async checkCode(
    teacher: { readonly id: string; readonly email: string },
    address: string,
    code: string,
    allowRecovery: boolean,
  ): Promise<void> {
    const isRight = await checkGuess(
      {
        byAddress: [this.limiters.signInByAddress, address],
        byTarget: [this.limiters.signInByEmail, teacher.email.toLowerCase()],
      },
      async () => {
        const record = await findSecondFactor(this.db, teacher.id);
        if (!record) return null;
        const trimmed = code.trim();
        if (await this.isRightTotp(teacher.id, record, trimmed)) return true;
        if (allowRecovery && record.isOn && !/^\d{6}$/.test(trimmed)) {
          return (await takeRecoveryCode(this.db, teacher.id, recoveryHash(teacher.id, trimmed)))
            ? true
            : null;
        }
        return null;
      },
    );
    if (!isRight) throw new ApiError(401, 'wrong_code', WRONG_CODE, 'code');
  }

  async confirm(teacher: Teacher, address: string, code: string): Promise<string[]> {
    const record = await findSecondFactor(this.db, teacher.id);
    if (!record || record.isOn) {
      throw new ApiError(
        409,
        'second_factor_unavailable',
        record ? 'The second factor is on already.' : 'Start setting up the second factor first.',
      );
    }
    await this.checkCode(teacher, address, code, false);
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.db.transaction((tx) =>
      turnOnSecondFactor(
        tx,
        teacher.id,
        codes.map((c) => recoveryHash(teacher.id, c)),
      ),
    );
    return codes;
  }

  async isOn(teacherId: string): Promise<boolean> {
    return (await findSecondFactor(this.db, teacherId))?.isOn ?? false;
  }

  /** After a right password: a token to send back with the code, for a few minutes. */
  async startSignIn(teacher: Teacher): Promise<string> {
    const token = newToken();
    const expires = new Date(Date.now() + PENDING_SIGN_IN_MINUTES * 60_000);
    await insertPendingSignIn(this.db, hashToken(token), teacher.id, expires);
    return token;
  }

  /** The teacher whose pending sign-in this code finishes; the token is then used up. */
  async finishSignIn(address: string, pendingToken: string, code: string): Promise<Teacher> {
    const tokenHash = hashToken(pendingToken);
    const pending = await findPendingSignIn(this.db, tokenHash);
    const expired = new ApiError(
      401,
      'invalid_credentials',
      'This sign-in has expired or was already used. Enter your e-mail and password again.',
    );
    if (!pending) throw expired;
    const teacher = { id: pending.teacherId, email: pending.email, name: pending.name };
    await this.checkCode(teacher, address, code, true);
    if (!(await deletePendingSignIn(this.db, tokenHash))) throw expired;
    return teacher;
  }

  async turnOff(teacher: Teacher, address: string, password: string, code: string): Promise<void> {
    const hash = await this.passwordHashOf(teacher);
    const isValid = await verifyPassword(password, hash ?? DUMMY_PASSWORD_HASH);
    if (!hash || !isValid) {
      throw new ApiError(403, 'wrong_password', 'That is not your password.', 'password');
    }
    if (!(await this.isOn(teacher.id))) {
      throw new ApiError(409, 'second_factor_unavailable', 'The second factor is off already.');
    }
    await this.checkCode(teacher, address, code, true);
    await deleteSecondFactor(this.db, teacher.id);
  }

  /** The admin command's reset: false when the account had no second factor. */
  async reset(teacherId: string): Promise<boolean> {
    return deleteSecondFactor(this.db, teacherId);
  }
}
