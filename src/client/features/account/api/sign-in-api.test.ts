import { describe, expect, it } from 'vitest';
import { signInOutcomeIn, signUpOutcomeIn, signUpPolicyIn, teacherIn } from './sign-in-api';

function refusalOf(body: unknown): unknown {
  try {
    teacherIn('POST /api/auth/sign-in', body);
  } catch (error) {
    return error;
  }
  return null;
}

describe('the signed-out /teach page reading a teacher without the contract’s schemas', () => {
  it('takes the teacher’s id, name and e-mail, and nothing else', () => {
    const body = { teacher: { id: 't-1', name: 'Ms Rivera', email: 'r@example.org', extra: 1 } };
    expect(teacherIn('GET /api/auth/session', body)).toStrictEqual({
      id: 't-1',
      name: 'Ms Rivera',
      email: 'r@example.org',
    });
  });

  it('refuses an answer without a teacher, or with a field that is not text, naming it', () => {
    expect(refusalOf({})).toMatchObject({ problem: 'teacher: expected a teacher' });
    expect(refusalOf({ teacher: null })).toMatchObject({ problem: 'teacher: expected a teacher' });
    expect(refusalOf({ teacher: { id: 't-1', name: 'A', email: 5 } })).toMatchObject({
      endpoint: 'POST /api/auth/sign-in',
      problem: 'teacher.email: expected text',
    });
  });

  it('tells a sign-up that signed in from one that asks to check the e-mail', () => {
    const teacher = { id: 't-1', name: 'A', email: 'a@example.org' };
    expect(signUpOutcomeIn('POST /api/auth/sign-up', { teacher })).toStrictEqual({ teacher });
    expect(
      signUpOutcomeIn('POST /api/auth/sign-up', { isSentByEmail: true, message: 'Check it' }),
    ).toStrictEqual({ teacher: null, checkEmailMessage: 'Check it' });
    expect(() => signUpOutcomeIn('POST /api/auth/sign-up', { isSentByEmail: true })).toThrow();
  });

  it('tells a sign-in that signed in from one that asks for the second factor’s code', () => {
    const teacher = { id: 't-1', name: 'A', email: 'a@example.org' };
    expect(signInOutcomeIn('POST /api/auth/sign-in', { teacher })).toStrictEqual({ teacher });
    expect(
      signInOutcomeIn('POST /api/auth/sign-in', { secondFactorRequired: true, pendingToken: 'p' }),
    ).toStrictEqual({ teacher: null, pendingToken: 'p' });
    expect(() =>
      signInOutcomeIn('POST /api/auth/sign-in', { secondFactorRequired: true }),
    ).toThrow();
  });
});

describe('the sign-up form reading who may sign up', () => {
  it('takes the policy as sent', () => {
    const body = { isOpen: false, domains: ['district.example'], message: 'Ask for one.' };
    expect(signUpPolicyIn('GET /api/auth/sign-up-policy', body)).toStrictEqual(body);
  });

  it('refuses a policy with a missing or wrong field, naming it', () => {
    const problemOf = (body: unknown) => {
      try {
        signUpPolicyIn('GET /api/auth/sign-up-policy', body);
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(problemOf({ domains: [], message: '' })).toMatchObject({
      problem: 'isOpen: expected true or false',
    });
    expect(problemOf({ isOpen: true, domains: [1], message: '' })).toMatchObject({
      problem: 'domains: expected a list of text',
    });
    expect(problemOf({ isOpen: true, domains: [] })).toMatchObject({
      problem: 'message: expected text',
    });
  });
});
