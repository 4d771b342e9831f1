import { ENGINE_ACTIONS } from './engine-catalogue.fixture';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { errorsByNode, locatePointer, validateDraft } from './error-locations';

const dunning: WorkflowDefinition = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));
const withStep = (id: string, change: Record<string, unknown>): WorkflowDefinition => ({
  ...dunning,
  steps: dunning.steps.map((step) => (step.id === id ? { ...step, ...change } : step)) as WorkflowDefinition['steps'],
});

describe('locatePointer', () => {
  it('names the innermost step of a forEach body and the field inside it', () => {
    expect(locatePointer(ALL_STEP_TYPES, '/steps/4/body/steps/1/until/time')).toEqual({ nodeId: 'until', field: 'until/time' });
  });

  it('names a step inside a parallel branch', () => {
    expect(locatePointer(ALL_STEP_TYPES, '/steps/5/branches/1/steps/0/duration')).toEqual({ nodeId: 'right', field: 'duration' });
  });

  it('names the branch group for an error about the branch itself', () => {
    expect(locatePointer(ALL_STEP_TYPES, '/steps/5/branches/1/start')).toEqual({ nodeId: 'race#1', field: 'start' });
  });

  it('names a choice condition by its index', () => {
    expect(locatePointer(ALL_STEP_TYPES, '/steps/3/when/1/condition')).toEqual({ nodeId: 'decide', field: 'when/1/condition' });
  });

  it('puts the top-level start on the start node and definition fields on no node', () => {
    expect(locatePointer(ALL_STEP_TYPES, '/start')).toEqual({ nodeId: '#start', field: 'start' });
    expect(locatePointer(ALL_STEP_TYPES, '/variables/total')).toEqual({ nodeId: null, field: 'variables/total' });
  });
});

describe('validateDraft', () => {
  it('finds no error in a built-in template, nor in the every-step-type fixture', () => {
    expect(validateDraft(dunning, ENGINE_ACTIONS)).toEqual([]);
    expect(validateDraft(ALL_STEP_TYPES, ENGINE_ACTIONS)).toEqual([]);
  });

  it('puts a malformed wait duration on the waitForEvent node\'s timeout field', () => {
    const errors = validateDraft(withStep('awaitPayment', { timeout: '30 days' }), ENGINE_ACTIONS);
    expect(errors.map(({ nodeId, field }) => ({ nodeId, field }))).toContainEqual({ nodeId: 'awaitPayment', field: 'timeout' });
  });

  it('puts a read of an undeclared namespace on the choice condition that makes it', () => {
    const errors = validateDraft(withStep('again', { when: [{ condition: { '<': [{ var: 'reminders' }, 3] }, next: 'addLateFee' }] }), ENGINE_ACTIONS);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ nodeId: 'again', field: expect.stringMatching(/^when\/0\/condition/) });
  });

  it('puts a route to a missing step on that route', () => {
    const errors = validateDraft(withStep('count', { next: 'nowhere' }), ENGINE_ACTIONS);
    expect(errors[0]).toMatchObject({ nodeId: 'count', field: 'next', message: expect.stringContaining('nowhere') });
  });

  it('groups errors by node and leaves definition-level ones out', () => {
    const grouped = errorsByNode([
      { pointer: '/steps/0/next', message: 'a', nodeId: 'remind', field: 'next' },
      { pointer: '/steps/0/timeout', message: 'b', nodeId: 'remind', field: 'timeout' },
      { pointer: '/key', message: 'c', nodeId: null, field: 'key' },
    ]);
    expect([...grouped.keys()]).toEqual(['remind']);
    expect(grouped.get('remind')?.map((error) => error.message)).toEqual(['a', 'b']);
  });
});
