import type { WorkflowHandle } from '@temporalio/client';
import { recordInstallmentPayment } from '../../engine/billing/installments';
import { instantAtDateTime } from '../../engine/dsl/time/zoned-date';
import { eventSignal } from '../../workflows/run-messages';
import type { EngineHarness } from '../helpers/engine-harness';
import { eventually } from '../helpers/eventually';
import { addDays, caughtUp, installmentScheduleDefinition, TIME_ZONE } from '../flows/installments/installment-flow-harness';
import type { ReplayScenario } from './scenarios';

let contract: { contractId: string; firstDueDate: string; installmentIds: string[] };

const serverNow = async (h: EngineHarness) => Number(await h.env.currentTimeMs());

async function sleepUntil(h: EngineHarness, handle: WorkflowHandle, date: string, time: string): Promise<void> {
  const target = Date.parse(instantAtDateTime(date, time, TIME_ZONE));
  await h.env.sleep(target - (await serverNow(h)));
  await eventually(async () => caughtUp(handle, await serverNow(h)), (done) => done, 30_000);
}

/** Records a payment and hands the contract's undelivered outbox events to the run, as the dispatcher does for bound runs. */
async function pay(h: EngineHarness, handle: WorkflowHandle, installment: number, amountMinor: number, key: string): Promise<void> {
  const receivedAt = new Date(await serverNow(h)).toISOString();
  await recordInstallmentPayment(h.scope, { installmentId: contract.installmentIds[installment], amountMinor, currency: 'EUR', idempotencyKey: key, receivedAt });
  const events = await h.db.knex('domain_events').where({ company_id: h.companyId, entity_id: contract.contractId }).whereNull('dispatched_at').orderBy('occurred_at');
  for (const event of events) {
    await handle.signal(eventSignal, { name: event.name, payload: event.payload, eventId: event.event_id });
    await h.db.knex('domain_events').where({ id: event.id }).update({ dispatched_at: h.db.knex.fn.now() });
  }
  await eventually(async () => caughtUp(handle, await serverNow(h)), (done) => done, 30_000);
}

/** The built-in installment run: reminders, a partial payment, overdue, grace, fee and interest, the rest paid, then paid off. */
export const installmentScenario: ReplayScenario = {
  name: 'installment-partial-late-payoff',
  definitions: [installmentScheduleDefinition()],
  async prepare(h) {
    const today = new Date(await serverNow(h)).toISOString().slice(0, 10);
    const firstDueDate = addDays(today, 20);
    const [contact] = await h.db.knex('contacts').insert({ company_id: h.companyId, name: 'Replay customer', email: 'replay-installments@example.test' }).returning('id');
    const [row] = await h.db.knex('contracts').insert({
      company_id: h.companyId, contact_id: contact.id, contract_number: 'REPLAY-1', title: 'Replay lease', currency: 'EUR', total_minor: 200_000,
      installment_count: 2, first_due_date: firstDueDate,
    }).returning('id');
    contract = { contractId: row.id, firstDueDate, installmentIds: [] };
    return { contractId: row.id };
  },
  async drive(handle, h) {
    await eventually(() => h.db.knex('contract_installments').where({ contract_id: contract.contractId }).orderBy('sequence').pluck('id'), (ids) => ids.length === 2);
    contract.installmentIds = await h.db.knex('contract_installments').where({ contract_id: contract.contractId }).orderBy('sequence').pluck('id');
    await sleepUntil(h, handle, addDays(contract.firstDueDate, -3), '12:00');
    await pay(h, handle, 0, 40_000, 'replay-partial');
    await sleepUntil(h, handle, addDays(contract.firstDueDate, 6), '12:00');
    // 600.00 open for 6 days: fee 50.00, interest 1.80.
    await pay(h, handle, 0, 65_180, 'replay-rest');
    await pay(h, handle, 1, 100_000, 'replay-payoff');
  },
};
