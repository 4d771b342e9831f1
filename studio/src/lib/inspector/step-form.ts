/**
 * The inspector's form for each step type, read from definitions/schema/definition.schema.json: one field per
 * property, its kind taken from the property's schema ($ref to duration, stepId, logicRule…), required from
 * `required`. Routes (stepId fields) are edges in the graph but also selects here, so they can be set by keyboard.
 */
import definitionSchema from '../../../../definitions/schema/definition.schema.json';
import type { StepType } from '../graph/graph-types';

export type FieldKind = 'text' | 'duration' | 'time' | 'integer' | 'number' | 'boolean' | 'enum' | 'route' | 'condition' | 'logic' | 'json' | 'stringList' | 'group';

export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: string[];
  /** The fields of a nested object (retry policy, assignee, wait until…). */
  children?: FormField[];
}

type SchemaNode = { $ref?: string; type?: string; enum?: string[]; const?: unknown; title?: string; description?: string; required?: string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode; format?: string };
const defs = (definitionSchema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

/** Fields the inspector does not draw from the schema: the id has its own rename box, lists are graph groups. */
const SPECIAL_FIELDS = new Set(['id', 'type', 'body', 'branches', 'when']);
/** Rules that are conditions (true/false) get the condition builder; other rules compute values and stay JSON. */
const CONDITION_FIELDS = new Set(['match', 'condition']);

const humanLabel = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());

function kindOf(key: string, schema: SchemaNode): Pick<FormField, 'kind' | 'options' | 'children' | 'description'> {
  const ref = schema.$ref?.replace('#/$defs/', '');
  const resolved = ref ? defs[ref] : schema;
  const description = schema.description ?? resolved.description;
  if (ref === 'stepId') return { kind: 'route', description };
  if (ref === 'duration') return { kind: 'duration', description };
  if (ref === 'timeOfDay') return { kind: 'time', description: 'HH:MM in the tenant\'s time zone' };
  if (ref === 'logicRule') return { kind: CONDITION_FIELDS.has(key) ? 'condition' : 'logic', description };
  if (ref === 'transformMap' || ref === 'inputSchema') return { kind: 'json', description };
  if (resolved.enum) return { kind: 'enum', options: resolved.enum, description };
  if (resolved.type === 'integer') return { kind: 'integer', description };
  if (resolved.type === 'number') return { kind: 'number', description };
  if (resolved.type === 'boolean') return { kind: 'boolean', description };
  if (resolved.type === 'array' && resolved.items) return { kind: 'stringList', description };
  if (resolved.type === 'object' && resolved.properties) return { kind: 'group', children: fieldsOf(resolved), description };
  if (resolved.type === 'object') return { kind: 'json', description };
  return { kind: 'text', description };
}

function fieldsOf(schema: SchemaNode): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => !SPECIAL_FIELDS.has(key))
    .map(([key, property]) => ({ key, label: humanLabel(key), required: required.has(key), ...kindOf(key, property) }));
}

const cache = new Map<StepType, FormField[]>();

export function stepFormFields(type: StepType): FormField[] {
  if (!cache.has(type)) cache.set(type, fieldsOf(defs[`${type}Step`] ?? {}));
  return cache.get(type) ?? [];
}
