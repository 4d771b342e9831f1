import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { RunInputError } from './run-errors';

// Formats are checked (a `date` must be a real calendar date), as a tenant admin who writes one expects.
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/** Checks a run's input against the definition's inputSchema before anything starts. */
export function checkRunInput(definition: WorkflowDefinition, input: unknown): void {
  const schema = definition.inputSchema as object | undefined;
  if (!schema) return;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(input)) return;
  throw new RunInputError((validate.errors ?? []).map((e) => ({ pointer: e.instancePath, message: e.message ?? 'is invalid' })));
}
