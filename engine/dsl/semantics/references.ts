/** Step references: duplicate ids, unknown or out-of-list targets, and steps that can never be reached. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from '../validation/definition-error';
import { collectStepLists, stepTransitions, type LocatedStepList } from './step-lists';

export function checkStepReferences(definition: WorkflowDefinition): DefinitionError[] {
  const lists = collectStepLists(definition);
  const errors: DefinitionError[] = [];
  const firstPointerOfId = new Map<string, string>();
  for (const { step, pointer } of lists.flatMap((list) => list.steps)) {
    const earlier = firstPointerOfId.get(step.id);
    if (earlier !== undefined) errors.push({ pointer: pointerJoin(pointer, 'id'), message: `"${step.id}" is already the id of the step at ${earlier}; step ids must be unique` });
    else firstPointerOfId.set(step.id, pointer);
  }
  for (const list of lists) errors.push(...checkList(list, firstPointerOfId));
  return errors;
}

function checkList(list: LocatedStepList, anywhere: Map<string, string>): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const ids = new Set(list.steps.map(({ step }) => step.id));
  const problem = (target: string): string | null => {
    if (ids.has(target)) return null;
    if (anywhere.has(target)) return `leads to "${target}", which is in another step list; a step can only lead to steps of its own list`;
    return `leads to "${target}", but there is no step with that id here`;
  };
  const startProblem = problem(list.start);
  if (startProblem) errors.push({ pointer: pointerJoin(list.pointer, 'start'), message: startProblem.replace('leads to', 'starts at') });
  for (const located of list.steps) {
    for (const transition of stepTransitions(located)) {
      const message = problem(transition.target);
      if (message) errors.push({ pointer: transition.pointer, message });
    }
  }
  if (startProblem) return errors;
  for (const located of unreachableSteps(list)) {
    errors.push({ pointer: located.pointer, message: `step "${located.step.id}" can never be reached from the start step "${list.start}"` });
  }
  return errors;
}

function unreachableSteps(list: LocatedStepList) {
  const byId = new Map(list.steps.map((located) => [located.step.id, located]));
  const reached = new Set<string>();
  const queue = [list.start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const located = byId.get(id);
    if (reached.has(id) || !located) continue;
    reached.add(id);
    queue.push(...stepTransitions(located).map((transition) => transition.target));
  }
  return list.steps.filter(({ step }) => !reached.has(step.id));
}
