/**
 * Why an LTI login or launch is refused. The code is shown on the refusal page (for the LMS's
 * administrator to report) and read by tests; the message says what failed in a sentence.
 */
export const LTI_REFUSAL_STATUS = {
  missing_parameter: 400,
  unknown_platform: 400,
  wrong_message_type: 400,
  wrong_version: 400,
  bad_claims: 400,
  state_mismatch: 401,
  login_expired: 401,
  bad_signature: 401,
  wrong_issuer: 401,
  wrong_audience: 401,
  token_expired: 401,
  nonce_mismatch: 401,
  replayed_nonce: 401,
  unknown_deployment: 401,
  unsupported_role: 403,
  deep_linking_not_allowed: 403,
  unsupported_content_type: 400,
  unknown_placement: 400,
  placement_unusable: 409,
  participant_removed: 403,
  session_ended: 410,
  platform_keys_unavailable: 502,
} as const;

export type LtiRefusalCode = keyof typeof LTI_REFUSAL_STATUS;

export interface LtiRefusal {
  readonly refused: LtiRefusalCode;
  readonly status: (typeof LTI_REFUSAL_STATUS)[LtiRefusalCode];
  readonly message: string;
}

export const refusal = (code: LtiRefusalCode, message: string): LtiRefusal => ({
  refused: code,
  status: LTI_REFUSAL_STATUS[code],
  message,
});

export const isRefusal = (value: object): value is LtiRefusal => 'refused' in value;
