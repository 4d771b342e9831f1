import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { checkInputSchema, checkVariableWrites } from './variables';

const declared = { variables: { total: { initial: 0 } } };

describe('checkVariableWrites', () => {
  it('accepts writes to declared variables', () => {
    const steps: Step[] = [{ id: 'call', type: 'action', action: 'core.sendEmail', resultVariable: 'total', next: 'sum' }, { id: 'sum', type: 'set', assign: { total: 1 } }];
    expect(checkVariableWrites(definitionWith(steps, declared))).toEqual([]);
  });

  it('names undeclared assign targets and result variables', () => {
    const steps: Step[] = [{ id: 'call', type: 'action', action: 'core.sendEmail', resultVariable: 'reply', next: 'sum' }, { id: 'sum', type: 'set', assign: { totl: 1 } }];
    expect(checkVariableWrites(definitionWith(steps, declared))).toEqual([
      { pointer: '/steps/0/resultVariable', message: '"reply" is not declared under variables; declare it with an initial value first' },
      { pointer: '/steps/1/assign/totl', message: '"totl" is not declared under variables; declare it with an initial value first' },
    ]);
  });

  it('refuses a nested forEach item name that shadows the outer one', () => {
    const inner: Step = { id: 'inner', type: 'forEach', items: [], itemVariable: 'row', mode: 'sequential', body: { start: 'x', steps: [{ id: 'x', type: 'succeed' }] } };
    const outer: Step = { id: 'outer', type: 'forEach', items: [], itemVariable: 'row', mode: 'sequential', body: { start: 'inner', steps: [inner] } };
    expect(checkVariableWrites(definitionWith([outer]))).toEqual([
      { pointer: '/steps/0/body/steps/0/itemVariable', message: '"row" is already an item name of an enclosing forEach; pick another name' },
    ]);
  });
});

describe('checkInputSchema', () => {
  it('accepts a valid JSON Schema and refuses an invalid one', () => {
    const base = definitionWith([{ id: 'done', type: 'succeed' }]);
    expect(checkInputSchema({ ...base, inputSchema: { type: 'object', properties: { id: { type: 'string' } } } })).toEqual([]);
    const [error] = checkInputSchema({ ...base, inputSchema: { type: 'object', properties: { id: { type: 'text' } } } });
    expect(error.pointer).toBe('/inputSchema');
    expect(error.message).toMatch(/^is not a valid JSON Schema: /);
  });
});
