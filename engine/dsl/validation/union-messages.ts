/** Errors for tagged unions (steps, triggers, input values): name the tags that exist instead of oneOf noise. */
import type { ErrorObject } from 'ajv';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from './definition-error';

type SchemaNode = Record<string, unknown>;

const UNION_NOUNS: Record<string, string> = { Step: 'step type', Trigger: 'trigger type', InputTransform: 'input value type' };

function resolveLocalRef(rootSchema: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = rootSchema;
  for (const segment of ref.slice(2).split('/')) node = (node as SchemaNode | undefined)?.[segment];
  return node as SchemaNode | undefined;
}

export function unionTags(unionSchema: SchemaNode, rootSchema: SchemaNode, tagName: string): string[] {
  const branches = (unionSchema.oneOf as SchemaNode[] | undefined) ?? [];
  return branches.flatMap((branch) => {
    const resolved = typeof branch.$ref === 'string' ? resolveLocalRef(rootSchema, branch.$ref) : branch;
    const tag = ((resolved?.properties as SchemaNode | undefined)?.[tagName] as SchemaNode | undefined)?.const;
    return typeof tag === 'string' ? [tag] : [];
  });
}

export function describeDiscriminatorError(error: ErrorObject, rootSchema: SchemaNode): DefinitionError {
  const union = error.parentSchema ?? {};
  const tagName = String(error.params.tag ?? 'type');
  const noun = UNION_NOUNS[String(union.title)] ?? 'kind';
  const tags = unionTags(union, rootSchema, tagName).join(', ');
  const pointer = pointerJoin(error.instancePath, tagName);
  const value = error.params.tagValue;
  if (value === undefined) return { pointer, message: `is required: say which ${noun} this is, one of ${tags}` };
  if (typeof value !== 'string') return { pointer, message: `must be text naming the ${noun}, one of ${tags}` };
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return { pointer, message: `"${value}" is not ${article} ${noun}; the ${noun}s are ${tags}` };
}
