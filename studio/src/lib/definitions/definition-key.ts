/** A definition's key as the schema defines it (definitions/schema/definition.schema.json, $defs.definitionKey). */
import definitionSchema from '../../../../definitions/schema/definition.schema.json';

const keySchema = definitionSchema.$defs.definitionKey;
export const DEFINITION_KEY_PATTERN = new RegExp(keySchema.pattern);
const MAX_KEY_LENGTH = 64;

/** Words for what is wrong with a key, or null when the schema accepts it. */
export function keyProblem(key: string): string | null {
  if (key.trim() === '') return 'Enter a key.';
  if (!DEFINITION_KEY_PATTERN.test(key)) return `The key ${keySchema['x-message']}.`;
  return null;
}

/** A key suggested from a name: "Dunning EU (2024)" → "dunning-eu-2024"; '' when the name has no letter or digit. */
export function keyFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return '';
  // A key starts with a letter; a name starting with a digit gets a neutral prefix.
  const lettered = /^[a-z]/.test(slug) ? slug : `flow-${slug}`;
  return lettered.slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');
}

/** Words for a name the schema refuses, or null. */
export function nameProblem(name: string): string | null {
  const { minLength, maxLength } = definitionSchema.properties.name;
  if (name.trim().length < minLength) return 'Enter a name.';
  if (name.length > maxLength) return `The name is ${name.length} characters long; at most ${maxLength}.`;
  return null;
}
