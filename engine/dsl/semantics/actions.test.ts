import type { TransformMap } from '../../../definitions/generated/definition';
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

describe('checkActions on input keys', () => {
  const emailSchema = { required: ['to'], additionalProperties: false, properties: { to: {}, template: {}, data: {} } };
  const withSchemas = createActionCatalogue([{ name: 'core.sendEmail', inputSchema: emailSchema }, { name: 'core.httpRequest', inputSchema: { required: ['url'] } }, 'stripe@2.chargeCard']);
  const callWith = (action: string, input: TransformMap) => definitionWith([{ id: 'call', type: 'action', action, input }]);
  const logic = (path: string) => ({ type: 'logic' as const, rule: { var: path } });

  it('names each input key the action does not take, at that key, with the keys it does take', () => {
    expect(checkActions(callWith('core.sendEmail', { to: logic('input.email'), template: { type: 'static' as const, value: 'x' }, invoiceId: logic('input.id') }), withSchemas)).toEqual([
      { pointer: '/steps/0/input/invoiceId', message: 'core.sendEmail takes no input "invoiceId"; it takes to, template, data' },
    ]);
  });

  it('names the required inputs a step leaves out', () => {
    expect(checkActions(callWith('core.sendEmail', { template: { type: 'static' as const, value: 'x' } }), withSchemas)).toEqual([{ pointer: '/steps/0/input', message: 'core.sendEmail needs the input "to"' }]);
  });

  it('accepts any extra key when the schema allows extra properties, and checks nothing for an action known by name only', () => {
    expect(checkActions(callWith('core.httpRequest', { url: logic('vars.url'), anything: logic('vars.x') }), withSchemas)).toEqual([]);
    expect(checkActions(callWith('stripe@2.chargeCard', { whatever: logic('vars.x') }), withSchemas)).toEqual([]);
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
