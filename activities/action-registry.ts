import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ActionInputError, UnknownActionError } from './action-errors';
import type { ActionDefinition } from './action-definition';

export interface ActionRegistry {
  names(): string[];
  /** Each action's name and input schema, for a catalogue that checks a definition's input keys at publish. */
  signatures(): Array<{ name: string; inputSchema: Record<string, unknown> }>;
  get(name: string): ActionDefinition;
  /** Throws ActionInputError naming each problem when the input does not fit the action's schema. */
  checkInput(name: string, input: unknown): void;
}

/** One ajv error in words; an unexpected key is named, since "must NOT have additional properties" alone does not say which. */
function describeInputError(error: ErrorObject): string {
  const where = error.instancePath || '(input)';
  if (error.keyword === 'additionalProperties') return `${where} has "${(error.params as { additionalProperty: string }).additionalProperty}", which the action does not take`;
  return `${where} ${error.message}`;
}

export function createActionRegistry(definitions: ActionDefinition<never>[]): ActionRegistry {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const byName = new Map<string, { definition: ActionDefinition; validate: ValidateFunction }>();
  for (const definition of definitions as unknown as ActionDefinition[]) {
    if (byName.has(definition.name)) throw new Error(`Action ${definition.name} is registered twice`);
    byName.set(definition.name, { definition, validate: ajv.compile(definition.inputSchema) });
  }
  const entry = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new UnknownActionError(name);
    return found;
  };
  return {
    names: () => [...byName.keys()].sort(),
    signatures: () => [...byName.values()].map(({ definition }) => ({ name: definition.name, inputSchema: definition.inputSchema })).sort((a, b) => a.name.localeCompare(b.name)),
    get: (name) => entry(name).definition,
    checkInput(name, input) {
      const { validate } = entry(name);
      if (validate(input)) return;
      throw new ActionInputError(name, (validate.errors ?? []).map(describeInputError));
    },
  };
}
