/**
 * Renaming a declared variable everywhere the steps use it: json-logic reads (`{"var": "vars.<name>"}`, and the
 * paths `missing` / `missing_some` check), `set` assignments and `resultVariable`. Without this, a rename in the
 * definition settings would leave every rule reading a variable that no longer exists.
 */
import type { Step, WorkflowDefinition } from '../../../../definitions/generated/definition';

/** `vars.<from>` or `vars.<from>.<more>` becomes `vars.<to>…`; any other path (e.g. `vars.<from>s`) stays. */
export function renameVariablePath(path: string, from: string, to: string): string {
  const old = `vars.${from}`;
  if (path === old) return `vars.${to}`;
  if (path.startsWith(`${old}.`)) return `vars.${to}${path.slice(old.length)}`;
  return path;
}

const renamePaths = (paths: unknown, from: string, to: string): unknown =>
  Array.isArray(paths) ? paths.map((path) => (typeof path === 'string' ? renameVariablePath(path, from, to) : renameInRule(path, from, to))) : renameInRule(paths, from, to);

/** The same json-logic rule with its reads of `vars.<from>` reading `vars.<to>`. */
export function renameInRule(rule: unknown, from: string, to: string): unknown {
  if (Array.isArray(rule)) return rule.map((item) => renameInRule(item, from, to));
  if (!rule || typeof rule !== 'object') return rule;
  const entries = Object.entries(rule as Record<string, unknown>);
  if (entries.length === 1) {
    const [[operator, args]] = entries;
    if (operator === 'var') {
      if (typeof args === 'string') return { var: renameVariablePath(args, from, to) };
      if (Array.isArray(args) && typeof args[0] === 'string') return { var: [renameVariablePath(args[0], from, to), ...args.slice(1).map((item) => renameInRule(item, from, to))] };
    }
    if (operator === 'missing') return { missing: renamePaths(args, from, to) };
    if (operator === 'missing_some' && Array.isArray(args) && args.length === 2) return { missing_some: [renameInRule(args[0], from, to), renamePaths(args[1], from, to)] };
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, renameInRule(value, from, to)]));
}

const isStaticTransform = (value: Record<string, unknown>) => value.type === 'static' && 'value' in value;
const isStep = (value: Record<string, unknown>) => typeof value.id === 'string' && typeof value.type === 'string';

/** Walks a part of a step: static values are data, not logic, so a `{"var": …}` inside one is left as written. */
function renameInStepPart(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameInStepPart(item, from, to));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (isStaticTransform(object)) return object;
  if (isStep(object)) return renameInStep(object as unknown as Step, from, to);
  if (Object.keys(object).length === 1 && ('var' in object || 'missing' in object || 'missing_some' in object)) return renameInRule(object, from, to);
  return Object.fromEntries(Object.entries(object).map(([key, part]) => [key, renameInStepPart(part, from, to)]));
}

function renameInStep(step: Step, from: string, to: string): Step {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (key === 'resultVariable' && value === from) next[key] = to;
    else if (key === 'assign' && step.type === 'set') {
      // Keys keep their order, so the set step reads as the author wrote it.
      next[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, rule]) => [name === from ? to : name, renameInRule(rule, from, to)]));
    } else next[key] = renameInStepPart(value, from, to);
  }
  return next as unknown as Step;
}

/** The definition's steps (nested ones included) with every use of variable `from` naming `to` instead. */
export function renameVariableReferences(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  return { ...definition, steps: definition.steps.map((step) => renameInStep(step, from, to)) as WorkflowDefinition['steps'] };
}

/** How many places in the steps read or write variable `from` (what a rename changes there). */
export function countVariableReferences(definition: WorkflowDefinition, from: string): number {
  const placeholder = '§renamed§';
  const before = JSON.stringify(definition.steps);
  const after = JSON.stringify(renameVariableReferences(definition, from, placeholder).steps);
  return before === after ? 0 : after.split(placeholder).length - 1;
}
