import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { emitOverdueInvoiceEvents } from '../../../engine/billing/dunning';
import { calendarDateAt, instantAtDateTime } from '../../../engine/dsl/time/zoned-date';
import { dateAddDays, daysBetween } from '../../../engine/dsl/logic/date-operations';
import { dispatchPendingEvents } from '../../../engine/events';
import type { RunDescription } from '../../../engine/dsl/interpreter/describe-run';
import { stateQuery } from '../../../workflows/run-messages';
import type { EngineHarness } from '../../helpers/engine-harness';
import { eventually } from '../../helpers/eventually';
import { insertRow } from '../../helpers/tenant-fixtures';

/** The harness tenant's zone (createTenant): every date below is a calendar date there. */
export const TIME_ZONE = 'Europe/Lisbon';

/** The built-in dunning definition as a tenant would edit it: the same document with some variables' initial values changed. */
export function dunningDefinition(variables: Record<string, unknown> = {}, file = 'dunning.json'): WorkflowDefinition {
  const document = JSON.parse(readFileSync(join(__dirname, '../../../definitions/templates', file), 'utf8')) as WorkflowDefinition;
  for (const [name, initial] of Object.entries(variables)) {
    if (!document.variables?.[name]) throw new Error(`${file} declares no variable ${name}`);
    document.variables[name] = { ...document.variables[name], initial };
  }
  return document;
}

export const dispatch = (h: EngineHarness) => dispatchPendingEvents(h.db.knex, { engine: h.engine, storeFor: () => h.store });

export async function serverToday(h: EngineHarness): Promise<string> {
  return calendarDateAt(new Date(await h.env.currentTimeMs()).toISOString(), TIME_ZONE);
}

/** Skips the test server's clock forward to `time` on `date` (tenant time); timers due before then fire on the way. */
export async function sleepUntil(h: EngineHarness, date: string, time: string): Promise<void> {
  const ms = Date.parse(instantAtDateTime(date, time, TIME_ZONE)) - (await h.env.currentTimeMs());
  if (ms > 0) await h.env.sleep(ms);
}

let customers = 0;
export async function createCustomer(h: EngineHarness, label: string): Promise<{ contactId: string; email: string }> {
  customers += 1;
  const email = `${label}-${customers}@customer.test`;
  const contactId = await insertRow(h.db.knex, 'contacts', { company_id: h.companyId, name: `Customer ${label}`, email });
  return { contactId, email };
}

let invoices = 0;
/** An open invoice, inserted directly: creating invoices belongs to the subscription lifecycle, not to dunning. */
export async function insertOpenInvoice(
  h: EngineHarness,
  invoice: { contactId: string; totalMinor: number; dueDate: string; currency?: string; subscriptionId?: string },
): Promise<string> {
  invoices += 1;
  return insertRow(h.db.knex, 'invoices', {
    company_id: h.companyId, contact_id: invoice.contactId, subscription_id: invoice.subscriptionId ?? null, invoice_number: `INV-D-${String(invoices).padStart(4, '0')}`,
    status: 'open', currency: invoice.currency ?? 'EUR', subtotal_minor: invoice.totalMinor, total_minor: invoice.totalMinor,
    issue_date: dateAddDays(invoice.dueDate, -14), due_date: invoice.dueDate,
  });
}

export async function addUserWithRole(h: EngineHarness, roleKey: string): Promise<string> {
  const existing = await h.db.knex('user_roles').where({ company_id: h.companyId, key: roleKey }).first('id');
  const roleId = existing?.id ?? (await insertRow(h.db.knex, 'user_roles', { company_id: h.companyId, key: roleKey, name: roleKey }));
  const userId = await insertRow(h.db.knex, 'users', { company_id: h.companyId, email: `${roleKey}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@team.test`, name: roleKey });
  await insertRow(h.db.knex, 'user_permissions', { company_id: h.companyId, user_id: userId, role_id: roleId });
  return userId;
}

/** The daily overdue sweep as of `on`, then one dispatch of the outbox: starts (or finds) the dunning runs. */
export async function sweepOverdue(h: EngineHarness, on: string): Promise<void> {
  await emitOverdueInvoiceEvents(h.scope, on);
  await dispatch(h);
}

/** An invoice that fell due yesterday, announced overdue today: its dunning run starts on day 1 of the ladder. */
export async function overdueSinceYesterday(h: EngineHarness, label: string, totalMinor: number) {
  const today = await serverToday(h);
  const dueDate = dateAddDays(today, -1);
  const customer = await createCustomer(h, label);
  const invoiceId = await insertOpenInvoice(h, { contactId: customer.contactId, totalMinor, dueDate });
  await sweepOverdue(h, today);
  return { ...customer, invoiceId, dueDate, run: runOf(h, invoiceId) };
}

export const runOf = (h: EngineHarness, invoiceId: string): WorkflowHandle => h.env.client.workflow.getHandle(`lf/${h.companyId}/dunning/invoice/${invoiceId}`);

/** Waits until the run stands (waiting) at the step, e.g. "settled" after a payment. */
export function untilAt(handle: WorkflowHandle, stepId: string): Promise<RunDescription> {
  return eventually(() => handle.query(stateQuery), (state) => state.status === 'waiting' && state.positions.some((p) => p.stepId === stepId && p.waitingFor !== null), 15_000);
}

export interface AttemptOnDay {
  kind: string;
  sequence: number;
  channel: string;
  outcome: string;
  /** Days after the invoice's due date, by the run's clock. */
  day: number;
  amountDueMinor: number;
}

/** The invoice's dunning timeline, each attempt as its day after the due date. */
export async function timelineOf(h: EngineHarness, invoiceId: string, dueDate: string): Promise<AttemptOnDay[]> {
  const rows = await h.db.knex('dunning_attempts').where({ company_id: h.companyId, invoice_id: invoiceId }).orderBy([{ column: 'attempted_on' }, { column: 'created_at' }]);
  return rows.map((row) => ({
    kind: row.kind, sequence: row.sequence, channel: row.channel, outcome: row.outcome, day: daysBetween(dueDate, row.attempted_on), amountDueMinor: row.amount_due_minor,
  }));
}

export const subjectsTo = (h: EngineHarness, email: string) => h.smtp.received.filter((message) => message.to.includes(email)).map((message) => message.subject);
