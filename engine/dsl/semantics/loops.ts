/**
 * A loop of steps must pass through something that takes time (a wait, waitForEvent, approval, action or awaited
 * subflow); a loop of only set and choice steps would spin inside one workflow task and never yield.
 */
import type { Step, WorkflowDefinition } from '../../../definitions/generated/definition';
import type { DefinitionError } from '../validation/definition-error';
import { collectStepLists, stepTransitions, type LocatedStep, type LocatedStepList } from './step-lists';

export function stepTakesTime(step: Step): boolean {
  switch (step.type) {
    case 'wait':
    case 'waitForEvent':
    case 'approval':
    case 'action':
      return true;
    case 'subflow':
      return step.await !== false;
    case 'forEach':
      return step.body.steps.some(stepTakesTime);
    case 'parallel':
      return step.branches.every((branch) => branch.steps.some(stepTakesTime));
    default:
      return false;
  }
}

export function checkLoops(definition: WorkflowDefinition): DefinitionError[] {
  return collectStepLists(definition).flatMap(checkList);
}

function checkList(list: LocatedStepList): DefinitionError[] {
  const byId = new Map(list.steps.map((located) => [located.step.id, located]));
  const successors = (located: LocatedStep) => stepTransitions(located).map((t) => t.target).filter((id) => byId.has(id));
  return stronglyConnected(list.steps.map((l) => l.step.id), (id) => successors(byId.get(id) as LocatedStep))
    .filter((component) => component.length > 1 || successors(byId.get(component[0]) as LocatedStep).includes(component[0]))
    .filter((component) => !component.some((id) => stepTakesTime((byId.get(id) as LocatedStep).step)))
    .map((component) => {
      const ordered = list.steps.filter((l) => component.includes(l.step.id));
      const path = [...ordered.map((l) => l.step.id), ordered[0].step.id].join(' → ');
      return {
        pointer: ordered[0].pointer,
        message: `the steps ${path} loop without ever waiting; put a wait, waitForEvent, approval or action in the loop, or use forEach`,
      };
    });
}

/** Tarjan's algorithm, iterative over ids in list order so results are deterministic. */
function stronglyConnected(ids: string[], next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const connect = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const successor of next(id)) {
      if (!index.has(successor)) {
        connect(successor);
        low.set(id, Math.min(low.get(id) as number, low.get(successor) as number));
      } else if (onStack.has(successor)) {
        low.set(id, Math.min(low.get(id) as number, index.get(successor) as number));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      components.push(component);
    }
  };
  for (const id of ids) if (!index.has(id)) connect(id);
  return components;
}
