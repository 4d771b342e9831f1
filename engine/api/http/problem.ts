/**
 * RFC 9457 problem details. Each `code` is a stable identifier; its `type` URI never changes once published,
 * so clients can branch on it instead of parsing messages.
 */
export const PROBLEM_BASE = 'https://ledgerflow.dev/problems/';

export interface FieldError {
  /** Where the failing value sits: the JSON body, the query string, a path parameter or a header. */
  in: 'body' | 'query' | 'path' | 'header';
  /** JSON Pointer (RFC 6901) into that location, e.g. `#/lines/0/amount_minor`. */
  pointer: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<string, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  unsupported_media_type: 'The request body must be application/json',
  payload_too_large: 'The request body is too large',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'Wrong email or password',
  two_factor_required: 'Two-factor code required',
  invalid_second_factor: 'Wrong two-factor code',
  invalid_token: 'Unknown, used or expired token',
  mail_unavailable: 'E-mail is not configured',
  mail_send_failed: 'The e-mail could not be sent',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  rate_limited: 'Too many requests',
  account_locked: 'Account temporarily locked',
  duplicate: 'Already exists',
  row_in_use: 'Still in use',
  reference_not_found: 'Refers to something that does not exist',
  rule_violation: 'Breaks a business rule',
  missing_value: 'A required value is missing',
  invalid_value: 'A value has the wrong form',
  cross_tenant_write: 'Not allowed across tenants',
  conflict: 'Conflict',
  idempotency_key_reused: 'Idempotency-Key reused with a different request',
  internal_error: 'Internal error',
};

export function problemType(code: string): string {
  return `${PROBLEM_BASE}${code.replace(/_/g, '-')}`;
}

export function problemTitle(code: string): string {
  return TITLES[code] ?? code.replace(/_/g, ' ');
}

/** An error the API answers with as-is: status and expose follow Koa, like the data layer's DataError. */
export class ProblemError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const notFound = (what = 'resource'): ProblemError => new ProblemError(404, 'not_found', `No such ${what}`);
