/**
 * Who to tell about a vulnerability in this server (issue 25, the papers): the operator's own
 * contact, published in /.well-known/security.txt (RFC 9116, routes/security-txt.routes.ts).
 */

export interface SecurityContact {
  /** SECURITY_CONTACT: a mailto: or https: address; unset: no security.txt is served (404). */
  readonly contact: string | undefined;
  /** SECURITY_POLICY: an https: address of the reporting policy; unset: no Policy line. */
  readonly policy: string | undefined;
}

const INVALID = "The server's environment is not valid:\n  ";

/** A URL of one of the schemes, or the problem (naming the variable and what was given). */
function checkedUrl(
  name: string,
  value: string,
  schemes: readonly string[],
  example: string,
): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${INVALID}${name} must be ${example}, not ${JSON.stringify(value)}`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new Error(
      `${INVALID}${name} must be ${example}: ${JSON.stringify(value)} is a ${url.protocol} address`,
    );
  }
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url.pathname)) {
    throw new Error(
      `${INVALID}${name} must name one e-mail address after mailto:, not ${JSON.stringify(value)}`,
    );
  }
  if (url.protocol === 'https:' && url.hostname === '') {
    throw new Error(`${INVALID}${name} must name a host, not ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Reads SECURITY_CONTACT (mailto: or https:) and SECURITY_POLICY (https:), refusing at start-up
 * anything else: a security.txt naming a contact nobody reads is worse than none.
 */
export function readSecurityContact(
  contactValue: string | undefined,
  policyValue: string | undefined,
): SecurityContact {
  const contact = contactValue?.trim() || undefined;
  const policy = policyValue?.trim() || undefined;
  return {
    contact:
      contact === undefined
        ? undefined
        : checkedUrl(
            'SECURITY_CONTACT',
            contact,
            ['mailto:', 'https:'],
            'a mailto: or https: address (e.g. mailto:security@district.example)',
          ),
    policy:
      policy === undefined
        ? undefined
        : checkedUrl(
            'SECURITY_POLICY',
            policy,
            ['https:'],
            'an https: address (e.g. https://district.example/security-policy)',
          ),
  };
}
