import { DataError } from '../db/errors/tenant-errors';
import type { DefinitionError } from '../dsl/validation/definition-error';

/** A definition that fails the schema or the semantic checks; `errors` locate each problem by JSON pointer. */
export class DefinitionInvalidError extends DataError {
  constructor(readonly errors: DefinitionError[]) {
    super(`The definition has ${errors.length} problem(s): ${errors.slice(0, 3).map((e) => `${e.pointer || '/'} ${e.message}`).join('; ')}`, 422, 'definition_invalid', { errors });
  }
}

export class DefinitionNotFoundError extends DataError {
  constructor(key: string, what = 'definition') {
    super(`No ${what} ${key} in this tenant`, 404, 'definition_not_found', { key });
  }
}
