import { DBError, DataError as DbValueError, wrapError } from 'db-errors';
import { NotFoundError, ValidationError } from 'objection';
import { translateDatabaseError } from '../../db/errors/constraint-errors';
import { DataError } from '../../db/errors/tenant-errors';
import { ProblemError, problemTitle, problemType, type FieldError, type ProblemBody } from './problem';

export interface MappedProblem {
  body: ProblemBody;
  headers: Record<string, string>;
  /** True when nothing of the error may reach the client: the body is the generic 500. */
  internal: boolean;
}

function problem(status: number, code: string, detail: string, errors?: FieldError[]): ProblemBody {
  return { type: problemType(code), title: problemTitle(code), status, detail, code, ...(errors?.length ? { errors } : {}) };
}

/** Objection's model validation keys errors by property path (`address.city`); turn those into pointers. */
function modelValidationErrors(error: ValidationError): FieldError[] {
  const data = (error.data ?? {}) as Record<string, { message: string }[]>;
  return Object.entries(data).flatMap(([path, failures]) =>
    failures.map((failure) => ({ in: 'body' as const, pointer: `#/${path.split('.').join('/')}`, message: failure.message })),
  );
}

/**
 * The one place that decides what a failure looks like on the wire. Domain errors carry their own status;
 * anything unrecognised is a 500 whose body says nothing about the cause.
 */
export function toProblem(error: unknown): MappedProblem {
  const translated = translateDatabaseError(error);
  if (translated instanceof ProblemError) {
    return { body: problem(translated.status, translated.code, translated.message, translated.errors), headers: translated.headers, internal: false };
  }
  if (translated instanceof DataError && translated.expose && translated.status < 500) {
    const details = translated.details;
    const extensions: Record<string, unknown> = {};
    // What blocks a delete, or which reference failed: safe, schema-level facts the client needs to act on.
    for (const key of ['table', 'dependentTable', 'column', 'columns']) if (details[key] !== undefined) extensions[key] = details[key];
    return { body: { ...problem(translated.status, translated.code, translated.message), ...extensions }, headers: {}, internal: false };
  }
  if (translated instanceof ValidationError) {
    const errors = modelValidationErrors(translated);
    return { body: problem(422, 'validation_failed', 'The values do not satisfy the resource schema', errors), headers: {}, internal: false };
  }
  if (translated instanceof NotFoundError) return { body: problem(404, 'not_found', 'No such resource'), headers: {}, internal: false };
  if (translated instanceof Error) {
    const wrapped = translated instanceof DBError ? translated : wrapError(translated);
    // 22xxx: a value the column cannot hold (out of range, bad syntax) slipped past the schema; the caller sent it.
    if (wrapped instanceof DbValueError) return { body: problem(400, 'invalid_value', 'A value has the wrong form for its column'), headers: {}, internal: false };
  }
  const httpError = translated as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof httpError.status === 'number' && httpError.status >= 400 && httpError.status < 500 && httpError.expose === true) {
    const code = httpError.status === 404 ? 'not_found' : httpError.status === 405 ? 'method_not_allowed' : httpError.status === 413 ? 'payload_too_large' : 'bad_request';
    return { body: problem(httpError.status, code, String(httpError.message ?? 'Bad request')), headers: {}, internal: false };
  }
  return { body: problem(500, 'internal_error', 'Something went wrong on our side; quote the request id when reporting it'), headers: {}, internal: true };
}
