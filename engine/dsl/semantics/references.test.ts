import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { checkStepReferences } from './references';

const succeed = (id: string): Step => ({ id, type: 'succeed' });

describe('checkStepReferences', () => {
  it('accepts a chain where every step is reachable', () => {
    expect(checkStepReferences(definitionWith([{ id: 'a', type: 'set', assign: {}, next: 'b' } as Step, succeed('b')]))).toEqual([]);
  });

  it('names a next that points to no step', () => {
    expect(checkStepReferences(definitionWith([{ id: 'a', type: 'wait', duration: 'P1D', next: 'nowhere' }]))).toEqual([
      { pointer: '/steps/0/next', message: 'leads to "nowhere", but there is no step with that id here' },
    ]);
  });

  it('names an unknown start step', () => {
    expect(checkStepReferences(definitionWith([succeed('a')], { start: 'begin' }))).toEqual([
      { pointer: '/start', message: 'starts at "begin", but there is no step with that id here' },
    ]);
  });

  it('refuses a jump from a forEach body to a top-level step', () => {
    const loop: Step = { id: 'each', type: 'forEach', items: [], itemVariable: 'x', mode: 'sequential', next: 'done', body: { start: 'inner', steps: [{ id: 'inner', type: 'wait', duration: 'P1D', next: 'done' }] } };
    expect(checkStepReferences(definitionWith([loop, succeed('done')]))).toEqual([
      { pointer: '/steps/0/body/steps/0/next', message: 'leads to "done", which is in another step list; a step can only lead to steps of its own list' },
    ]);
  });

  it('reports a step that nothing leads to as unreachable', () => {
    expect(checkStepReferences(definitionWith([succeed('a'), succeed('orphan')]))).toEqual([
      { pointer: '/steps/1', message: 'step "orphan" can never be reached from the start step "a"' },
    ]);
  });

  it('counts every branch of a choice and approval as reachable', () => {
    const steps: Step[] = [
      { id: 'ask', type: 'approval', assignee: { role: 'finance' }, title: 'Refund?', onApproved: 'route', onRejected: 'no', timeout: 'P1D', onTimeout: 'late' },
      { id: 'route', type: 'choice', when: [{ condition: true, next: 'yes' }], default: 'no' },
      succeed('yes'), succeed('no'), succeed('late'),
    ];
    expect(checkStepReferences(definitionWith(steps))).toEqual([]);
  });

  it('reports a duplicate id, even across nested lists', () => {
    const loop: Step = { id: 'each', type: 'forEach', items: [], itemVariable: 'x', mode: 'sequential', body: { start: 'each', steps: [succeed('each')] } };
    expect(checkStepReferences(definitionWith([loop]))).toEqual([
      { pointer: '/steps/0/body/steps/0/id', message: '"each" is already the id of the step at /steps/0; step ids must be unique' },
    ]);
  });
});
