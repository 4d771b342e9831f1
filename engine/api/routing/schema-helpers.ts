import { UUID_PATTERN } from '../../db/models/schema-fields';
import type { JsonSchema } from './route-definition';

/** An object schema that refuses unknown fields: every body and query in the API is closed. */
export function closedObject(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const uuidString: JsonSchema = { type: 'string', pattern: UUID_PATTERN };

export const idParams: JsonSchema = closedObject({ id: uuidString }, ['id']);

export const OK_OBJECT: JsonSchema = { type: 'object' };
