const EMAIL_ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/g;

// Fields that mail and HTTP client errors carry which name people or hold what they sent (nodemailer's recipient lists).
const PERSONAL_FIELDS = new Set(['rejected', 'accepted', 'envelope', 'rejectedErrors', 'response', 'parameters', 'bindings']);

/**
 * An unexpected error as the 500 log line may show it: its class, code, message and stack with e-mail addresses masked,
 * and none of the fields where libraries keep recipients or request data. Enough to find the bug, not the person.
 */
export function loggableError(error: unknown): Record<string, unknown> | undefined {
  if (!(error instanceof Error)) return error === undefined ? undefined : { type: typeof error };
  const safe: Record<string, unknown> = { name: error.name, message: mask(error.message), stack: mask(error.stack ?? '') };
  for (const [field, value] of Object.entries(error)) {
    if (PERSONAL_FIELDS.has(field)) continue;
    if (typeof value === 'string') safe[field] = mask(value);
    else if (typeof value === 'number' || typeof value === 'boolean') safe[field] = value;
  }
  if (error.cause !== undefined) safe.cause = loggableError(error.cause);
  return safe;
}

function mask(text: string): string {
  return text.replace(EMAIL_ADDRESS, '<e-mail address>');
}

/** A failure's code (`EENVELOPE`, `ECONNREFUSED`) or class name: safe to log, unlike its message. */
export function failureCode(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown';
}
