/** Turns the studio's graph back into a definition: node fields plus the routes its edges draw. */
import type { Step, StepList, WorkflowDefinition } from '../../../../definitions/generated/definition';
import { START_NODE_ID, isStepNode, type DefinitionGraph, type FlowNode, type RouteEdge, type StepNode } from './graph-types';

/** Puts keys back in the author's order; keys the author did not have (a newly drawn route) go last. */
function inKeyOrder(step: Record<string, unknown>, keyOrder: string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of keyOrder) if (step[key] !== undefined) ordered[key] = step[key];
  for (const [key, value] of Object.entries(step)) if (value !== undefined && !(key in ordered)) ordered[key] = value;
  return ordered;
}

export function graphToDefinition(graph: DefinitionGraph): WorkflowDefinition {
  const routesFrom = new Map<string, Map<string, string>>();
  for (const edge of graph.edges as RouteEdge[]) {
    const route = edge.data?.route ?? edge.sourceHandle ?? 'next';
    if (!routesFrom.has(edge.source)) routesFrom.set(edge.source, new Map());
    routesFrom.get(edge.source)?.set(route, edge.target);
  }
  const childrenOf = (parentId: string | undefined) => graph.nodes.filter((node) => node.parentId === parentId);

  const buildList = (ownerId: string, parentId: string | undefined, name?: string): StepList => {
    const steps = childrenOf(parentId).filter(isStepNode).map(buildStep);
    const start = routesFrom.get(ownerId)?.get('start');
    return { ...(name !== undefined ? { name } : {}), ...(start !== undefined ? { start } : {}), steps } as StepList;
  };

  const buildStep = (node: StepNode): Step => {
    const routes = routesFrom.get(node.id) ?? new Map<string, string>();
    const step: Record<string, unknown> = { ...node.data.fields, id: node.id, type: node.type };
    for (const [route, target] of routes) if (!route.startsWith('when-') && route !== 'start') step[route] = target;
    if (node.type === 'choice') {
      const conditions = (node.data.fields as { when?: Array<{ condition: unknown }> }).when ?? [];
      step.when = conditions.map((branch, index) => {
        const next = routes.get(`when-${index}`);
        return next === undefined ? { ...branch } : { ...branch, next };
      });
    }
    if (node.type === 'forEach') step.body = buildList(node.id, node.id, node.data.bodyName);
    if (node.type === 'parallel') {
      step.branches = childrenOf(node.id)
        .filter((child): child is Extract<FlowNode, { type: 'branch' }> => child.type === 'branch')
        .sort((a, b) => a.data.index - b.data.index)
        .map((branch) => buildList(branch.id, branch.id, branch.data.name));
    }
    return inKeyOrder(step, node.data.keyOrder) as unknown as Step;
  };

  const top = buildList(START_NODE_ID, undefined);
  return { ...graph.meta, ...(top.start !== undefined ? { start: top.start } : {}), steps: top.steps } as WorkflowDefinition;
}
