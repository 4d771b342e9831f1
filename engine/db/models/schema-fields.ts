/**
 * JSON Schema fragments for the column kinds the migrations use, so each model's jsonSchema reads like its table.
 * Formats are written as patterns: Objection's Ajv has no format plugins.
 */
type Fragment = { type: string | string[]; [keyword: string]: unknown };

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const uuid: Fragment = { type: 'string', pattern: UUID_PATTERN };
/** An ISO 4217 code, as the database's currency checks require. */
export const currency: Fragment = { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 };
/** Integer minor units (cents); bigint columns come back as safe numbers. */
export const money: Fragment = { type: 'integer', minimum: 0 };
export const signedMoney: Fragment = { type: 'integer' };
/** A calendar date, YYYY-MM-DD, in the tenant's time zone. */
export const calendarDate: Fragment = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
/** An instant, ISO 8601 in UTC. */
export const instant: Fragment = { type: 'string', minLength: 1 };
/** numeric columns travel as strings so no digit is lost to floating point. */
export const decimal: Fragment = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
export const integer: Fragment = { type: 'integer' };
export const boolean: Fragment = { type: 'boolean' };
export const jsonObject: Fragment = { type: 'object' };
export const jsonArray: Fragment = { type: 'array' };

export function text(maxLength?: number, minLength = 1): Fragment {
  return maxLength === undefined ? { type: 'string', minLength } : { type: 'string', minLength, maxLength };
}

export function oneOf(...values: string[]): { enum: string[] } {
  return { enum: values };
}

/** The same fragment, also accepting null (for nullable columns). */
export function nullable(fragment: Fragment | { enum: string[] }): Record<string, unknown> {
  if (!('type' in fragment)) return { enum: [...fragment.enum, null] };
  const types = Array.isArray(fragment.type) ? fragment.type : [fragment.type];
  return { ...fragment, type: [...types, 'null'] };
}
