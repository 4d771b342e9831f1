import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { CORE_ACTIONS } from '../../../activities/core-actions';
import { recordInvoicePayment } from '../../../engine/billing/invoice-payments';
import { activateSubscription } from '../../../engine/billing/subscriptions';
import { tenantScope, type TenantScope } from '../../../engine/db/tenant-scope';
import { definitionStore, type DefinitionStore } from '../../../engine/definition-store/definition-store';
import { createActionCatalogue } from '../../../engine/dsl/semantics/action-catalogue';
import { instantAtDateTime } from '../../../engine/dsl/time/zoned-date';
import { dispatchPendingEvents, emitDomainEvent, type EventDispatchDeps } from '../../../engine/events';
import { workflowIdFor } from '../../../engine/runs/workflow-ids';
import { stateQuery } from '../../../workflows/run-messages';
import type { EngineHarness } from '../../helpers/engine-harness';
import { eventually } from '../../helpers/eventually';
import { createTenant, insertRow } from '../../helpers/tenant-fixtures';

export const TIME_ZONE = 'Europe/Lisbon';
export const LIFECYCLE = 'subscription-lifecycle';
const template = (file: string) => JSON.parse(readFileSync(path.join(__dirname, '../../../definitions/templates', file), 'utf8')) as WorkflowDefinition;
export const TEMPLATE = template('subscription-lifecycle.json');

/** Stands in for the dunning flow: started by invoice.overdue, bound to the invoice, done when the invoice is paid. */
export const DUNNING_STAND_IN = {
  key: 'dunning-stand-in', name: 'Dunning stand-in', version: 1,
  triggers: [{ type: 'domainEvent', event: 'invoice.overdue', entity: { var: 'event.invoiceId' }, input: { invoiceId: { type: 'logic', rule: { var: 'event.invoiceId' } } } }],
  inputSchema: { type: 'object', required: ['invoiceId'], properties: { invoiceId: { type: 'string' } } },
  start: 'awaitPayment',
  steps: [
    { id: 'awaitPayment', type: 'waitForEvent', event: 'invoice.paid', match: { '==': [{ var: 'event.invoiceId' }, { var: 'input.invoiceId' }] }, next: 'recovered' },
    { id: 'recovered', type: 'succeed', output: { outcome: { type: 'static', value: 'recovered' } } },
  ],
} as WorkflowDefinition;

export interface Plans {
  basic: string;
  pro: string;
  yearly: string;
}

/** Global plans for one test database: Basic 29.00 and Pro 99.00 a month, and a yearly plan (which cannot be switched to). */
export async function createPlans(h: EngineHarness): Promise<Plans> {
  const plan = (code: string, amount: number, unit = 'month') =>
    insertRow(h.db.knex, 'plans', { code, name: code[0].toUpperCase() + code.slice(1), currency: 'EUR', amount_minor: amount, interval_unit: unit, interval_count: 1 });
  return { basic: await plan('basic', 2900), pro: await plan('pro', 9900), yearly: await plan('yearly', 29000, 'year') };
}

export interface Company {
  companyId: string;
  scope: TenantScope;
  store: DefinitionStore;
  contactId: string;
}

const catalogue = createActionCatalogue(CORE_ACTIONS.map((action) => action.name));
const stores = new Map<string, DefinitionStore>();

/** Event dispatch across every company the tests create: each tenant's own definition store. */
export function dispatchDeps(h: EngineHarness): EventDispatchDeps {
  return { engine: h.engine, storeFor: (scope) => stores.get(scope.companyId) ?? definitionStore(scope, catalogue) };
}

export function dispatch(h: EngineHarness) {
  return dispatchPendingEvents(h.db.knex, dispatchDeps(h));
}

/**
 * A tenant of its own (one subscription per company), with a customer who has an email, the revenue categories and cost
 * centers the template's split names, and its copy of the template, with `settings` overriding variables' initial values,
 * beside the dunning stand-in or the built-in dunning definition.
 */
export async function createCompany(h: EngineHarness, slug: string, settings: Record<string, unknown> = {}, dunning: 'stand-in' | 'built-in' = 'stand-in'): Promise<Company> {
  const { companyId } = await createTenant(h.db.knex, slug);
  await h.db.knex('company_settings').where({ company_id: companyId }).update({ time_zone: TIME_ZONE, invoice_prefix: 'INV-' });
  const scope = tenantScope(h.db.knex, companyId);
  const store = definitionStore(scope, catalogue);
  stores.set(companyId, store);
  const contactId = await insertRow(h.db.knex, 'contacts', { company_id: companyId, name: `Customer ${slug}`, email: `billing@${slug}.example` });
  await insertRow(h.db.knex, 'revenue_categories', { company_id: companyId, code: 'SUBS', name: 'Subscriptions' });
  for (const code of ['SALES', 'OPS']) await insertRow(h.db.knex, 'cost_centers', { company_id: companyId, code, name: code });
  const copy = structuredClone(TEMPLATE);
  for (const [name, value] of Object.entries(settings)) copy.variables![name].initial = value;
  for (const definition of [copy, dunning === 'stand-in' ? DUNNING_STAND_IN : template('dunning.json')]) {
    await store.saveDraft(definition);
    await store.publish(definition.key);
  }
  return { companyId, scope, store, contactId };
}

/** Moves the test server's clock forward to `time` on `date` in the tenant's zone; the runs' timers fire on the way. */
export async function travelTo(h: EngineHarness, date: string, time = '09:00'): Promise<void> {
  const target = Date.parse(instantAtDateTime(date, time, TIME_ZONE));
  const now = await h.env.currentTimeMs();
  if (target <= now) throw new Error(`The test clock is already past ${date} ${time}`);
  await h.env.sleep(target - now);
}

/** The first year, at least a year after the test server's clock, in which `predicate` holds (so tests never reuse dates). */
export async function yearAhead(h: EngineHarness, predicate: (year: number) => boolean = () => true): Promise<number> {
  let year = new Date(await h.env.currentTimeMs()).getUTCFullYear() + 1;
  while (!predicate(year)) year += 1;
  return year;
}

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Activates a subscription and dispatches subscription.created, which starts its lifecycle run. */
export async function subscribe(h: EngineHarness, company: Company, planId: string, trialDays = 0) {
  const activated = await activateSubscription(company.scope, { planId, contactId: company.contactId, trialDays });
  await dispatch(h);
  return { ...activated, handle: runOf(h, company, activated.subscriptionId) };
}

export function runOf(h: EngineHarness, company: Company, subscriptionId: string): WorkflowHandle {
  return h.env.client.workflow.getHandle(workflowIdFor(company.companyId, LIFECYCLE, { type: 'subscription', id: subscriptionId }));
}

/** The run's state once it rests in `phase`: every thread waits for time, an event or its branches, none for an action. */
export function untilPhase(handle: WorkflowHandle, phase: string, extra: (vars: Record<string, unknown>) => boolean = () => true) {
  return eventually(
    () => handle.query(stateQuery),
    (state) => state.status === 'waiting' && state.vars.phase === phase && state.positions.every((p) => p.waitingFor !== null && p.waitingFor.kind !== 'activity') && extra(state.vars),
    20_000,
  );
}

/**
 * The output of a run once it has finished, read by polling, not by result(): awaiting a result lets the time-skipping
 * server skip time, and once the awaited run is done it may jump to the next timer of any other run (up to the 10-year
 * execution timeout it gives runs without one) before the client locks the clock again.
 */
export async function outputOf(handle: WorkflowHandle): Promise<unknown> {
  await eventually(() => handle.describe(), (description) => description.status.name !== 'RUNNING', 20_000);
  const state = await handle.query(stateQuery);
  if (state.status !== 'succeeded') throw new Error(`the run ended ${state.status}: ${JSON.stringify(state.error)}`);
  return state.output;
}

export async function subscriptionRow(company: Company, subscriptionId: string) {
  return company.scope.knex('subscriptions').where({ company_id: company.companyId, id: subscriptionId }).first();
}

export async function invoicesOf(company: Company, subscriptionId: string) {
  return company.scope.knex('invoices').where({ company_id: company.companyId, subscription_id: subscriptionId }).orderBy('invoice_number');
}

export async function linesOf(company: Company, invoiceId: string) {
  const lines = await company.scope.knex('invoice_lines').where({ company_id: company.companyId, invoice_id: invoiceId }).orderBy('amount_minor', 'desc');
  return lines.map((line) => ({ kind: line.kind, amount: line.amount_minor, period: [line.period_start, line.period_end] }));
}

/** Pays an invoice in full through the invoice-payments service (which emits invoice.paid), then dispatches. */
export async function payInFull(h: EngineHarness, company: Company, invoiceId: string): Promise<void> {
  const invoice = await company.scope.knex('invoices').where({ company_id: company.companyId, id: invoiceId }).first();
  await recordInvoicePayment(company.scope, { invoiceId, amountMinor: invoice.total_minor - invoice.amount_paid_minor, currency: invoice.currency, idempotencyKey: `test-pay:${invoiceId}` });
  await dispatch(h);
}

/** What the dunning flow emits when it gives up on an invoice; emitted here until that flow is wired to these tests. */
export async function dunningExhausted(h: EngineHarness, company: Company, invoiceId: string, subscriptionId: string): Promise<void> {
  await h.db.knex.transaction((trx) => emitDomainEvent(trx, company.companyId, {
    name: 'dunning.exhausted', entity: { type: 'invoice', id: invoiceId }, eventId: `dunning.exhausted:${invoiceId}`,
    payload: { invoiceId, subscriptionId, finalAction: 'suspend_subscription' },
  }));
  await dispatch(h);
}

export async function eventuallyRow<T>(read: () => Promise<T>, done: (row: T) => boolean): Promise<T> {
  return eventually(read, done, 20_000);
}
