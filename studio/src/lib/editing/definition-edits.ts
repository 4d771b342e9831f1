/** Edits of a definition as pure functions: each returns a new definition and leaves the old one as it was. */
import type { Step, StepList, WorkflowDefinition } from '../../../../definitions/generated/definition';
import { definitionToGraph } from '../graph/definition-to-graph';
import { graphToDefinition } from '../graph/graph-to-definition';
import { routeEdgeId, type RouteEdge, type RouteHandle, type StepType } from '../graph/graph-types';
import { PALETTE_ACTIONS } from '../validation/action-palette';

type AnyStep = Step & Record<string, unknown>;

/** Applies `change` to every step list of the definition, nested ones included. */
function mapLists(definition: WorkflowDefinition, change: (steps: Step[]) => Step[]): WorkflowDefinition {
  const mapStep = (step: Step): Step => {
    if (step.type === 'forEach' && step.body) return { ...step, body: mapList(step.body) };
    if (step.type === 'parallel' && Array.isArray(step.branches)) return { ...step, branches: step.branches.map(mapList) as typeof step.branches };
    return step;
  };
  // A draft typed in the JSON view may lack a list yet; edits leave such a list alone rather than throw.
  const mapList = <L extends { steps: Step[] }>(list: L): L => (Array.isArray(list?.steps) ? { ...list, steps: change(list.steps.map(mapStep)) } : list);
  return mapList(definition as WorkflowDefinition & { steps: Step[] }) as WorkflowDefinition;
}

export function allStepIds(definition: WorkflowDefinition): string[] {
  const ids: string[] = [];
  mapLists(definition, (steps) => {
    ids.push(...steps.map((step) => step.id));
    return steps;
  });
  return ids;
}

export function findStep(definition: WorkflowDefinition, stepId: string): Step | undefined {
  let found: Step | undefined;
  mapLists(definition, (steps) => {
    found ??= steps.find((step) => step.id === stepId);
    return steps;
  });
  return found;
}

export function updateStep(definition: WorkflowDefinition, stepId: string, change: (step: AnyStep) => Step): WorkflowDefinition {
  return mapLists(definition, (steps) => steps.map((step) => (step.id === stepId ? change(step as AnyStep) : step)));
}

/** Sets or removes (`undefined`) one field of a step. */
export function setStepField(definition: WorkflowDefinition, stepId: string, field: string, value: unknown): WorkflowDefinition {
  return updateStep(definition, stepId, (step) => {
    const next: Record<string, unknown> = { ...step };
    if (value === undefined) delete next[field];
    else next[field] = value;
    return next as unknown as Step;
  });
}

/** Renames a step and every route and list start that leads to it. */
export function renameStep(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  const graph = definitionToGraph(definition);
  const rename = (id: string) => (id === from ? to : id);
  return graphToDefinition({
    ...graph,
    nodes: graph.nodes.map((node) => ({ ...node, id: rename(node.id), ...(node.parentId ? { parentId: rename(node.parentId) } : {}) }) as typeof node)
      .map((node) => (node.type === 'branch' && node.data.parallelId === from ? { ...node, id: node.id.replace(`${from}#`, `${to}#`), data: { ...node.data, parallelId: to } } : node))
      .map((node) => (node.parentId?.startsWith(`${from}#`) ? { ...node, parentId: node.parentId.replace(`${from}#`, `${to}#`) } : node)),
    edges: graph.edges.map((edge) => ({ ...edge, source: rename(edge.source).replace(new RegExp(`^${from}#`), `${to}#`), target: rename(edge.target) })),
  });
}

/** Draws (or redraws) the route `handle` of `source` to `target`, the way dragging an edge in the graph does. */
export function connectRoute(definition: WorkflowDefinition, source: string, handle: RouteHandle, target: string): WorkflowDefinition {
  const graph = definitionToGraph(definition);
  const id = routeEdgeId(source, handle);
  const edge: RouteEdge = { id, source, sourceHandle: handle, target, data: { route: handle } };
  return graphToDefinition({ ...graph, edges: [...graph.edges.filter((existing) => existing.id !== id), edge] });
}

/** Removes steps (their nested steps too) and every route drawn to them, as deleting nodes in the graph does. */
export function removeSteps(definition: WorkflowDefinition, stepIds: string[]): WorkflowDefinition {
  const graph = definitionToGraph(definition);
  const removed = new Set(stepIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of graph.nodes) if (node.parentId && removed.has(node.parentId) && !removed.has(node.id)) (removed.add(node.id), (grew = true));
  }
  return graphToDefinition({ ...graph, nodes: graph.nodes.filter((node) => !removed.has(node.id)), edges: graph.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)) });
}

export function uniqueStepId(definition: WorkflowDefinition, base: string): string {
  const taken = new Set(allStepIds(definition));
  for (let n = 1; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new step of `type`, filled in enough to say what it needs next. */
export function newStep(type: StepType, id: string, action?: string): Step {
  const innerWait = (suffix: string): StepList => ({ start: `${id}_${suffix}`, steps: [{ id: `${id}_${suffix}`, type: 'wait', duration: 'P1D' }] });
  switch (type) {
    case 'action': {
      const chosen = PALETTE_ACTIONS.find((candidate) => candidate.name === action);
      // Any other catalogue action (a connector verb) starts with no input: the validator names the keys it needs.
      if (!chosen && action) return { id, type, action, input: {} };
      const palette = chosen ?? PALETTE_ACTIONS[0];
      return { id, type, action: palette.name, input: palette.input };
    }
    case 'wait': return { id, type, duration: 'P1D' };
    case 'waitForEvent': return { id, type, event: 'payment.received' };
    case 'choice': return { id, type, when: [{ condition: { '==': [{ var: 'input.status' }, 'open'] }, next: '' }], default: '' };
    case 'set': return { id, type, assign: {} };
    case 'forEach': return { id, type, items: { var: 'input.items' }, itemVariable: 'entry', mode: 'sequential', body: innerWait('each') };
    case 'parallel': return { id, type, join: 'all', branches: [innerWait('a'), innerWait('b')] };
    case 'subflow': return { id, type, definition: 'another-flow' };
    case 'approval': return { id, type, assignee: { role: 'approver' }, title: 'Approve?', onApproved: '', onRejected: '' };
    case 'succeed': return { id, type };
    case 'fail': return { id, type, error: { kind: 'Failed', message: 'The flow failed.' } };
  }
}

/** Adds a step at the end of the top-level list and returns its id; routes it needs are left for the author to draw. */
export function addStep(definition: WorkflowDefinition, type: StepType, action?: string): { definition: WorkflowDefinition; stepId: string } {
  const stepId = uniqueStepId(definition, type === 'action' ? 'action' : type);
  const step = newStep(type, stepId, action) as AnyStep;
  // Empty routes were placeholders for the form; the validator names what is missing.
  const withoutEmptyRoutes = JSON.parse(JSON.stringify(step, (key, value) => (value === '' && ['next', 'default', 'onApproved', 'onRejected'].includes(key) ? undefined : value)));
  return { definition: { ...definition, steps: [...definition.steps, withoutEmptyRoutes] } as WorkflowDefinition, stepId };
}

/** Removes routes by edge id (`<source>:<route>`), as deleting edges in the graph does. */
export function removeRoutes(definition: WorkflowDefinition, edgeIds: string[]): WorkflowDefinition {
  const graph = definitionToGraph(definition);
  const removed = new Set(edgeIds);
  return graphToDefinition({ ...graph, edges: graph.edges.filter((edge) => !removed.has(edge.id)) });
}

/** Sets (or with `undefined` removes) a value at a path inside a step, e.g. ['retry', 'maximumAttempts']; empty objects left behind are dropped. */
export function setStepPath(definition: WorkflowDefinition, stepId: string, path: Array<string | number>, value: unknown): WorkflowDefinition {
  const setIn = (target: unknown, [head, ...rest]: Array<string | number>): unknown => {
    const container: Record<string, unknown> | unknown[] = Array.isArray(target) ? [...target] : { ...(target as Record<string, unknown> | undefined) };
    const child = rest.length === 0 ? value : setIn((container as Record<string, unknown>)[head], rest);
    const emptyObject = child !== null && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length === 0 && rest.length > 0;
    if (child === undefined || emptyObject) {
      if (Array.isArray(container)) container.splice(Number(head), 1);
      else delete container[head];
    } else (container as Record<string, unknown>)[head] = child;
    return container;
  };
  return updateStep(definition, stepId, (step) => setIn(step, path) as Step);
}
