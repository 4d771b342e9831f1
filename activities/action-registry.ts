import Ajv, { type ValidateFunction } from 'ajv';
import { ActionInputError, UnknownActionError } from './action-errors';
import type { ActionDefinition } from './action-definition';

export interface ActionRegistry {
  names(): string[];
  get(name: string): ActionDefinition;
  /** Throws ActionInputError naming each problem when the input does not fit the action's schema. */
  checkInput(name: string, input: unknown): void;
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
    get: (name) => entry(name).definition,
    checkInput(name, input) {
      const { validate } = entry(name);
      if (validate(input)) return;
      throw new ActionInputError(name, (validate.errors ?? []).map((e) => `${e.instancePath || '(input)'} ${e.message}`));
    },
  };
}
