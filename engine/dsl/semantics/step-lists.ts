/** Flattens a definition into its step lists (top level, forEach bodies, parallel branches) with pointers and scope. */
import type { Step, StepList, WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';

export interface LocatedStep {
  step: Step;
  pointer: string;
}

export interface LocatedStepList {
  /** Pointer of the object holding `start` and `steps` ('' for the definition itself). */
  pointer: string;
  start: string;
  steps: LocatedStep[];
  /** Names readable as item.<name> here: item and index variables of every enclosing forEach. */
  itemNames: string[];
}

export function collectStepLists(definition: WorkflowDefinition): LocatedStepList[] {
  const lists: LocatedStepList[] = [];
  visitList(definition, '', [], lists);
  return lists;
}

function visitList(list: Pick<StepList, 'start' | 'steps'>, pointer: string, itemNames: string[], lists: LocatedStepList[]): void {
  const steps = list.steps.map((step, index) => ({ step, pointer: pointerJoin(pointer, 'steps', index) }));
  lists.push({ pointer, start: list.start, steps, itemNames });
  for (const { step, pointer: stepPointer } of steps) {
    if (step.type === 'forEach') {
      const names = [...itemNames, step.itemVariable, ...(step.indexVariable ? [step.indexVariable] : [])];
      visitList(step.body, pointerJoin(stepPointer, 'body'), names, lists);
    }
    if (step.type === 'parallel') {
      step.branches.forEach((branch, index) => visitList(branch, pointerJoin(stepPointer, 'branches', index), itemNames, lists));
    }
  }
}

export function allSteps(definition: WorkflowDefinition): LocatedStep[] {
  return collectStepLists(definition).flatMap((list) => list.steps);
}

export interface Transition {
  target: string;
  pointer: string;
}

/** Every step id a step can lead to, with the pointer of the field that names it. */
export function stepTransitions(located: LocatedStep): Transition[] {
  const { step, pointer } = located;
  const at = (field: string, target: string | undefined): Transition[] => (target ? [{ target, pointer: pointerJoin(pointer, field) }] : []);
  switch (step.type) {
    case 'action':
    case 'subflow':
      return [...at('next', step.next), ...at('onError', step.onError)];
    case 'waitForEvent':
      return [...at('next', step.next), ...at('onTimeout', step.onTimeout)];
    case 'choice':
      return [...step.when.map((branch, index) => ({ target: branch.next, pointer: pointerJoin(pointer, 'when', index, 'next') })), ...at('default', step.default)];
    case 'approval':
      return [...at('onApproved', step.onApproved), ...at('onRejected', step.onRejected), ...at('onTimeout', step.onTimeout)];
    case 'succeed':
    case 'fail':
      return [];
    default:
      return at('next', step.next);
  }
}

/** Steps whose outcome is readable as steps.<id>.result. */
export const STEP_TYPES_WITH_RESULT: ReadonlySet<Step['type']> = new Set(['action', 'waitForEvent', 'subflow', 'approval', 'forEach', 'parallel']);
/** Steps whose failure, when routed by onError, is readable as steps.<id>.error. */
export const STEP_TYPES_WITH_ERROR: ReadonlySet<Step['type']> = new Set(['action', 'subflow']);
