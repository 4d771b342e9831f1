/** The one entry point: schema first, then (only for a well-shaped definition) the semantic checks. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { checkDefinitionSemantics, type SemanticCheckOptions } from '../semantics/check-semantics';
import { uniqueDefinitionErrors, type DefinitionError } from './definition-error';
import { validateDefinitionSchema } from './schema-validator';

export type DefinitionValidation =
  | { ok: true; definition: WorkflowDefinition; errors: [] }
  | { ok: false; errors: DefinitionError[] };

export function validateDefinition(candidate: unknown, options: SemanticCheckOptions): DefinitionValidation {
  const schemaErrors = validateDefinitionSchema(candidate);
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  const definition = candidate as WorkflowDefinition;
  const errors = uniqueDefinitionErrors(checkDefinitionSemantics(definition, options));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition, errors: [] };
}
