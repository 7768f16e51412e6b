/**
 * The JSON body of every refused API request: a stable code a program can branch on, a message a
 * person can read, and the field that was wrong when there was one.
 */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    readonly field?: string;
    /** A refused lesson (lesson_invalid): the first 100 problems at their fields, and lines. */
    readonly problems?: readonly {
      readonly path: string;
      readonly line: number | null;
      readonly message: string;
    }[];
    /** With `problems`: how many problems there are beyond those listed. */
    readonly moreProblems?: number;
    /** An article in a language the app cannot draft in (unsupported_language): which one. */
    readonly language?: string;
    /** With `language`: the article's text as extracted, to start a lesson from by hand. */
    readonly article?: ArticleText;
  };
}

/** An article's text as the server extracted it: its headline and its paragraphs in order. */
export interface ArticleText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export const API_ERROR_CODES = [
  'invalid_input',
  'invalid_credentials',
  'account_unavailable',
  'weak_password',
  'wrong_password',
  'reset_link_invalid',
  'sign_up_link_invalid',
  'sign_up_closed',
  'invitation_invalid',
  'account_disabled',
  'not_admin',
  'teacher_not_found',
  'invitation_not_found',
  'admin_refused',
  'not_signed_in',
  'csrf_failed',
  'forbidden',
  'not_found',
  'session_not_found',
  'session_ended',
  'not_joined',
  'participant_removed',
  'participant_deleted',
  'name_taken',
  'rejoin_refused',
  'item_not_open',
  'question_closed',
  'reason_required',
  'item_not_found',
  'section_not_found',
  'lesson_not_found',
  'lesson_invalid',
  'lesson_read_only',
  'lesson_not_published',
  'lesson_has_sessions',
  'lesson_archived',
  'draft_conflict',
  'deep_link_not_found',
  'deep_link_expired',
  'deep_link_used',
  'rate_limited',
  'payload_too_large',
  'url_refused',
  'fetch_failed',
  'not_an_article',
  'too_large',
  'unsupported_language',
  'sign_up_closed',
  'wrong_code',
  'second_factor_unavailable',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
