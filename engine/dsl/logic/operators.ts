/** Which json-logic operators a definition may use: json-logic-js's own, minus `log`, plus ours. */
import { CUSTOM_OPERATIONS } from './custom-operations';

export const BUILTIN_OPERATORS: readonly string[] = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all',
  'none', 'some', 'merge', 'in', 'cat', 'substr',
];

/** Operators whose second argument runs against each array element rather than the run's data. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATIONS)]);

export function isOperation(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

export function operationArguments(node: Record<string, unknown>): { operator: string; args: unknown[] } {
  const operator = Object.keys(node)[0];
  const raw = node[operator];
  return { operator, args: Array.isArray(raw) ? raw : [raw] };
}
