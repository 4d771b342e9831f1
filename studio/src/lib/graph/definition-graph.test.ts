import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_STEP_TYPES } from './all-step-types.fixture';
import { definitionToGraph } from './definition-to-graph';
import { graphToDefinition } from './graph-to-definition';
import { START_NODE_ID, type RouteEdge } from './graph-types';

const templatesFolder = join(__dirname, '..', '..', '..', '..', 'definitions', 'templates');
const templates = readdirSync(templatesFolder).filter((file) => file.endsWith('.json'));
const edgesOf = (edges: RouteEdge[]) => edges.map((edge) => `${edge.source} -${edge.data?.route}-> ${edge.target}`).sort();

describe('definitionToGraph', () => {
  it('draws one node per step of every type, plus the start node and one group per parallel branch', () => {
    const graph = definitionToGraph(ALL_STEP_TYPES);
    expect(graph.nodes.map((node) => `${node.id}:${node.type}${node.parentId ? `<${node.parentId}` : ''}`)).toEqual([
      '#start:start', 'charge:action', 'pause:wait', 'awaitPaid:waitForEvent', 'decide:choice', 'each:forEach',
      'add:set<each', 'until:wait<each', 'race:parallel', 'race#0:branch<race', 'left:waitForEvent<race#0',
      'race#1:branch<race', 'right:wait<race#1', 'rightDone:succeed<race#1', 'child:subflow', 'ask:approval', 'done:succeed', 'oops:fail',
    ]);
  });

  it('draws every route as an edge named by its handle: next, onError, onTimeout, choice branches, approval outcomes and list starts', () => {
    expect(edgesOf(definitionToGraph(ALL_STEP_TYPES).edges)).toEqual([
      '#start -start-> charge', 'add -next-> until', 'ask -onApproved-> done', 'ask -onRejected-> oops', 'ask -onTimeout-> done',
      'awaitPaid -next-> done', 'awaitPaid -onTimeout-> decide', 'charge -next-> pause', 'charge -onError-> oops',
      'child -next-> ask', 'child -onError-> oops', 'decide -default-> done', 'decide -when-0-> ask', 'decide -when-1-> each',
      'each -next-> race', 'each -start-> add', 'pause -next-> awaitPaid', 'race -next-> child', 'race#0 -start-> left',
      'race#1 -start-> right', 'right -next-> rightDone',
    ].sort());
  });

  it('keeps a choice\'s conditions in its node but not their targets', () => {
    const decide = definitionToGraph(ALL_STEP_TYPES).nodes.find((node) => node.id === 'decide');
    expect(decide?.data).toMatchObject({ fields: { when: [{ condition: { '>': [{ var: 'vars.total' }, 3] } }, { condition: true }] } });
    expect(JSON.stringify(decide?.data)).not.toContain('"next"');
  });

  it('leaves out steps that have no id yet instead of throwing on a half-written definition', () => {
    const graph = definitionToGraph({ ...ALL_STEP_TYPES, steps: [{ type: 'wait' } as never] });
    expect(graph.nodes.map((node) => node.id)).toEqual([START_NODE_ID]);
  });
});

describe('graphToDefinition', () => {
  it('round-trips every step type, nested bodies and branches included, with keys in the author\'s order', () => {
    const back = graphToDefinition(definitionToGraph(ALL_STEP_TYPES));
    expect(back).toEqual(ALL_STEP_TYPES);
    expect(JSON.stringify(back.steps)).toBe(JSON.stringify(ALL_STEP_TYPES.steps));
  });

  it.each(templates)('round-trips the built-in template %s to identical JSON', (file) => {
    const template = JSON.parse(readFileSync(join(templatesFolder, file), 'utf8'));
    const back = graphToDefinition(definitionToGraph(template));
    expect(JSON.stringify({ ...back, start: template.start, steps: template.steps })).toBe(JSON.stringify(template));
    expect(back).toEqual(template);
  });

  it('writes a newly drawn edge into the route its handle names', () => {
    const graph = definitionToGraph(ALL_STEP_TYPES);
    const edges = graph.edges.filter((edge) => edge.id !== 'awaitPaid:onTimeout');
    edges.push({ id: 'awaitPaid:onTimeout', source: 'awaitPaid', sourceHandle: 'onTimeout', target: 'oops', data: { route: 'onTimeout' } });
    const back = graphToDefinition({ ...graph, edges });
    expect(back.steps.find((step) => step.id === 'awaitPaid')).toMatchObject({ onTimeout: 'oops', next: 'done' });
  });

  it('drops a route whose edge was deleted, leaving a choice branch without a target for the validator to report', () => {
    const graph = definitionToGraph(ALL_STEP_TYPES);
    const back = graphToDefinition({ ...graph, edges: graph.edges.filter((edge) => edge.id !== 'decide:when-1' && edge.id !== 'pause:next') });
    expect(back.steps.find((step) => step.id === 'decide')).toEqual({ id: 'decide', type: 'choice', when: [{ condition: { '>': [{ var: 'vars.total' }, 3] }, next: 'ask' }, { condition: true }], default: 'done' });
    expect(back.steps.find((step) => step.id === 'pause')).toEqual({ id: 'pause', type: 'wait', duration: 'P7D' });
  });
});
