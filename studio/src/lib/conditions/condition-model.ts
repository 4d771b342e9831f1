/**
 * The condition builder's model of a json-logic rule: and/or groups of comparisons "field operator value". Whatever
 * does not fit (money operations, arithmetic, custom logic) stays a raw rule, edited as JSON, so nothing is lost.
 */
export const COMPARISON_OPERATORS = ['==', '!=', '===', '!==', '<', '<=', '>', '>='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type Operand = { type: 'literal'; value: string | number | boolean | null } | { type: 'field'; path: string };

export type ConditionNode =
  | { kind: 'group'; combinator: 'and' | 'or'; children: ConditionNode[] }
  | { kind: 'compare'; field: string; operator: ComparisonOperator; value: Operand }
  | { kind: 'raw'; rule: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLiteral = (value: unknown): value is string | number | boolean | null => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function fieldOf(rule: unknown): string | null {
  if (!isRecord(rule) || Object.keys(rule).length !== 1 || !('var' in rule)) return null;
  return typeof rule.var === 'string' ? rule.var : null;
}

function operandOf(rule: unknown): Operand | null {
  const path = fieldOf(rule);
  if (path !== null) return { type: 'field', path };
  return isLiteral(rule) ? { type: 'literal', value: rule } : null;
}

export function parseCondition(rule: unknown): ConditionNode {
  if (isRecord(rule) && Object.keys(rule).length === 1) {
    const [operator, args] = Object.entries(rule)[0];
    if ((operator === 'and' || operator === 'or') && Array.isArray(args)) return { kind: 'group', combinator: operator, children: args.map(parseCondition) };
    if ((COMPARISON_OPERATORS as readonly string[]).includes(operator) && Array.isArray(args) && args.length === 2) {
      const field = fieldOf(args[0]);
      const value = operandOf(args[1]);
      if (field !== null && value) return { kind: 'compare', field, operator: operator as ComparisonOperator, value };
    }
  }
  return { kind: 'raw', rule };
}

export function conditionToRule(node: ConditionNode): unknown {
  switch (node.kind) {
    case 'group':
      return { [node.combinator]: node.children.map(conditionToRule) };
    case 'compare':
      return { [node.operator]: [{ var: node.field }, node.value.type === 'field' ? { var: node.value.path } : node.value.value] };
    default:
      return node.rule;
  }
}

/** Reads what a person typed in a value box: numbers and true/false/null as such, anything else as text. */
export function literalFromText(text: string): string | number | boolean | null {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed === 'null') return null;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
}

export const newComparison = (field = ''): ConditionNode => ({ kind: 'compare', field, operator: '==', value: { type: 'literal', value: '' } });

/** Replaces the node at `path` (child indexes from the root) with the result of `change`. */
export function updateAt(root: ConditionNode, path: number[], change: (node: ConditionNode) => ConditionNode): ConditionNode {
  if (path.length === 0) return change(root);
  if (root.kind !== 'group') return root;
  const [index, ...rest] = path;
  return { ...root, children: root.children.map((child, at) => (at === index ? updateAt(child, rest, change) : child)) };
}

export function removeAt(root: ConditionNode, path: number[]): ConditionNode {
  if (path.length === 0) return root;
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateAt(root, parentPath, (parent) => (parent.kind === 'group' ? { ...parent, children: parent.children.filter((_, at) => at !== index) } : parent));
}

/**
 * Turns a lone comparison (or raw part) into an "all of" group with a new empty comparison beside it, so a condition
 * that starts as one test can grow into nested and/or in the builder instead of only as JSON. A group is returned
 * unchanged: it already has "Add comparison".
 */
export function combineWithAnother(root: ConditionNode): ConditionNode {
  return root.kind === 'group' ? root : { kind: 'group', combinator: 'and', children: [root, newComparison()] };
}
