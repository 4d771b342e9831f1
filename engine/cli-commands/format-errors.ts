import type { DefinitionError } from '../dsl/validation/definition-error';

/** One line per problem; the root pointer is "" in JSON Pointer, which would print as nothing. */
export function formatDefinitionErrors(errors: DefinitionError[]): string[] {
  return errors.map((error) => `${error.pointer || '/'}: ${error.message}`);
}
