import { SECRET_COLUMN } from '../../db/models/secret-columns';
import type { JsonSchema } from '../routing/route-definition';
import { closedObject, uuidString } from '../routing/schema-helpers';
import type { ResourceDefinition } from './resource-definition';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function modelProperties(definition: ResourceDefinition): Record<string, JsonSchema> {
  return ((definition.model.jsonSchema as JsonSchema | undefined)?.properties ?? {}) as Record<string, JsonSchema>;
}

/** Integers from JSON can exceed what JavaScript and bigint columns carry exactly; cap them at the safe range. */
function bounded(schema: JsonSchema): JsonSchema {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (!types.includes('integer')) return schema;
  return { ...schema, maximum: Math.min(Number(schema.maximum ?? MAX_SAFE), MAX_SAFE), minimum: Math.max(Number(schema.minimum ?? -MAX_SAFE), -MAX_SAFE) };
}

function fieldSchema(definition: ResourceDefinition, field: string): JsonSchema {
  const schema = definition.requestFieldSchemas?.[field] ?? modelProperties(definition)[field];
  if (!schema) throw new Error(`${definition.table}.${field} is writable but not in the model's jsonSchema`);
  return bounded(schema);
}

export function createBodySchema(definition: ResourceDefinition): JsonSchema {
  const fields = definition.writable ?? [];
  return closedObject(Object.fromEntries(fields.map((field) => [field, fieldSchema(definition, field)])), definition.requiredOnCreate ?? []);
}

export function patchBodySchema(definition: ResourceDefinition): JsonSchema {
  const fields = (definition.writable ?? []).filter((field) => !definition.createOnly?.includes(field));
  return { ...closedObject(Object.fromEntries(fields.map((field) => [field, fieldSchema(definition, field)]))), minProperties: 1 };
}

/** What a row looks like on the wire: the model's columns without hashes and ciphertexts, plus the base columns. */
export function rowSchema(definition: ResourceDefinition): JsonSchema {
  const visible = Object.entries(modelProperties(definition)).filter(([name]) => !SECRET_COLUMN.test(name));
  return {
    type: 'object',
    properties: {
      id: uuidString,
      company_id: uuidString,
      ...Object.fromEntries(visible),
      created_at: { type: 'string' },
      updated_at: { type: 'string' },
    },
  };
}

export function sortKeys(definition: ResourceDefinition): string[] {
  return ['created_at', ...(definition.sortable ?? [])];
}

export function listQuerySchema(definition: ResourceDefinition): JsonSchema {
  const sorts = sortKeys(definition).flatMap((key) => [key, `-${key}`]);
  const filters = Object.fromEntries(
    definition.filters.map((field) => {
      const schema = modelProperties(definition)[field] ?? {};
      // A filter matches a value, never null: drop 'null' from the column's type.
      const types = ([] as unknown[]).concat(schema.type ?? []).filter((type) => type !== 'null');
      const enumValues = (schema.enum as unknown[] | undefined)?.filter((value) => value !== null);
      return [field, { ...schema, ...(types.length ? { type: types.length === 1 ? types[0] : types } : {}), ...(enumValues ? { enum: enumValues } : {}) }];
    }),
  );
  return closedObject({
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
    cursor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' },
    sort: { enum: sorts, default: 'created_at' },
    ...filters,
  });
}

export function listResponseSchema(definition: ResourceDefinition): JsonSchema {
  return { type: 'object', properties: { data: { type: 'array', items: rowSchema(definition) }, next_cursor: { type: ['string', 'null'] } } };
}
