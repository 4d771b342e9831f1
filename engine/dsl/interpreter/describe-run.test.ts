import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0 } from '../testing/run-harness';
import { describeRun, shouldContinueAsNew } from './describe-run';
import { compileProgram } from './program';

const steps: Step[] = [
  { id: 'both', type: 'parallel', join: 'all', branches: [
    { start: 'pause', steps: [{ id: 'pause', type: 'wait', duration: 'P1D' }] },
    { start: 'paid', steps: [{ id: 'paid', type: 'waitForEvent', event: 'payment.received' }] },
  ] },
];
const definition = definitionWith(steps, { variables: { tries: { initial: 2 } } });

describe('describeRun', () => {
  it('shows each thread, its step and what it waits for, and the variables', () => {
    const run = runHarness(definition);
    run.start({}, T0);
    const description = describeRun(compileProgram(definition), run.state);
    expect(description.status).toBe('waiting');
    expect(description.vars).toEqual({ tries: 2 });
    expect(description.positions.map((position) => [position.stepId, position.stepType, position.waitingFor?.kind])).toEqual([
      ['both', 'parallel', 'branches'],
      ['pause', 'wait', 'timer'],
      ['paid', 'waitForEvent', 'event'],
    ]);
    expect(description.positions[1].waitingFor).toMatchObject({ fireAt: '2024-02-01T09:00:00.000Z' });
  });
});

describe('shouldContinueAsNew', () => {
  it('says yes only for a live run whose history reached the limit', () => {
    const run = runHarness(definition);
    run.start({}, T0);
    // The start event plus its startTimer and waitForEvent commands.
    expect(run.state.historyLength).toBe(3);
    expect(shouldContinueAsNew(run.state, 3)).toBe(true);
    expect(shouldContinueAsNew(run.state, 4)).toBe(false);
    expect(shouldContinueAsNew({ ...run.state, status: 'succeeded' }, 1)).toBe(false);
  });
});
