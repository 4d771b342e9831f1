/** Turns ajv's errors into pointers and sentences a tenant admin can act on. */
import type { ErrorObject } from 'ajv';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from './definition-error';
import { describeDiscriminatorError } from './union-messages';

type SchemaNode = Record<string, unknown>;

const COMBINATORS = new Set(['if', 'oneOf', 'anyOf', 'not']);

/** Errors raised inside a combinator that carries its own x-message are replaced by that one sentence. */
function combinatorPrefixes(errors: ErrorObject[]): string[] {
  return errors
    .filter((error) => COMBINATORS.has(error.keyword) && typeof error.parentSchema?.['x-message'] === 'string')
    .map((error) => error.schemaPath.replace(/\/(if|oneOf|anyOf|not)$/, ''));
}

function isInsideCombinator(error: ErrorObject, prefixes: string[]): boolean {
  return prefixes.some((prefix) => ['then', 'else', 'oneOf', 'anyOf', 'not'].some((part) => error.schemaPath.startsWith(`${prefix}/${part}/`)));
}

export function plainErrors(errors: ErrorObject[], rootSchema: SchemaNode): DefinitionError[] {
  const prefixes = combinatorPrefixes(errors);
  const result: DefinitionError[] = [];
  for (const error of errors) {
    if (isInsideCombinator(error, prefixes) || error.keyword === 'propertyNames' || isMissingUnionTag(error)) continue;
    const plain = plainError(error, rootSchema);
    if (plain) result.push(plain);
  }
  return result;
}

/** A union without its tag gets one discriminator error; the plain `required` error for the same tag would repeat it. */
function isMissingUnionTag(error: ErrorObject): boolean {
  const discriminator = error.parentSchema?.discriminator as { propertyName?: string } | undefined;
  return error.keyword === 'required' && discriminator?.propertyName === error.params.missingProperty;
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = {
    integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false',
    object: 'an object of named fields', array: 'a list', null: 'null',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function plainError(error: ErrorObject, rootSchema: SchemaNode): DefinitionError | null {
  const { keyword, params, parentSchema = {} } = error;
  const at = (pointer: string, message: string): DefinitionError => ({ pointer, message });
  const here = error.propertyName !== undefined ? pointerJoin(error.instancePath, error.propertyName) : error.instancePath;
  const nameProblem = error.propertyName !== undefined ? 'is not an allowed name: ' : '';
  const isInteger = parentSchema.type === 'integer';
  switch (keyword) {
    case 'required':
      return at(pointerJoin(here, params.missingProperty), 'is required but missing');
    case 'dependentRequired':
      return at(pointerJoin(here, params.missingProperty), `is required when "${params.property}" is set`);
    case 'additionalProperties': {
      const allowed = Object.keys((parentSchema.properties as SchemaNode | undefined) ?? {});
      const hint = allowed.length ? `; the fields allowed here are ${allowed.join(', ')}` : '';
      return at(pointerJoin(here, params.additionalProperty), `is not a field that is allowed here${hint}`);
    }
    case 'type':
      return at(here, `must be ${typeWords(params.type)}`);
    case 'minimum':
      return at(here, isInteger ? `must be a whole number of at least ${params.limit}` : `must be at least ${params.limit}`);
    case 'maximum':
      return at(here, isInteger ? `must be a whole number of at most ${params.limit}` : `must be at most ${params.limit}`);
    case 'minLength':
      return at(here, nameProblem + (params.limit === 1 ? 'must not be empty' : `must be at least ${plural(params.limit, 'character')} long`));
    case 'maxLength':
      return at(here, `${nameProblem}must be at most ${plural(params.limit, 'character')} long`);
    case 'minItems':
      return at(here, `must have at least ${plural(params.limit, 'entry').replace('entrys', 'entries')}`);
    case 'maxItems':
      return at(here, `must have at most ${plural(params.limit, 'entry').replace('entrys', 'entries')}`);
    case 'minProperties':
      return at(here, `must have at least ${plural(params.limit, 'field')}`);
    case 'uniqueItems':
      return at(here, `must not repeat entries (entries ${params.j} and ${params.i} are the same)`);
    case 'pattern':
      return at(here, nameProblem + ((parentSchema['x-message'] as string | undefined) ?? `must match the pattern ${params.pattern}`));
    case 'format':
      return at(here, params.format === 'duration' ? 'must be an ISO 8601 duration such as P1D, PT2H30M or P1M' : `must be a valid ${params.format}`);
    case 'enum':
      return at(here, `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`);
    case 'const':
      return at(here, `must be ${JSON.stringify(params.allowedValue)}`);
    case 'discriminator':
      return describeDiscriminatorError(error, rootSchema);
    case 'if':
    case 'oneOf':
    case 'anyOf':
    case 'not': {
      const message = parentSchema['x-message'];
      return typeof message === 'string' ? at(here, message) : keyword === 'if' ? null : at(here, error.message ?? 'is not valid');
    }
    default:
      return at(here, error.message ?? 'is not valid');
  }
}
