import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ProblemError, type FieldError } from '../http/problem';
import type { JsonSchema } from './route-definition';

function createAjv(coerceTypes: boolean): Ajv2020 {
  // Model schemas write `{ enum: [...] }` without a type; strictTypes would reject that valid JSON Schema.
  const ajv = new Ajv2020({ allErrors: true, coerceTypes, useDefaults: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv;
}

// Query strings and path parameters arrive as text, so they are coerced to the declared types; JSON bodies are not.
const textAjv = createAjv(true);
const jsonAjv = createAjv(false);

export type Location = FieldError['in'];

export interface CompiledValidator {
  (value: unknown): void;
}

/** Compiles a schema once; the returned check throws a 400 problem listing every failing field. */
export function compileValidator(schema: JsonSchema, location: Location): CompiledValidator {
  const validate: ValidateFunction = (location === 'body' ? jsonAjv : textAjv).compile(schema);
  return (value) => {
    const errors = validate(value) ? [] : (validate.errors ?? []).map((error) => fieldError(error, location));
    if (location !== 'body') errors.push(...nonFiniteNumbers(value, location));
    if (errors.length) throw new ProblemError(400, 'validation_failed', describe(errors), errors);
  };
}

/**
 * Ajv coerces text like `1e400` to Infinity and then skips `minimum`/`maximum`, which only test finite numbers, so
 * `?limit=1e400` would pass as an unbounded page. No query or path value may be a number outside the doubles.
 */
function nonFiniteNumbers(value: unknown, location: Location): FieldError[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => [field].flat().some((item) => typeof item === 'number' && !Number.isFinite(item)))
    .map(([name]) => ({ in: location, pointer: `#/${escapePointer(name)}`, message: 'must be a finite number' }));
}

function fieldError(error: ErrorObject, location: Location): FieldError {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  const path = extra === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(extra)}`;
  const message = params.additionalProperty !== undefined ? 'is not a known field' : (error.message ?? 'is not valid');
  return { in: location, pointer: `#${path}`, message };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is not valid';
  const where = first.pointer === '#' ? first.in : `${first.in} ${first.pointer.slice(1)}`;
  return errors.length === 1 ? `${where} ${first.message}` : `${where} ${first.message} (and ${errors.length - 1} more)`;
}
