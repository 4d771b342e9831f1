import type { WorkflowHandle } from '@temporalio/client';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import template from '../../../definitions/templates/installment-schedule.json';
import { recordInstallmentPayment, reverseInstallmentPayment, startInstallmentSchedule } from '../../../engine/billing/installments';
import { definitionStore } from '../../../engine/definition-store/definition-store';
import { createActionCatalogue } from '../../../engine/dsl/semantics/action-catalogue';
import { calendarDateAt, instantAtDateTime } from '../../../engine/dsl/time/zoned-date';
import { addCalendarDays, formatCalendarDate, parseCalendarDate } from '../../../engine/dsl/time/calendar-date';
import { dispatchPendingEvents } from '../../../engine/events';
import { CORE_ACTIONS } from '../../../activities/core-actions';
import { stateQuery } from '../../../workflows/run-messages';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { eventually } from '../../helpers/eventually';

// The harness tenant's zone (test/helpers/tenant-fixtures.ts): every date below is a date there.
export const TIME_ZONE = 'Europe/Lisbon';

export interface ContractTerms {
  totalMinor: number;
  count: number;
  firstDueDate: string;
  intervalUnit?: 'day' | 'week' | 'month';
  intervalCount?: number;
  email?: string | null;
}

export interface InstallmentFlow {
  h: EngineHarness;
  /** Publishes the built-in definition with some variables replaced (a tenant's edited copy). */
  publish(variables?: Record<string, unknown>): Promise<void>;
  createContract(terms: ContractTerms): Promise<string>;
  start(contractId: string): Promise<WorkflowHandle>;
  /** The run's calendar date, in the tenant's zone. */
  today(): Promise<string>;
  /** Moves the test server's clock to `time` on `date` (tenant time), then waits until every run has caught up. */
  advanceTo(date: string, time?: string): Promise<void>;
  pay(installmentId: string, amountMinor: number, key: string): ReturnType<typeof recordInstallmentPayment>;
  reverse(paymentId: string, key: string): ReturnType<typeof reverseInstallmentPayment>;
  /** Delivers outbox events (payment.received …) to the runs, as the worker's dispatcher does, then lets the runs catch up. */
  dispatch(): Promise<void>;
  /** Delivers outbox events without waiting for any run (while no worker runs, none would catch up). */
  deliverEvents(): Promise<void>;
  installments(contractId: string): Promise<InstallmentRowView[]>;
  settle(): Promise<void>;
  /**
   * The run's output once it has ended, read through the state query: awaiting handle.result() would unlock the test
   * server's time skipping, which then jumps years ahead even with nothing left to run.
   */
  output(handle: WorkflowHandle): Promise<unknown>;
}

export interface InstallmentRowView {
  id: string;
  sequence: number;
  due_date: string;
  principal_minor: number;
  fee_minor: number;
  interest_minor: number;
  paid_minor: number;
  status: string;
  overdue_since: string | null;
  charges_accrued_through: string | null;
}

export function addDays(date: string, days: number): string {
  return formatCalendarDate(addCalendarDays(parseCalendarDate(date)!, days));
}

/** The built-in definition as a tenant would publish it, with some variables replaced. */
export function installmentScheduleDefinition(variables: Record<string, unknown> = {}): WorkflowDefinition {
  const { $schema: _schema, ...document } = template as Record<string, unknown>;
  const base = document as unknown as WorkflowDefinition;
  const merged = Object.fromEntries(Object.entries(base.variables ?? {}).map(([name, variable]) => [name, name in variables ? { ...variable, initial: variables[name] } : variable]));
  return { ...base, variables: merged };
}

/** A run is caught up when it has ended, or waits only on events and on timers still in the future, with no activity in flight. */
export async function caughtUp(handle: WorkflowHandle, nowMs: number): Promise<boolean> {
  const description = await handle.describe();
  if (description.status.name !== 'RUNNING') return true;
  if ((description.raw.pendingActivities ?? []).length > 0 || description.raw.pendingWorkflowTask) return false;
  const state = await handle.query(stateQuery);
  if (state.status !== 'waiting') return false;
  return state.positions.every((position) => {
    const waiting = position.waitingFor;
    if (!waiting || waiting.kind === 'activity') return false;
    return waiting.kind !== 'timer' || Date.parse(waiting.fireAt) > nowMs;
  });
}

export async function createInstallmentFlow(): Promise<InstallmentFlow> {
  const h = await createEngineHarness();
  const catalogue = createActionCatalogue(CORE_ACTIONS);
  const nowMs = async () => Number(await h.env.currentTimeMs());
  let contracts = 0;
  const handles: WorkflowHandle[] = [];

  const flow: InstallmentFlow = {
    h,
    async publish(variables = {}) {
      await h.publish(installmentScheduleDefinition(variables));
    },
    async createContract(terms) {
      contracts += 1;
      const [contact] = await h.db.knex('contacts').insert({ company_id: h.companyId, name: `Customer ${contracts}`, email: terms.email === undefined ? `customer${contracts}@example.test` : terms.email }).returning('id');
      const [contract] = await h.db.knex('contracts').insert({
        company_id: h.companyId, contact_id: contact.id, contract_number: `C-${contracts}`, title: 'Equipment lease', currency: 'EUR',
        total_minor: terms.totalMinor, installment_count: terms.count, first_due_date: terms.firstDueDate,
        interval_unit: terms.intervalUnit ?? 'month', interval_count: terms.intervalCount ?? 1,
      }).returning('id');
      return contract.id;
    },
    async start(contractId) {
      const run = await startInstallmentSchedule(h.scope, h.store, h.engine, contractId);
      const handle = h.env.client.workflow.getHandle(run.workflowId);
      handles.push(handle);
      await flow.settle();
      return handle;
    },
    async today() {
      return calendarDateAt(new Date(await nowMs()).toISOString(), TIME_ZONE);
    },
    async advanceTo(date, time = '12:00') {
      const target = Date.parse(instantAtDateTime(date, time, TIME_ZONE));
      const now = await nowMs();
      if (target < now) throw new Error(`cannot go back to ${date} ${time}: the clock is at ${new Date(now).toISOString()}`);
      if (target > now) await h.env.sleep(target - now);
      await flow.settle();
    },
    async pay(installmentId, amountMinor, key) {
      const recorded = await recordInstallmentPayment(h.scope, { installmentId, amountMinor, currency: 'EUR', idempotencyKey: key, receivedAt: new Date(await nowMs()).toISOString() });
      await flow.dispatch();
      return recorded;
    },
    async reverse(paymentId, key) {
      const reversed = await reverseInstallmentPayment(h.scope, { paymentId, idempotencyKey: key, reversedAt: new Date(await nowMs()).toISOString() });
      await flow.dispatch();
      return reversed;
    },
    async dispatch() {
      await flow.deliverEvents();
      await flow.settle();
    },
    async deliverEvents() {
      await dispatchPendingEvents(h.db.knex, { engine: h.engine, storeFor: (scope) => definitionStore(scope, catalogue) });
    },
    installments(contractId) {
      return h.db.knex('contract_installments').where({ company_id: h.companyId, contract_id: contractId }).orderBy('sequence')
        .select('id', 'sequence', 'due_date', 'principal_minor', 'fee_minor', 'interest_minor', 'paid_minor', 'status', 'overdue_since', 'charges_accrued_through');
    },
    async output(handle) {
      await flow.settle();
      const description = await handle.describe();
      if (description.status.name !== 'COMPLETED') throw new Error(`run ${handle.workflowId} is ${description.status.name}, not completed`);
      return (await handle.query(stateQuery)).output;
    },
    async settle() {
      const allCaughtUp = async () => (await Promise.all(handles.map(async (handle) => caughtUp(handle, await nowMs())))).every(Boolean);
      await eventually(allCaughtUp, (done) => done, 30_000);
    },
  };
  return flow;
}
