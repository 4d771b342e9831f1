/**
 * Where the palette can put a new step: the top-level list, a forEach's body, one branch of a parallel, or a new
 * branch of a parallel. Containers are named as the graph names them: the forEach step's id, a branch group's id
 * (`<parallelId>#<index>`), or `<parallelId>#new` for a branch yet to exist.
 */
import type { Step, StepList, WorkflowDefinition } from '../../../../definitions/generated/definition';
import { branchNodeId } from '../graph/graph-types';
import type { StepType } from '../graph/graph-types';
import { findStep, newStep, uniqueStepId, updateStep } from './definition-edits';

export const TOP_LEVEL = '';

export interface StepContainer {
  id: string;
  label: string;
}

const NEW_BRANCH = 'new';
const newBranchId = (parallelId: string) => `${parallelId}#${NEW_BRANCH}`;

/** Every list a step can be added to, in document order, nested ones included. */
export function stepContainers(definition: WorkflowDefinition): StepContainer[] {
  const found: StepContainer[] = [{ id: TOP_LEVEL, label: 'Top level' }];
  const visit = (steps: Step[] | undefined) => {
    for (const step of Array.isArray(steps) ? steps : []) {
      if (step.type === 'forEach') {
        found.push({ id: step.id, label: `Inside ${step.id} (for each)` });
        visit(step.body?.steps);
      } else if (step.type === 'parallel') {
        (Array.isArray(step.branches) ? step.branches : []).forEach((branch, index) => {
          found.push({ id: branchNodeId(step.id, index), label: `Inside ${step.id}, branch ${index + 1}${branch?.name ? ` (${branch.name})` : ''}` });
          visit(branch?.steps);
        });
        found.push({ id: newBranchId(step.id), label: `Inside ${step.id}, as a new branch` });
      }
    }
  };
  visit(definition.steps);
  return found;
}

/**
 * The container the palette offers first for what is selected: a forEach or a branch group itself, or else the list
 * holding the selected step (so a step added while editing inside a body lands beside it).
 */
export function containerForSelection(definition: WorkflowDefinition, selectedId: string | null): string {
  if (!selectedId) return TOP_LEVEL;
  const ids = new Set(stepContainers(definition).map((container) => container.id));
  if (ids.has(selectedId)) return selectedId;
  const selected = findStep(definition, selectedId);
  if (selected?.type === 'parallel') return newBranchId(selected.id);
  return listHolding(definition, selectedId) ?? TOP_LEVEL;
}

function listHolding(definition: WorkflowDefinition, stepId: string): string | null {
  const search = (steps: Step[] | undefined, container: string): string | null => {
    for (const step of Array.isArray(steps) ? steps : []) {
      if (step.id === stepId) return container;
      if (step.type === 'forEach') {
        const inner = search(step.body?.steps, step.id);
        if (inner !== null) return inner;
      } else if (step.type === 'parallel') {
        for (const [index, branch] of (Array.isArray(step.branches) ? step.branches : []).entries()) {
          const inner = search(branch?.steps, branchNodeId(step.id, index));
          if (inner !== null) return inner;
        }
      }
    }
    return null;
  };
  return search(definition.steps, TOP_LEVEL);
}

/** A list with `step` appended; an empty list's start becomes the new step, since it is then its only step. */
function appendTo(list: StepList | undefined, step: Step): StepList {
  const steps = Array.isArray(list?.steps) ? list.steps : [];
  return { ...list, start: steps.length === 0 || !list?.start ? step.id : list.start, steps: [...steps, step] } as StepList;
}

/** Empty routes are placeholders for the form; the validator names what is missing. */
const withoutEmptyRoutes = (step: Step): Step => JSON.parse(JSON.stringify(step, (key, value) => (value === '' && ['next', 'default', 'onApproved', 'onRejected'].includes(key) ? undefined : value)));

/** Adds a new step of `type` to `containerId`'s list (see stepContainers) and answers its id. */
export function addStepTo(definition: WorkflowDefinition, containerId: string, type: StepType, action?: string): { definition: WorkflowDefinition; stepId: string } {
  const stepId = uniqueStepId(definition, type === 'action' ? 'action' : type);
  const step = withoutEmptyRoutes(newStep(type, stepId, action));
  if (containerId === TOP_LEVEL) return { definition: { ...definition, steps: [...(definition.steps ?? []), step] } as WorkflowDefinition, stepId };
  const [ownerId, branch] = containerId.split('#');
  const owner = findStep(definition, ownerId);
  if (!owner) throw new Error(`There is no step ${ownerId} to add inside.`);
  if (owner.type === 'forEach' && branch === undefined) {
    return { definition: updateStep(definition, ownerId, (forEach) => ({ ...forEach, body: appendTo(forEach.body as StepList, step) }) as Step), stepId };
  }
  if (owner.type === 'parallel' && branch !== undefined) {
    const branches = Array.isArray(owner.branches) ? owner.branches : [];
    const index = branch === NEW_BRANCH ? branches.length : Number(branch);
    if (!Number.isInteger(index) || index < 0 || index > branches.length) throw new Error(`${ownerId} has no branch ${branch}.`);
    const next = index === branches.length ? [...branches, appendTo(undefined, step)] : branches.map((list, at) => (at === index ? appendTo(list, step) : list));
    return { definition: updateStep(definition, ownerId, (parallel) => ({ ...parallel, branches: next }) as unknown as Step), stepId };
  }
  throw new Error(`${ownerId} is a ${owner.type} step: only a forEach body or a parallel branch holds steps.`);
}
