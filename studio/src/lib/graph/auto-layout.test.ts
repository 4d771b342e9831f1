import { ALL_STEP_TYPES } from './all-step-types.fixture';
import { GROUP_PADDING, STEP_SIZE, layoutGraph, relayout } from './auto-layout';
import { definitionToGraph } from './definition-to-graph';
import type { FlowNode } from './graph-types';

const laidOut = () => {
  const graph = definitionToGraph(ALL_STEP_TYPES);
  return new Map(layoutGraph(graph.nodes, graph.edges).map((node) => [node.id, node]));
};
const box = (node: FlowNode | undefined) => ({ ...node!.position, width: node!.width ?? STEP_SIZE.width, height: node!.height ?? STEP_SIZE.height });

describe('layoutGraph', () => {
  it('places each step below the step it follows', () => {
    const nodes = laidOut();
    expect(nodes.get('pause')!.position.y).toBeGreaterThan(nodes.get('charge')!.position.y);
    expect(nodes.get('awaitPaid')!.position.y).toBeGreaterThan(nodes.get('pause')!.position.y);
  });

  it('keeps a forEach body inside its group, below the group title', () => {
    const nodes = laidOut();
    const group = box(nodes.get('each'));
    for (const id of ['add', 'until']) {
      const child = box(nodes.get(id));
      expect(child.y).toBeGreaterThanOrEqual(GROUP_PADDING.top);
      expect(child.x + child.width).toBeLessThanOrEqual(group.width);
      expect(child.y + child.height).toBeLessThanOrEqual(group.height);
    }
  });

  it('sets parallel branches side by side without overlap, each inside the parallel group', () => {
    const nodes = laidOut();
    const [left, right] = [box(nodes.get('race#0')), box(nodes.get('race#1'))];
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    expect(right.x + right.width).toBeLessThanOrEqual(box(nodes.get('race')).width);
  });

  it('never overlaps two steps of the same list', () => {
    const nodes = [...laidOut().values()].filter((node) => node.parentId === undefined).map(box);
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart).toBe(true);
    }
  });

  it('auto-layout of nodes in any order, moved by hand, gives the layout the definition first drew', () => {
    const graph = definitionToGraph(ALL_STEP_TYPES);
    const first = layoutGraph(graph.nodes, graph.edges);
    const moved = [...first].reverse().map((node) => ({ ...node, position: { x: node.position.x + 300, y: node.position.y - 50 }, selected: node.id === 'pause' }));
    const again = relayout(moved, graph);
    expect(again.map((node) => [node.id, node.position])).toEqual(first.map((node) => [node.id, node.position]));
    expect(again.find((node) => node.id === 'pause')?.selected).toBe(true);
  });
});
