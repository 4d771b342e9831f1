/** Evaluates json-logic with Ledgerflow's operations; json-logic-js has one shared operation table, so ours live there only during a call. */
import jsonLogic from 'json-logic-js';
import { CUSTOM_OPERATIONS } from './custom-operations';
import { LogicOperationError } from './money-operations';
import { ALLOWED_OPERATORS } from './operators';
import { scanLogic } from './logic-scan';

let depth = 0;

function withCustomOperations<T>(run: () => T): T {
  if (depth === 0) {
    for (const [name, operation] of Object.entries(CUSTOM_OPERATIONS)) jsonLogic.add_operation(name, operation.run);
  }
  depth += 1;
  try {
    return run();
  } finally {
    depth -= 1;
    if (depth === 0) for (const name of Object.keys(CUSTOM_OPERATIONS)) jsonLogic.rm_operation(name);
  }
}

/** Runs `rule` against `data`; throws LogicOperationError for an operator outside the allowed set or bad operands. */
export function evaluateLogic(rule: unknown, data: Record<string, unknown>): unknown {
  for (const use of scanLogic(rule, '').operators) {
    if (!ALLOWED_OPERATORS.has(use.operator)) throw new LogicOperationError(`unknown operation "${use.operator}"`);
  }
  return withCustomOperations(() => jsonLogic.apply(rule as jsonLogic.RulesLogic, data));
}

export function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
