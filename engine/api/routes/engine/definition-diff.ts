/** One changed leaf between two definition documents, located by JSON Pointer (RFC 6901). */
export interface DefinitionChange {
  pointer: string;
  before?: unknown;
  after?: unknown;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const isContainer = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A plain structural diff: objects and arrays are walked key by key, anything else is compared by value. A field
 * present on one side only has no `before` (added) or no `after` (removed).
 */
export function diffDocuments(before: unknown, after: unknown, pointer = ''): DefinitionChange[] {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const at = `${pointer}/${escape(key)}`;
      if (!(key in after)) return [{ pointer: at, before: before[key] }];
      if (!(key in before)) return [{ pointer: at, after: after[key] }];
      return diffDocuments(before[key], after[key], at);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ pointer: pointer || '/', before, after }];
}
