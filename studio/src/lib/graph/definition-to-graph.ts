/** Turns a definition into the studio's graph (see graph-types.ts for how nested lists are drawn). */
import type { MarkerType } from '@xyflow/svelte';
import type { Step, StepList, WorkflowDefinition } from '../../../../definitions/generated/definition';
import {
  ROUTE_FIELDS, START_NODE_ID, branchNodeId, routeEdgeId,
  type DefinitionGraph, type DefinitionMeta, type FlowNode, type RouteEdge, type RouteHandle, type StepNode,
} from './graph-types';

const ORIGIN = { x: 0, y: 0 };

const ARROW = { type: 'arrowclosed' as MarkerType };

/** Plain `next` and list starts go unlabelled; choice branches read "if 1", "if 2"… like their handles. */
export const routeLabel = (route: RouteHandle): string | undefined =>
  route === 'next' || route === 'start' ? undefined : route.startsWith('when-') ? `if ${Number(route.slice(5)) + 1}` : route;

function routeEdge(source: string, route: RouteHandle, target: string): RouteEdge {
  return { id: routeEdgeId(source, route), source, sourceHandle: route, target, label: routeLabel(route), markerEnd: ARROW, data: { route } };
}

function stepFields(step: Step): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...step };
  for (const route of ROUTE_FIELDS) delete fields[route];
  delete fields.body;
  delete fields.branches;
  if (step.type === 'choice' && Array.isArray(step.when)) fields.when = step.when.map(({ condition }) => ({ condition }));
  return fields;
}

function stepRoutes(step: Step): RouteEdge[] {
  const edges: RouteEdge[] = [];
  const record = step as unknown as Record<string, unknown>;
  for (const route of ROUTE_FIELDS) {
    if (typeof record[route] === 'string') edges.push(routeEdge(step.id, route, record[route] as string));
  }
  if (step.type === 'choice' && Array.isArray(step.when)) {
    step.when.forEach((branch, index) => {
      if (typeof branch?.next === 'string') edges.push(routeEdge(step.id, `when-${index}`, branch.next));
    });
  }
  return edges;
}

/** Adds the nodes and edges of one step list; `ownerId` is the node that starts it, `parentId` the group it sits in. */
function addList(graph: { nodes: FlowNode[]; edges: RouteEdge[] }, list: Partial<StepList>, ownerId: string, parentId: string | undefined) {
  if (typeof list.start === 'string') graph.edges.push(routeEdge(ownerId, 'start', list.start));
  for (const step of Array.isArray(list.steps) ? list.steps : []) {
    if (!step || typeof step !== 'object' || typeof step.id !== 'string') continue;
    const node = {
      id: step.id,
      type: step.type,
      position: ORIGIN,
      data: {
        fields: stepFields(step),
        keyOrder: Object.keys(step),
        ...(step.type === 'forEach' && step.body?.name !== undefined ? { bodyName: step.body.name } : {}),
      },
      ...(parentId ? { parentId, extent: 'parent' as const } : {}),
    } as StepNode;
    graph.nodes.push(node);
    graph.edges.push(...stepRoutes(step));
    if (step.type === 'forEach' && step.body) addList(graph, step.body, step.id, step.id);
    if (step.type === 'parallel' && Array.isArray(step.branches)) {
      step.branches.forEach((branch, index) => {
        const id = branchNodeId(step.id, index);
        graph.nodes.push({ id, type: 'branch', position: ORIGIN, parentId: step.id, extent: 'parent', data: { parallelId: step.id, index, ...(branch?.name !== undefined ? { name: branch.name } : {}) } });
        addList(graph, branch ?? {}, id, id);
      });
    }
  }
}

/** Tolerates half-written definitions (from the JSON view): whatever has no shape yet is left out of the graph. */
export function definitionToGraph(definition: WorkflowDefinition): DefinitionGraph {
  const { start, steps, ...meta } = definition;
  const graph = { nodes: [{ id: START_NODE_ID, type: 'start', position: ORIGIN, deletable: false, data: { label: 'Start' } } as FlowNode], edges: [] as RouteEdge[] };
  addList(graph, { start, steps }, START_NODE_ID, undefined);
  return { meta: meta as DefinitionMeta, ...graph };
}
