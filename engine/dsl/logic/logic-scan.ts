/** Walks a json-logic rule without running it: the operators it uses and the variables it reads, each with a pointer. */
import { pointerJoin } from '../pointer';
import { isOperation, operationArguments, SCOPED_OPERATORS } from './operators';

export interface OperatorUse {
  operator: string;
  pointer: string;
  argumentCount: number;
}

export interface VariableRead {
  path: string;
  pointer: string;
}

export interface LogicScan {
  operators: OperatorUse[];
  /** Reads against the run's data; reads inside map/filter/reduce/all/none/some bodies see the element instead. */
  variables: VariableRead[];
}

export function scanLogic(rule: unknown, pointer: string): LogicScan {
  const scan: LogicScan = { operators: [], variables: [] };
  visit(rule, pointer, true, scan);
  return scan;
}

function visit(node: unknown, pointer: string, runScope: boolean, scan: LogicScan): void {
  if (Array.isArray(node)) {
    node.forEach((element, index) => visit(element, pointerJoin(pointer, index), runScope, scan));
    return;
  }
  if (!isOperation(node)) return;
  const { operator, args } = operationArguments(node);
  const operatorPointer = pointerJoin(pointer, operator);
  const argumentPointer = (index: number) => (Array.isArray(node[operator]) ? pointerJoin(operatorPointer, index) : operatorPointer);
  scan.operators.push({ operator, pointer: operatorPointer, argumentCount: args.length });

  if (operator === 'var') {
    const path = args[0];
    if (runScope && (typeof path === 'string' || typeof path === 'number')) scan.variables.push({ path: String(path), pointer: argumentPointer(0) });
    args.forEach((arg, index) => visit(arg, argumentPointer(index), runScope, scan));
    return;
  }
  if (operator === 'missing' || operator === 'missing_some') {
    const names = operator === 'missing' ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
    const namesPointer = operator === 'missing' ? (Array.isArray(args[0]) ? argumentPointer(0) : operatorPointer) : argumentPointer(1);
    if (runScope && Array.isArray(names)) {
      names.forEach((name, index) => {
        if (typeof name === 'string') scan.variables.push({ path: name, pointer: pointerJoin(namesPointer, index) });
      });
    }
  }
  args.forEach((arg, index) => {
    const elementScope = SCOPED_OPERATORS.has(operator) && index === 1;
    visit(arg, argumentPointer(index), runScope && !elementScope, scan);
  });
}
