/**
 * Top-to-bottom layout with dagre, one step list at a time from the innermost out: a group (forEach body, parallel
 * branch) is laid out first, and its size then counts as one node in the list around it. Positions of children are
 * relative to their group, as Svelte Flow subflows expect.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { FlowNode, RouteEdge } from './graph-types';

export const STEP_SIZE = { width: 200, height: 64 };
const START_SIZE = { width: 120, height: 40 };
/** Room above a group's children for its title, and around them. */
export const GROUP_PADDING = { top: 56, side: 24, bottom: 24 };
const BRANCH_GAP = 24;

type Size = { width: number; height: number };

export function layoutGraph(nodes: FlowNode[], edges: RouteEdge[]): FlowNode[] {
  const childrenOf = (parentId: string | undefined) => nodes.filter((node) => node.parentId === parentId);
  const sizes = new Map<string, Size>();
  const positions = new Map<string, { x: number; y: number }>();

  const sizeOf = (node: FlowNode): Size => {
    const known = sizes.get(node.id);
    if (known) return known;
    let size: Size;
    if (node.type === 'start') size = START_SIZE;
    else if (node.type === 'parallel') size = layoutBranches(node.id);
    else if (node.type === 'forEach' || node.type === 'branch') size = padded(layoutList(node.id));
    else size = STEP_SIZE;
    sizes.set(node.id, size);
    return size;
  };

  const padded = (inner: Size): Size => ({ width: Math.max(inner.width + 2 * GROUP_PADDING.side, STEP_SIZE.width), height: inner.height + GROUP_PADDING.top + GROUP_PADDING.bottom });

  /** Branches of a parallel step sit side by side, each as tall as its own steps. */
  const layoutBranches = (parallelId: string): Size => {
    let x = GROUP_PADDING.side;
    let tallest = 0;
    for (const branch of childrenOf(parallelId)) {
      const size = sizeOf(branch);
      positions.set(branch.id, { x, y: GROUP_PADDING.top });
      x += size.width + BRANCH_GAP;
      tallest = Math.max(tallest, size.height);
    }
    return { width: Math.max(x - BRANCH_GAP + GROUP_PADDING.side, STEP_SIZE.width), height: tallest + GROUP_PADDING.top + GROUP_PADDING.bottom };
  };

  /** Lays out one list; returns the size of its bounding box. */
  const layoutList = (parentId: string | undefined): Size => {
    const members = childrenOf(parentId);
    if (members.length === 0) return { width: STEP_SIZE.width, height: 0 };
    const graph = new Graph();
    graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, marginx: 0, marginy: 0 });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const member of members) graph.setNode(member.id, { ...sizeOf(member) });
    const inList = new Set(members.map((member) => member.id));
    for (const edge of edges) if (inList.has(edge.source) && inList.has(edge.target) && edge.source !== edge.target) graph.setEdge(edge.source, edge.target);
    layout(graph);
    const offset = parentId === undefined ? { x: 0, y: 0 } : { x: GROUP_PADDING.side, y: GROUP_PADDING.top };
    let width = 0;
    let height = 0;
    for (const member of members) {
      const placed = graph.node(member.id);
      const size = sizeOf(member);
      positions.set(member.id, { x: placed.x - size.width / 2 + offset.x, y: placed.y - size.height / 2 + offset.y });
      width = Math.max(width, placed.x + size.width / 2);
      height = Math.max(height, placed.y + size.height / 2);
    }
    return { width, height };
  };

  layoutList(undefined);
  return nodes.map((node) => {
    const isGroup = node.type === 'forEach' || node.type === 'parallel' || node.type === 'branch';
    const size = sizes.get(node.id) ?? STEP_SIZE;
    return { ...node, position: positions.get(node.id) ?? node.position, ...(isGroup ? { width: size.width, height: size.height } : {}) } as FlowNode;
  });
}

/**
 * Auto-layout of the graph on screen: its nodes (with their selection and other view state) put back in the order
 * the definition draws them, and laid out with the definition's edges. Dagre's result depends on the order nodes
 * come in, and Svelte Flow may reorder its array, so this gives the layout a freshly opened draft gets.
 */
export function relayout(current: FlowNode[], drawn: { nodes: FlowNode[]; edges: RouteEdge[] }): FlowNode[] {
  const order = new Map(drawn.nodes.map((node, index) => [node.id, index]));
  const rank = (node: FlowNode) => order.get(node.id) ?? Number.MAX_SAFE_INTEGER;
  return layoutGraph([...current].sort((a, b) => rank(a) - rank(b)), drawn.edges);
}
