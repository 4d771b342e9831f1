/**
 * Edits of a definition's own settings as pure functions: triggers, the run input's schema and declared variables.
 * Each returns a new definition; an optional field set to `undefined` is removed, so the JSON stays minimal.
 */
import Ajv2020 from 'ajv/dist/2020';
import definitionSchema from '../../../../definitions/schema/definition.schema.json';
import type { Trigger, WorkflowDefinition } from '../../../../definitions/generated/definition';
import { renameVariableReferences } from './variable-references';

export type TriggerType = Trigger['type'];

export const TRIGGER_TYPES: Array<{ type: TriggerType; label: string }> = [
  { type: 'manual', label: 'Manual (started from the studio)' },
  { type: 'api', label: 'API call' },
  { type: 'schedule', label: 'Schedule (cron)' },
  { type: 'domainEvent', label: 'Event' },
  { type: 'webhook', label: 'Connector webhook' },
];

export const OVERLAP_POLICIES: readonly string[] = definitionSchema.$defs.scheduleTrigger.properties.overlapPolicy.enum;

/** A trigger of `type` with what it requires filled in with a sensible start. */
export function newTrigger(type: TriggerType): Trigger {
  switch (type) {
    case 'manual': return { type };
    case 'api': return { type };
    case 'schedule': return { type, cron: '0 9 * * *', timeZone: 'UTC', overlapPolicy: 'skip', catchupWindow: 'PT1H' };
    case 'domainEvent': return { type, event: 'invoice.overdue' };
    case 'webhook': return { type, connector: 'stripe@1' };
  }
}

const triggersOf = (definition: WorkflowDefinition): Trigger[] => (Array.isArray(definition.triggers) ? definition.triggers : []);

export function addTrigger(definition: WorkflowDefinition, type: TriggerType): WorkflowDefinition {
  return { ...definition, triggers: [...triggersOf(definition), newTrigger(type)] };
}

export function removeTrigger(definition: WorkflowDefinition, index: number): WorkflowDefinition {
  return { ...definition, triggers: triggersOf(definition).filter((_, at) => at !== index) };
}

/** Changing a trigger's type starts it over: the old type's fields mean nothing to the new one. */
export function changeTriggerType(definition: WorkflowDefinition, index: number, type: TriggerType): WorkflowDefinition {
  return { ...definition, triggers: triggersOf(definition).map((trigger, at) => (at === index && trigger.type !== type ? newTrigger(type) : trigger)) };
}

export function setTriggerField(definition: WorkflowDefinition, index: number, field: string, value: unknown): WorkflowDefinition {
  return {
    ...definition,
    triggers: triggersOf(definition).map((trigger, at) => {
      if (at !== index) return trigger;
      const next: Record<string, unknown> = { ...trigger };
      if (value === undefined) delete next[field];
      else next[field] = value;
      return next as unknown as Trigger;
    }),
  };
}

/** Sets the run input's JSON Schema, or removes it with `undefined`. */
export function setInputSchema(definition: WorkflowDefinition, schema: Record<string, unknown> | undefined): WorkflowDefinition {
  const next = { ...definition } as WorkflowDefinition & { inputSchema?: Record<string, unknown> };
  if (schema === undefined) delete next.inputSchema;
  else next.inputSchema = schema;
  return next;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Words for an input schema that is not a usable JSON Schema object, or null. */
export function inputSchemaProblem(schema: unknown): string | null {
  if (schema === undefined) return null;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return 'The input schema must be a JSON object (a JSON Schema such as {"type": "object"}).';
  const type = (schema as { type?: unknown }).type;
  if (type !== undefined && type !== 'object') return 'A run\'s input is an object: the schema\'s "type" must be "object".';
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return `Not a valid JSON Schema: ${(error as Error).message}`;
  }
}

type Variables = NonNullable<WorkflowDefinition['variables']>;
const VARIABLE_NAME = new RegExp(definitionSchema.$defs.variableName.pattern);

/** Words for a variable name that is malformed or taken, or null. */
export function variableNameProblem(definition: WorkflowDefinition, name: string, currentName?: string): string | null {
  if (!VARIABLE_NAME.test(name)) return `A variable name ${definitionSchema.$defs.variableName['x-message']}.`;
  if (name !== currentName && name in (definition.variables ?? {})) return `There is already a variable ${name}.`;
  return null;
}

/** Adds `variable1` (or the next free number) starting at 0, and answers its name. */
export function addVariable(definition: WorkflowDefinition): { definition: WorkflowDefinition; name: string } {
  const variables = definition.variables ?? {};
  let n = 1;
  while (`variable${n}` in variables) n += 1;
  const name = `variable${n}`;
  return { definition: { ...definition, variables: { ...variables, [name]: { initial: 0 } } }, name };
}

/**
 * Renames a variable in place, keeping the order of the others, and every use of it in the steps (`vars.<name>` in
 * logic, `set` assignments, `resultVariable`), so the draft reads the renamed variable everywhere.
 */
export function renameVariable(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  const variables: Variables = {};
  for (const [name, declaration] of Object.entries(definition.variables ?? {})) variables[name === from ? to : name] = declaration;
  return { ...renameVariableReferences(definition, from, to), variables };
}

export function setVariable(definition: WorkflowDefinition, name: string, change: { initial?: unknown; description?: string }): WorkflowDefinition {
  const current = definition.variables?.[name];
  if (!current) return definition;
  const next: Record<string, unknown> = { ...current };
  if ('initial' in change) next.initial = change.initial === undefined ? null : change.initial;
  if ('description' in change) {
    if (change.description?.trim()) next.description = change.description;
    else delete next.description;
  }
  return { ...definition, variables: { ...definition.variables, [name]: next as unknown as Variables[string] } };
}

export function removeVariable(definition: WorkflowDefinition, name: string): WorkflowDefinition {
  const { [name]: _removed, ...rest } = definition.variables ?? {};
  return { ...definition, variables: rest };
}
