import { cancelInstallmentSchedule, InstallmentCollectionRefusedError, recordInstallmentPayment } from '../../../engine/billing/installments';
import { eventually } from '../../helpers/eventually';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addDays, createInstallmentFlow, type InstallmentFlow } from './installment-flow-harness';

installQuietWorkerRuntime();
let flow: InstallmentFlow;
beforeAll(async () => {
  flow = await createInstallmentFlow();
  // Without a run cache every workflow task replays the run's whole history: each task is a fresh worker's first look.
  await flow.h.stopWorker();
  await flow.h.startWorker({ cache: false });
  await flow.publish();
}, 60_000);
afterAll(() => flow?.h.teardown());

const knex = () => flow.h.db.knex;

test('a worker restarted mid-run, with a payment arriving while it is down, sends no email twice and writes no row twice', async () => {
  const first = addDays(await flow.today(), 20);
  const contractId = await flow.createContract({ totalMinor: 300_000, count: 3, firstDueDate: first });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);
  await flow.advanceTo(addDays(first, -7), '10:00');
  expect(flow.h.smtp.received).toHaveLength(1);

  // The worker goes down; a partial payment is recorded and signalled meanwhile; a new worker picks the run up.
  await flow.h.stopWorker();
  const now = new Date(Number(await flow.h.env.currentTimeMs())).toISOString();
  await recordInstallmentPayment(flow.h.scope, { installmentId: rows[0].id, amountMinor: 40_000, currency: 'EUR', idempotencyKey: 'restart-partial', receivedAt: now });
  await flow.deliverEvents();
  await flow.h.startWorker({ cache: false });
  await flow.settle();
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'partially_paid', paid_minor: 40_000 });

  await flow.advanceTo(addDays(first, -1), '10:00');
  expect(flow.h.smtp.received.at(-1)?.raw).toContain('EUR 600.00');
  await flow.advanceTo(addDays(first, 1), '10:00');
  await flow.h.stopWorker();
  await flow.h.startWorker({ cache: false });
  // 6 days late on the 600.00 still open: fee 5% of the installment (50.00), interest 600.00 × 1.5% × 6 / 30 = 1.80.
  await flow.advanceTo(addDays(first, 6), '12:00');
  expect((await flow.installments(contractId))[0]).toMatchObject({ fee_minor: 5_000, interest_minor: 180 });
  await flow.pay(rows[0].id, 65_180, 'restart-rest');
  await flow.advanceTo(rows[1].due_date, '10:00');
  await flow.pay(rows[1].id, 100_000, 'restart-2');
  await flow.advanceTo(rows[2].due_date, '10:00');
  await flow.pay(rows[2].id, 100_000, 'restart-3');
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });

  // Reminders 7 and 1 day before each due date, and one overdue notice: exactly once each, by SMTP and in the outbox.
  const subjects = flow.h.smtp.received.map((mail) => mail.subject);
  expect(subjects).toEqual([1, 1, 'overdue', 2, 2, 3, 3].map((n) => (n === 'overdue' ? 'Installment 1 of contract C-1 is overdue' : `Installment ${n} of contract C-1 is due on ${rows[Number(n) - 1].due_date}`)));
  expect(new Set(flow.h.smtp.received.map((mail) => mail.messageId)).size).toBe(subjects.length);
  expect(await knex()('outbound_emails').where({ company_id: flow.h.companyId }).count({ n: '*' })).toEqual([{ n: subjects.length }]);
  expect(await knex()('contract_installments').where({ contract_id: contractId }).count({ n: '*' })).toEqual([{ n: 3 }]);
  const paymentKeys = await knex()('payments').where({ company_id: flow.h.companyId }).orderBy('created_at').pluck('idempotency_key');
  expect(paymentKeys).toEqual(['restart-partial', 'restart-rest', 'restart-2', 'restart-3']);
  expect(await knex()('domain_events').where({ entity_id: contractId, name: 'payment.received' }).count({ n: '*' })).toEqual([{ n: 4 }]);
  expect((await flow.installments(contractId)).map((row) => [row.status, row.paid_minor])).toEqual([['paid', 105_180], ['paid', 100_000], ['paid', 100_000]]);
});

test('cancelling the contract stops the run and leaves open installments exactly as they are', async () => {
  const first = addDays(await flow.today(), 20);
  const contractId = await flow.createContract({ totalMinor: 300_000, count: 3, firstDueDate: first });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);
  await flow.advanceTo(first, '10:00');
  await flow.pay(rows[0].id, 100_000, 'cancel-1');
  await flow.advanceTo(addDays(rows[1].due_date, 2), '10:00');
  const before = await flow.installments(contractId);
  expect(before.map((row) => [row.status, row.fee_minor, row.interest_minor])).toEqual([['paid', 0, 0], ['overdue', 0, 0], ['open', 0, 0]]);

  const canceled = await cancelInstallmentSchedule(flow.h.scope, flow.h.env.client, contractId);
  expect(canceled.canceledRuns).toEqual([handle.workflowId]);
  await flow.settle();
  expect((await handle.describe()).status.name).toBe('CANCELLED');
  await eventually(() => knex()('workflow_runs').where({ workflow_id: handle.workflowId }).first('status'), (run) => run.status === 'canceled');
  expect(await knex()('contracts').where({ id: contractId }).first('status', 'canceled_at')).toMatchObject({ status: 'canceled', canceled_at: expect.any(Date) });
  expect(await knex()('domain_events').where({ entity_id: contractId, name: 'contract.canceled' }).count({ n: '*' })).toEqual([{ n: 1 }]);

  // Three months later nothing has moved: no charge, no email, the open installments still open.
  const emails = flow.h.smtp.received.length;
  await flow.advanceTo(addDays(rows[2].due_date, 30), '10:00');
  expect(await flow.installments(contractId)).toEqual(before);
  expect(flow.h.smtp.received).toHaveLength(emails);
  await expect(recordInstallmentPayment(flow.h.scope, { installmentId: rows[1].id, amountMinor: 100_000, currency: 'EUR', idempotencyKey: 'cancel-late' })).rejects.toBeInstanceOf(InstallmentCollectionRefusedError);
  expect(await cancelInstallmentSchedule(flow.h.scope, flow.h.env.client, contractId)).toEqual({ canceledRuns: [] });
});
