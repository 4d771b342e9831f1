/**
 * The studio's graph model of a definition. Every step is a node whose `type` is its step type; the routes between
 * steps (next, choice branches, error and timeout routes, approval outcomes) are edges whose `sourceHandle` names the
 * route. Nested step lists are Svelte Flow subflows: a forEach node is a group holding its body's steps, a parallel
 * node is a group holding one `branch` group per branch, which holds that branch's steps. Each list's first step is
 * reached by a `start` edge from its owner (the `#start` node at the top level, the forEach node, or the branch).
 */
import type { Edge, Node } from '@xyflow/svelte';
import type { Step, WorkflowDefinition } from '../../../../definitions/generated/definition';

export type StepType = Step['type'];
export type StepOfType<K extends StepType> = Extract<Step, { type: K }>;

/** Fields that become edges or child nodes, so they are not kept in a node's fields. */
export const ROUTE_FIELDS = ['next', 'onError', 'onTimeout', 'default', 'onApproved', 'onRejected'] as const;
export type RouteField = (typeof ROUTE_FIELDS)[number];
type GraphOwnedField = RouteField | 'body' | 'branches' | 'when';

/** A choice keeps its conditions in the node; each condition's target is the edge from handle `when-<index>`. */
export type StepFields<K extends StepType> = Omit<StepOfType<K>, GraphOwnedField> & (K extends 'choice' ? { when: Array<{ condition: unknown }> } : unknown);

export type StepNodeData<K extends StepType = StepType> = {
  fields: StepFields<K>;
  /** The step's keys in their original order, so a round trip keeps the JSON as the author wrote it. */
  keyOrder: string[];
  /** The `name` of a forEach body (the step list), when it has one. */
  bodyName?: string;
};

export type StepNode<K extends StepType = StepType> = K extends StepType ? Node<StepNodeData<K>, K> : never;
export type StartNode = Node<{ label: string }, 'start'>;
export type BranchNode = Node<{ parallelId: string; index: number; name?: string }, 'branch'>;
export type FlowNode = StepNode | StartNode | BranchNode;

/** A route: `next`, `onError`, `onTimeout`, `default`, `onApproved`, `onRejected`, `when-<index>` or `start`. */
export type RouteHandle = RouteField | `when-${number}` | 'start';
export type RouteEdge = Edge<{ route: RouteHandle }>;

export type DefinitionMeta = Omit<WorkflowDefinition, 'start' | 'steps'>;

export interface DefinitionGraph {
  meta: DefinitionMeta;
  nodes: FlowNode[];
  edges: RouteEdge[];
}

export const START_NODE_ID = '#start';
/** `#` cannot appear in a step id, so these ids never collide with steps. */
export const branchNodeId = (parallelId: string, index: number) => `${parallelId}#${index}`;
export const routeEdgeId = (source: string, route: RouteHandle) => `${source}:${route}`;

export const isStepNode = (node: FlowNode): node is StepNode => node.type !== 'start' && node.type !== 'branch';

/** The routes a step of each type can take, in the order they are drawn. */
export function routeHandlesOf(type: StepType, conditionCount = 0): RouteHandle[] {
  switch (type) {
    case 'action':
    case 'subflow':
      return ['next', 'onError'];
    case 'waitForEvent':
      return ['next', 'onTimeout'];
    case 'choice':
      return [...Array.from({ length: conditionCount }, (_, index) => `when-${index}` as const), 'default'];
    case 'approval':
      return ['onApproved', 'onRejected', 'onTimeout'];
    case 'succeed':
    case 'fail':
      return [];
    default:
      return ['next'];
  }
}
