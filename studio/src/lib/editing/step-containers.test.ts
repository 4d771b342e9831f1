import { ENGINE_ACTIONS } from '../validation/engine-catalogue.fixture';
import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { definitionToGraph } from '../graph/definition-to-graph';
import { validateDraft } from '../validation/error-locations';
import { findStep } from './definition-edits';
import { addStepTo, containerForSelection, stepContainers, TOP_LEVEL } from './step-containers';

const bodyIds = (definition: typeof ALL_STEP_TYPES, id: string) => (findStep(definition, id) as { body: { steps: Array<{ id: string }> } }).body.steps.map((step) => step.id);
const branchIds = (definition: typeof ALL_STEP_TYPES, id: string) => (findStep(definition, id) as { branches: Array<{ start: string; steps: Array<{ id: string }> }> }).branches.map((branch) => [branch.start, branch.steps.map((step) => step.id)]);

describe('stepContainers', () => {
  it('lists the top level, each forEach body, each parallel branch and a new branch, in document order', () => {
    expect(stepContainers(ALL_STEP_TYPES).map((container) => [container.id, container.label])).toEqual([
      ['', 'Top level'],
      ['each', 'Inside each (for each)'],
      ['race#0', 'Inside race, branch 1'],
      ['race#1', 'Inside race, branch 2 (right side)'],
      ['race#new', 'Inside race, as a new branch'],
    ]);
  });
});

describe('containerForSelection', () => {
  it('offers the selected forEach or branch group itself', () => {
    expect(containerForSelection(ALL_STEP_TYPES, 'each')).toBe('each');
    expect(containerForSelection(ALL_STEP_TYPES, 'race#1')).toBe('race#1');
    expect(containerForSelection(ALL_STEP_TYPES, 'race')).toBe('race#new');
  });

  it('offers the list holding a selected step, and the top level with nothing selected', () => {
    expect(containerForSelection(ALL_STEP_TYPES, 'until')).toBe('each');
    expect(containerForSelection(ALL_STEP_TYPES, 'rightDone')).toBe('race#1');
    expect(containerForSelection(ALL_STEP_TYPES, 'pause')).toBe(TOP_LEVEL);
    expect(containerForSelection(ALL_STEP_TYPES, null)).toBe(TOP_LEVEL);
  });
});

describe('addStepTo', () => {
  it('appends a step to a forEach body, drawn inside the forEach group, leaving the original as it was', () => {
    const added = addStepTo(ALL_STEP_TYPES, 'each', 'wait');
    expect(added.stepId).toBe('wait1');
    expect(bodyIds(added.definition, 'each')).toEqual(['add', 'until', 'wait1']);
    expect(bodyIds(ALL_STEP_TYPES, 'each')).toEqual(['add', 'until']);
    expect(definitionToGraph(added.definition).nodes.find((node) => node.id === 'wait1')?.parentId).toBe('each');
    expect(added.definition.steps.map((step) => step.id)).toEqual(ALL_STEP_TYPES.steps.map((step) => step.id));
  });

  it('appends to one parallel branch, drawn inside that branch group', () => {
    const added = addStepTo(ALL_STEP_TYPES, 'race#0', 'action', 'core.sendEmail');
    expect(branchIds(added.definition, 'race')).toEqual([['left', ['left', 'action1']], ['right', ['right', 'rightDone']]]);
    expect(findStep(added.definition, 'action1')).toMatchObject({ type: 'action', action: 'core.sendEmail' });
    expect(definitionToGraph(added.definition).nodes.find((node) => node.id === 'action1')?.parentId).toBe('race#0');
  });

  it('starts a new branch with the step as its start, which the engine accepts as it stands', () => {
    const added = addStepTo(ALL_STEP_TYPES, 'race#new', 'succeed');
    expect(branchIds(added.definition, 'race')[2]).toEqual(['succeed1', ['succeed1']]);
    expect(validateDraft(added.definition, ENGINE_ACTIONS)).toEqual([]);
  });

  it('reports a step added inside a body as unreachable until a route leads to it', () => {
    const added = addStepTo(ALL_STEP_TYPES, 'each', 'succeed');
    const errors = validateDraft(added.definition, ENGINE_ACTIONS);
    expect(errors.map((error) => error.nodeId)).toEqual(['succeed1']);
  });

  it('adds at the top level by default, and refuses a container that holds no steps', () => {
    expect(addStepTo(ALL_STEP_TYPES, TOP_LEVEL, 'wait').definition.steps.at(-1)).toEqual({ id: 'wait1', type: 'wait', duration: 'P1D' });
    expect(() => addStepTo(ALL_STEP_TYPES, 'pause', 'wait')).toThrow('pause is a wait step: only a forEach body or a parallel branch holds steps.');
    expect(() => addStepTo(ALL_STEP_TYPES, 'race#7', 'wait')).toThrow('race has no branch 7.');
    expect(() => addStepTo(ALL_STEP_TYPES, 'nowhere', 'wait')).toThrow('There is no step nowhere to add inside.');
  });
});
