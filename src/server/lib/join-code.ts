import { randomInt } from 'node:crypto';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  REJOIN_CODE_LENGTH,
} from '#domain/live/live-constants';

function newCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) {
    code += JOIN_CODE_ALPHABET.charAt(randomInt(JOIN_CODE_ALPHABET.length));
  }
  return code;
}

/** A fresh join code: six characters with no look-alikes (no 0/O, 1/I/L). */
export function newJoinCode(): string {
  return newCode(JOIN_CODE_LENGTH);
}

/** A student's personal code back into a session: 31^6, about 887 million, to guess from. */
export function newRejoinCode(): string {
  return newCode(REJOIN_CODE_LENGTH);
}
