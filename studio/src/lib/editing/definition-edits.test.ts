import { ENGINE_ACTIONS } from '../validation/engine-catalogue.fixture';
import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { validateDraft } from '../validation/error-locations';
import { addStep, allStepIds, connectRoute, findStep, removeRoutes, removeSteps, renameStep, setStepField, setStepPath } from './definition-edits';

describe('definition edits', () => {
  it('sets a field of a step nested in a forEach body without touching the original', () => {
    const edited = setStepField(ALL_STEP_TYPES, 'until', 'until', { date: '2024-02-01' });
    expect(findStep(edited, 'until')).toEqual({ id: 'until', type: 'wait', until: { date: '2024-02-01' } });
    expect(findStep(ALL_STEP_TYPES, 'until')).toMatchObject({ until: { date: '2024-01-01', time: '09:00' } });
  });

  it('removes a field when given undefined', () => {
    expect(findStep(setStepField(ALL_STEP_TYPES, 'charge', 'retry', undefined), 'charge')).not.toHaveProperty('retry');
  });

  it('renames a step and every route and list start that leads to it, nested lists included', () => {
    const renamed = renameStep(renameStep(ALL_STEP_TYPES, 'oops', 'broken'), 'add', 'sum');
    expect(allStepIds(renamed)).toContain('broken');
    expect(findStep(renamed, 'charge')).toMatchObject({ onError: 'broken' });
    expect(findStep(renamed, 'ask')).toMatchObject({ onRejected: 'broken' });
    expect(findStep(renamed, 'each')).toMatchObject({ body: { start: 'sum' } });
  });

  it('renames a parallel step together with its branch groups', () => {
    const renamed = renameStep(ALL_STEP_TYPES, 'race', 'contest');
    expect(findStep(renamed, 'contest')).toMatchObject({ branches: [{ start: 'left' }, { start: 'right', name: 'right side' }] });
    expect(findStep(renamed, 'each')).toMatchObject({ next: 'contest' });
  });

  it('draws a route from a handle, replacing the old target', () => {
    expect(findStep(connectRoute(ALL_STEP_TYPES, 'decide', 'when-0', 'oops'), 'decide')).toMatchObject({ when: [{ next: 'oops' }, { next: 'each' }] });
  });

  it('removes a forEach with its body and drops routes to it', () => {
    const removed = removeSteps(ALL_STEP_TYPES, ['each']);
    expect(allStepIds(removed)).not.toEqual(expect.arrayContaining(['each', 'add', 'until']));
    expect(findStep(removed, 'decide')).toEqual({ id: 'decide', type: 'choice', when: [{ condition: { '>': [{ var: 'vars.total' }, 3] }, next: 'ask' }, { condition: true }], default: 'done' });
  });

  it('adds a step with a fresh id that the validator reports as unreachable until a route leads to it', () => {
    const { definition, stepId } = addStep(ALL_STEP_TYPES, 'wait');
    expect(stepId).toBe('wait1');
    expect(validateDraft(definition, ENGINE_ACTIONS).filter((error) => error.nodeId === 'wait1').map((error) => error.message).join()).toMatch(/reach/i);
    const connected = connectRoute(setStepField(definition, 'wait1', 'next', 'done'), 'pause', 'next', 'wait1');
    expect(validateDraft(connected, ENGINE_ACTIONS).filter((error) => error.nodeId === 'wait1')).toEqual([]);
  });
});

describe('definition edits by path and by edge', () => {
  it('leaves a half-written forEach without a body alone instead of throwing', () => {
    const halfWritten = { ...ALL_STEP_TYPES, steps: [{ id: 'each', type: 'forEach', items: [], itemVariable: 'n', mode: 'sequential' }] } as never;
    expect(allStepIds(setStepField(halfWritten, 'each', 'items', [1]))).toEqual(['each']);
  });

  it('sets a nested field and drops the object it leaves empty when cleared', () => {
    const set = setStepPath(ALL_STEP_TYPES, 'charge', ['retry', 'initialInterval'], 'PT5M');
    expect(findStep(set, 'charge')).toMatchObject({ retry: { maximumAttempts: 2, initialInterval: 'PT5M' } });
    const cleared = setStepPath(setStepPath(set, 'charge', ['retry', 'initialInterval'], undefined), 'charge', ['retry', 'maximumAttempts'], undefined);
    expect(findStep(cleared, 'charge')).not.toHaveProperty('retry');
  });

  it('sets the condition of one choice branch by index', () => {
    expect(findStep(setStepPath(ALL_STEP_TYPES, 'decide', ['when', 1, 'condition'], false), 'decide')).toMatchObject({ when: [{ next: 'ask' }, { condition: false, next: 'each' }] });
  });

  it('removes routes by edge id', () => {
    expect(findStep(removeRoutes(ALL_STEP_TYPES, ['ask:onTimeout', 'charge:onError']), 'ask')).not.toHaveProperty('onTimeout');
    expect(findStep(removeRoutes(ALL_STEP_TYPES, ['charge:onError']), 'charge')).not.toHaveProperty('onError');
  });
});
