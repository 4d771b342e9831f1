import { definitionWith, TEST_ACTIONS } from '../testing/definition-builders';
import { createActionCatalogue } from './action-catalogue';
import { checkActions, checkSubflowDefinitions } from './actions';

const catalogue = createActionCatalogue(TEST_ACTIONS);
const callAction = (action: string) => definitionWith([{ id: 'call', type: 'action', action }]);

describe('checkActions', () => {
  it('accepts built-in and pinned connector actions from the catalogue', () => {
    expect(checkActions(callAction('core.sendEmail'), catalogue)).toEqual([]);
    expect(checkActions(callAction('stripe@2.createRefund'), catalogue)).toEqual([]);
  });

  it('lists the built-in actions for an unknown built-in', () => {
    expect(checkActions(callAction('core.sendFax'), catalogue)).toEqual([
      { pointer: '/steps/0/action', message: '"core.sendFax" is not a built-in action; the built-in actions are core.createInvoice, core.httpRequest, core.sendEmail' },
    ]);
  });

  it('distinguishes an unknown connector, an unknown version and an unknown verb', () => {
    expect(checkActions(callAction('paypal@1.refund'), catalogue)[0].message).toBe('there is no connector "paypal"');
    expect(checkActions(callAction('stripe@3.createRefund'), catalogue)[0].message).toBe('connector "stripe" has no version 3; its versions are 2');
    expect(checkActions(callAction('stripe@2.refundEverything'), catalogue)[0].message).toBe('connector stripe@2 has no action "refundEverything"');
  });
});

describe('checkSubflowDefinitions', () => {
  const startChild = definitionWith([{ id: 'child', type: 'subflow', definition: 'collect-payment' }]);

  it('accepts a known definition key and skips the check without a key list', () => {
    expect(checkSubflowDefinitions(startChild, new Set(['collect-payment']))).toEqual([]);
    expect(checkSubflowDefinitions(startChild, undefined)).toEqual([]);
  });

  it('names an unknown definition key', () => {
    expect(checkSubflowDefinitions(startChild, new Set(['other']))).toEqual([{ pointer: '/steps/0/definition', message: 'there is no definition with the key "collect-payment"' }]);
  });
});
