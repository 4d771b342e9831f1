import type { Step, WorkflowDefinition } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { checkLogic } from './logic-checks';

const withVars = (steps: Step[], extra: Partial<WorkflowDefinition> = {}) =>
  definitionWith(steps, { variables: { attempts: { initial: 0 } }, inputSchema: { type: 'object', properties: { invoiceId: { type: 'string' } } }, ...extra });
const setAttempts = (rule: unknown): Step => ({ id: 'count', type: 'set', assign: { attempts: rule } });

describe('checkLogic: operations', () => {
  it('accepts json-logic and custom operations with the right arguments', () => {
    expect(checkLogic(withVars([setAttempts({ money_add: [{ var: 'vars.attempts' }, 1] })]))).toEqual([]);
  });

  it('names an unknown operation by its pointer', () => {
    expect(checkLogic(withVars([setAttempts({ '+': [1, { exec: 'rm -rf' }] })]))).toEqual([
      { pointer: '/steps/0/assign/attempts/+/1/exec', message: '"exec" is not a known operation; see definitions/README.md for the operations you can use' },
    ]);
  });

  it('rejects log, which has a side effect', () => {
    expect(checkLogic(withVars([setAttempts({ log: 1 })]))[0].pointer).toBe('/steps/0/assign/attempts/log');
  });

  it('checks the argument count of custom operations', () => {
    expect(checkLogic(withVars([setAttempts({ money_mul: [100, '1.5'] })]))).toEqual([
      { pointer: '/steps/0/assign/attempts/money_mul', message: 'money_mul takes 3 arguments, not 2' },
    ]);
  });
});

describe('checkLogic: variables', () => {
  it('accepts reads of every namespace where each is visible', () => {
    const steps: Step[] = [
      { id: 'pay', type: 'action', action: 'core.httpRequest', input: { id: { type: 'logic', rule: { cat: [{ var: 'input.invoiceId' }, { var: 'today' }, { var: 'now' }] } } }, next: 'paid' },
      { id: 'paid', type: 'waitForEvent', event: 'payment.received', match: { '==': [{ var: 'event.invoiceId' }, { var: 'steps.pay.result.id' }] }, next: 'each' },
      { id: 'each', type: 'forEach', items: { var: 'steps.paid.result.lines' }, itemVariable: 'line', indexVariable: 'n', mode: 'sequential',
        body: { start: 'sum', steps: [{ id: 'sum', type: 'set', assign: { attempts: { '+': [{ var: 'item.line.amount' }, { var: 'item.n' }] } } }] } },
    ];
    expect(checkLogic(withVars(steps))).toEqual([]);
  });

  it('names an undeclared variable', () => {
    expect(checkLogic(withVars([setAttempts({ var: 'vars.atempts' })]))).toEqual([
      { pointer: '/steps/0/assign/attempts/var', message: '"vars.atempts" reads variable "atempts", which is not declared under variables' },
    ]);
  });

  it('names an unknown namespace and lists the real ones', () => {
    expect(checkLogic(withVars([setAttempts({ var: ['attempts', 0] })]))[0]).toEqual({
      pointer: '/steps/0/assign/attempts/var/0',
      message: '"attempts" is not a variable: read values through input.<field>, vars.<name>, event.<field>, item.<name>, steps.<id>.result, steps.<id>.error, now or today',
    });
  });

  it('refuses event outside a waitForEvent match or trigger', () => {
    expect(checkLogic(withVars([setAttempts({ var: 'event.amount' })]))[0].message).toBe('"event.amount" reads the event, which only a trigger or a waitForEvent match can see');
  });

  it('refuses item outside a forEach body', () => {
    expect(checkLogic(withVars([setAttempts({ var: 'item.line' })]))[0].message).toBe('"item.line" reads a forEach item, but this logic is not inside a forEach body');
  });

  it('refuses results of unknown steps and of steps without results', () => {
    expect(checkLogic(withVars([setAttempts({ var: 'steps.ghost.result' })]))[0].message).toBe('"steps.ghost.result" reads step "ghost", but there is no step with that id');
    expect(checkLogic(withVars([setAttempts({ var: 'steps.count.result' })]))[0].message).toBe('"steps.count.result": a set step has no result');
  });

  it('checks input fields against the input schema', () => {
    expect(checkLogic(withVars([setAttempts({ var: 'input.invoice' })]))[0].message).toBe('"input.invoice" reads input field "invoice", which the input schema does not declare (it declares invoiceId)');
  });

  it('lets trigger logic read only event, now and today', () => {
    const triggers: WorkflowDefinition['triggers'] = [{ type: 'domainEvent', event: 'invoice.overdue', filter: { and: [{ var: 'event.amount' }, { var: 'vars.attempts' }] } }];
    expect(checkLogic(withVars([{ id: 'done', type: 'succeed' }], { triggers }))).toEqual([
      { pointer: '/triggers/0/filter/and/1/var', message: '"vars.attempts" cannot be read here: logic in a trigger sees only event, now and today' },
    ]);
  });

  it('does not check reads inside map, whose body sees each element', () => {
    expect(checkLogic(withVars([setAttempts({ map: [{ var: 'input.invoiceId' }, { var: 'amount' }] })]))).toEqual([]);
  });

  it('checks names listed in missing', () => {
    expect(checkLogic(withVars([setAttempts({ missing: ['vars.attempts', 'vars.nope'] })]))).toEqual([
      { pointer: '/steps/0/assign/attempts/missing/1', message: '"vars.nope" reads variable "nope", which is not declared under variables' },
    ]);
  });
});
