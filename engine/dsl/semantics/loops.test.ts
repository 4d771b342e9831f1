import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { checkLoops } from './loops';

const decide = (next: string): Step => ({ id: 'decide', type: 'choice', when: [{ condition: { '<': [{ var: 'vars.n' }, 3] }, next }], default: 'done' });

describe('checkLoops', () => {
  it('reports a set/choice loop that never waits, naming the cycle', () => {
    const steps: Step[] = [decide('bump'), { id: 'bump', type: 'set', assign: { n: 1 }, next: 'decide' }, { id: 'done', type: 'succeed' }];
    expect(checkLoops(definitionWith(steps))).toEqual([
      { pointer: '/steps/0', message: 'the steps decide → bump → decide loop without ever waiting; put a wait, waitForEvent, approval or action in the loop, or use forEach' },
    ]);
  });

  it('reports a step that leads to itself', () => {
    expect(checkLoops(definitionWith([{ id: 'spin', type: 'set', assign: { n: 1 }, next: 'spin' }]))[0].message).toMatch(/spin → spin loop/);
  });

  it.each<[string, Step]>([
    ['wait', { id: 'pause', type: 'wait', duration: 'P1D', next: 'decide' }],
    ['waitForEvent', { id: 'pause', type: 'waitForEvent', event: 'payment.received', next: 'decide' }],
    ['action', { id: 'pause', type: 'action', action: 'core.sendEmail', next: 'decide' }],
    ['approval', { id: 'pause', type: 'approval', assignee: { role: 'ops' }, title: 'Again?', onApproved: 'decide', onRejected: 'done' }],
  ])('accepts a loop through a %s step', (_, pause) => {
    expect(checkLoops(definitionWith([decide('pause'), pause, { id: 'done', type: 'succeed' }]))).toEqual([]);
  });

  it('does not count a subflow that is not awaited as waiting', () => {
    const child: Step = { id: 'pause', type: 'subflow', definition: 'other', await: false, next: 'decide' };
    expect(checkLoops(definitionWith([decide('pause'), child, { id: 'done', type: 'succeed' }]))).toHaveLength(1);
  });

  it('checks loops inside a forEach body too', () => {
    const loop: Step = { id: 'each', type: 'forEach', items: [], itemVariable: 'x', mode: 'sequential', body: { start: 'a', steps: [{ id: 'a', type: 'set', assign: { n: 1 }, next: 'a' }] } };
    expect(checkLoops(definitionWith([loop]))[0].pointer).toBe('/steps/0/body/steps/0');
  });
});
