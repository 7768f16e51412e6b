import type { endpoints } from '#domain/api/endpoints';
import type { SignInRequest, SignUpRequest, Teacher } from '#domain/api/live-contracts';
import { callEndpointUnparsed, ResponseContractError } from '#shared/lib/api-client';
import { sendWriteUnparsed } from '#shared/lib/call-endpoint';

/**
 * Who is signed in, and signing in or up, as the signed-out /teach page does it: without
 * TanStack Query and the contract's zod schemas, which would double what the page downloads
 * before a teacher can sign in. The answers are checked field by field, as far as pages read them.
 */

type Endpoints = typeof endpoints;
/** The contract's own methods and paths: the type checker refuses any other. */
const signedInEndpoint: Pick<Endpoints['signedIn'], 'method' | 'path'> = {
  method: 'GET',
  path: '/api/auth/session',
};
const signInEndpoint: Pick<Endpoints['signIn'], 'method' | 'path'> = {
  method: 'POST',
  path: '/api/auth/sign-in',
};
const signUpEndpoint: Pick<Endpoints['signUp'], 'method' | 'path'> = {
  method: 'POST',
  path: '/api/auth/sign-up',
};

const teacherField = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && 'teacher' in body ? body.teacher : undefined;

/** The answer's `teacher` (id, name and e-mail), or ResponseContractError naming what is wrong. */
export function teacherIn(name: string, body: unknown): Teacher {
  const teacher = teacherField(body);
  if (typeof teacher !== 'object' || teacher === null) {
    throw new ResponseContractError(name, 'teacher: expected a teacher');
  }
  const fields = teacher as Record<string, unknown>;
  const { id, name: teacherName, email } = fields;
  for (const [field, value] of Object.entries({ id, name: teacherName, email })) {
    if (typeof value !== 'string') {
      throw new ResponseContractError(name, `teacher.${field}: expected text`);
    }
  }
  return { id: id as string, name: teacherName as string, email: email as string };
}

/** The signed-in teacher, or null when nobody is. */
export async function readSignedInTeacher(): Promise<Teacher | null> {
  const body = await callEndpointUnparsed(signedInEndpoint);
  return teacherField(body) === null ? null : teacherIn(`GET ${signedInEndpoint.path}`, body);
}

/** A password sign-in's outcome: signed in, or (a second factor on) a code to ask for. */
export type SignInOutcome =
  { readonly teacher: Teacher } | { readonly teacher: null; readonly pendingToken: string };

export function signInOutcomeIn(name: string, body: unknown): SignInOutcome {
  if (typeof body === 'object' && body !== null && 'secondFactorRequired' in body) {
    const { pendingToken } = body as { pendingToken?: unknown };
    if (typeof pendingToken !== 'string') {
      throw new ResponseContractError(name, 'pendingToken: expected text');
    }
    return { teacher: null, pendingToken };
  }
  return { teacher: teacherIn(name, body) };
}

export async function signInUnparsed(request: SignInRequest): Promise<SignInOutcome> {
  return signInOutcomeIn(
    `POST ${signInEndpoint.path}`,
    await sendWriteUnparsed(signInEndpoint, request),
  );
}

const secondFactorSignInEndpoint: Pick<Endpoints['secondFactorSignIn'], 'method' | 'path'> = {
  method: 'POST',
  path: '/api/auth/sign-in/second-factor',
};

/** Finishes a password sign-in with the authenticator's code (or a recovery code). */
export async function finishSignInUnparsed(request: {
  readonly pendingToken: string;
  readonly code: string;
}): Promise<Teacher> {
  return teacherIn(
    `POST ${secondFactorSignInEndpoint.path}`,
    await sendWriteUnparsed(secondFactorSignInEndpoint, request),
  );
}

const oidcProvidersEndpoint: Pick<Endpoints['oidcProviders'], 'method' | 'path'> = {
  method: 'GET',
  path: '/api/auth/oidc/providers',
};

/** The OpenID providers this server signs in with (a button each); the malformed are left out. */
export async function readOidcProviders(): Promise<{ id: string; name: string }[]> {
  const body = await callEndpointUnparsed(oidcProvidersEndpoint);
  const listed =
    typeof body === 'object' && body !== null && 'providers' in body ? body.providers : [];
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((entry: unknown) => {
    const { id, name } = (entry ?? {}) as { id?: unknown; name?: unknown };
    return typeof id === 'string' && typeof name === 'string' ? [{ id, name }] : [];
  });
}

/** A sign-up's outcome: signed in, or (on a server that sends e-mail) a message to check it. */
export type SignUpOutcome =
  { readonly teacher: Teacher } | { readonly teacher: null; readonly checkEmailMessage: string };

/** A sign-up's answer: a teacher (201), or the message to check the e-mail (202). */
export function signUpOutcomeIn(name: string, body: unknown): SignUpOutcome {
  if (typeof body === 'object' && body !== null && 'isSentByEmail' in body) {
    const { message } = body as { message?: unknown };
    if (typeof message !== 'string')
      throw new ResponseContractError(name, 'message: expected text');
    return { teacher: null, checkEmailMessage: message };
  }
  return { teacher: teacherIn(name, body) };
}

export async function signUpUnparsed(request: SignUpRequest): Promise<SignUpOutcome> {
  return signUpOutcomeIn(
    `POST ${signUpEndpoint.path}`,
    await sendWriteUnparsed(signUpEndpoint, request),
  );
}

const signUpPolicyEndpoint: Pick<Endpoints['signUpPolicy'], 'method' | 'path'> = {
  method: 'GET',
  path: '/api/auth/sign-up-policy',
};

/** Who may sign up here: anyone, some e-mail domains (and invited people), or invited people. */
export interface SignUpPolicy {
  readonly isOpen: boolean;
  readonly domains: readonly string[];
  /** What to tell someone who may not sign up. */
  readonly message: string;
}

/** The answer's policy, or ResponseContractError naming what is wrong. */
export function signUpPolicyIn(name: string, body: unknown): SignUpPolicy {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { isOpen, domains, message } = fields;
  if (typeof isOpen !== 'boolean')
    throw new ResponseContractError(name, 'isOpen: expected true or false');
  if (!Array.isArray(domains) || !domains.every((d) => typeof d === 'string')) {
    throw new ResponseContractError(name, 'domains: expected a list of text');
  }
  if (typeof message !== 'string') throw new ResponseContractError(name, 'message: expected text');
  return { isOpen, domains: domains, message };
}

export async function readSignUpPolicy(): Promise<SignUpPolicy> {
  return signUpPolicyIn(
    `GET ${signUpPolicyEndpoint.path}`,
    await callEndpointUnparsed(signUpPolicyEndpoint),
  );
}
