import { parseRoute } from '../navigation/studio-routes';
import { dataViewOf, entityHref, entityTypeWords, runsForEntityHref } from './entity-links';
import { installmentScheduleStart } from './flow-starts';

test('contracts, invoices, contacts and subscriptions open in their data view; a run record opens its run', () => {
  expect(entityHref({ type: 'contract', id: 'c-1' })).toBe('#/data/contracts?id=c-1');
  expect(entityHref({ type: 'invoice', id: 'i-1' })).toBe('#/data/invoices?id=i-1');
  expect(entityHref({ type: 'contact', id: 'p-1' })).toBe('#/data/contacts?id=p-1');
  expect(entityHref({ type: 'subscription', id: 's-1' })).toBe('#/data/subscriptions?id=s-1');
  expect(entityHref({ type: 'workflow_run', id: 'r-1' })).toBe('#/runs/r-1');
  expect(entityHref({ type: 'deal', id: 'd-1' })).toBeNull();
});

test('the links land on the pages the router draws, with the id in the query', () => {
  expect(parseRoute(entityHref({ type: 'contract', id: 'c-1' })!)).toEqual({ page: 'data', params: { view: 'contracts' }, query: { id: 'c-1' } });
  expect(parseRoute(runsForEntityHref('c-1'))).toEqual({ page: 'runs', params: {}, query: { entity: 'c-1' } });
});

test('an unknown data view falls back to contacts', () => {
  expect([dataViewOf('contracts'), dataViewOf('deals'), dataViewOf(undefined)]).toEqual(['contracts', 'contacts', 'contacts']);
  expect(entityTypeWords('contract_installment')).toBe('contract installment');
});

test('the installment schedule starts for a contract with the contract as input and entity', () => {
  expect(installmentScheduleStart('c-9')).toEqual({ definition_key: 'installment-schedule', input: { contractId: 'c-9' }, entity: { type: 'contract', id: 'c-9' } });
});
