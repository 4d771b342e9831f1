/** Validates a definition against definitions/schema/definition.schema.json with ajv (draft 2020-12). */
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import definitionSchema from '../../../definitions/schema/definition.schema.json';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { parseIsoDuration } from '../time/iso-duration';
import { uniqueDefinitionErrors, type DefinitionError } from './definition-error';
import { plainErrors } from './plain-messages';

let compiled: ValidateFunction<WorkflowDefinition> | undefined;

function definitionValidator(): ValidateFunction<WorkflowDefinition> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: true, strictRequired: false });
    ajv.addVocabulary(['x-message', 'tsType']);
    ajv.addFormat('duration', { type: 'string', validate: (text: string) => parseIsoDuration(text) !== null });
    compiled = ajv.compile<WorkflowDefinition>(definitionSchema);
  }
  return compiled;
}

/** Schema errors only; an empty list means `candidate` has the shape of a WorkflowDefinition. */
export function validateDefinitionSchema(candidate: unknown): DefinitionError[] {
  const validate = definitionValidator();
  if (validate(candidate)) return [];
  return uniqueDefinitionErrors(plainErrors(validate.errors ?? [], definitionSchema));
}

export function hasDefinitionShape(candidate: unknown): candidate is WorkflowDefinition {
  return definitionValidator()(candidate);
}
