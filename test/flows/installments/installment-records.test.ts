import { MockActivityEnvironment } from '@temporalio/testing';
import { createActionRegistry } from '../../../activities/action-registry';
import { CORE_ACTIONS } from '../../../activities/core-actions';
import { createActivities } from '../../../activities/create-activities';
import {
  accrueContractCharges, CollectionTermsError, createInstallmentSchedule, InstallmentCollectionRefusedError, recordInstallmentPayment, reverseInstallmentPayment,
} from '../../../engine/billing/installments';
import { RuleViolationError } from '../../../engine/db/errors/constraint-errors';
import { tenantScope, type TenantScope } from '../../../engine/db/tenant-scope';
import type { RunActivities } from '../../../workflows/run-contract';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createTenant } from '../../helpers/tenant-fixtures';

// The services and the database rules under them, without a run: idempotency, the allocation rules, refusals.
let db: TestDatabase;
let scope: TenantScope;
let activities: RunActivities;
const TERMS = { graceDays: 5, lateFeePercent: '5', monthlyInterestPercent: '1.5', allocationOrder: ['fee', 'interest', 'principal'] };

beforeAll(async () => {
  db = await createTestDatabase();
  scope = tenantScope(db.knex, (await createTenant(db.knex, 'records')).companyId);
  const mailer = { send: async () => Promise.reject(new Error('these tests send no email')) };
  activities = createActivities({ knex: db.knex, mailer, actions: createActionRegistry(CORE_ACTIONS) });
});
afterAll(() => db.drop());

let contracts = 0;
async function contract(totalMinor = 300_000, count = 3, firstDueDate = '2030-01-31'): Promise<string> {
  contracts += 1;
  const [contact] = await db.knex('contacts').insert({ company_id: scope.companyId, name: 'Customer' }).returning('id');
  const [row] = await db.knex('contracts').insert({
    company_id: scope.companyId, contact_id: contact.id, contract_number: `R-${contracts}`, title: 'Lease', currency: 'EUR', total_minor: totalMinor,
    installment_count: count, first_due_date: firstDueDate,
  }).returning('id');
  return row.id;
}

const installmentsOf = (contractId: string) => db.knex('contract_installments').where({ contract_id: contractId }).orderBy('sequence');

test('a retried schedule step (same activity, same key) inserts no second set of installments and keeps the first terms', async () => {
  const contractId = await contract();
  const env = new MockActivityEnvironment();
  const run = (terms: object) => env.run(activities.executeAction, {
    companyId: scope.companyId, workflowId: 'wf-schedule', stepId: 'schedule', token: 't1', action: 'core.scheduleContractInstallments', input: { contractId, ...terms }, idempotencyKey: 'wf-schedule:schedule:1',
  });
  const first = await run(TERMS);
  const again = await run({ ...TERMS, graceDays: 9 });
  expect(again).toEqual(first);
  expect((await installmentsOf(contractId)).map((row) => [row.sequence, row.due_date, row.principal_minor])).toEqual([
    [1, '2030-01-31', 100_000], [2, '2030-02-28', 100_000], [3, '2030-03-31', 100_000],
  ]);
  expect(await db.knex('contracts').where({ id: contractId }).first('status', 'collection_terms')).toEqual({ status: 'active', collection_terms: TERMS });
  expect(await db.knex('domain_events').where({ entity_id: contractId, name: 'contract.schedule_created' }).count({ n: '*' })).toEqual([{ n: 1 }]);
});

test('terms that cannot be applied are refused before anything is written', async () => {
  const contractId = await contract();
  await expect(createInstallmentSchedule(scope, contractId, { ...TERMS, allocationOrder: ['fee', 'principal'] })).rejects.toBeInstanceOf(CollectionTermsError);
  expect(await installmentsOf(contractId)).toEqual([]);
});

test('the database refuses an installment payment whose split does not sum to its amount', async () => {
  const contractId = await contract();
  const [first] = (await createInstallmentSchedule(scope, contractId, TERMS)).installments;
  const insert = scope.transaction((tx) => tx.knex('payments').insert({
    company_id: scope.companyId, installment_id: first.id, amount_minor: 1_000, currency: 'EUR', allocated_fee_minor: 100, allocated_principal_minor: 800,
  }));
  await expect(insert).rejects.toBeInstanceOf(RuleViolationError);
  await expect(insert).rejects.toMatchObject({ details: { constraint: 'payments_allocation_sums_to_amount' } });
});

test('a raw writer gets a split: a payment pays principal, a reversal takes back principal, then interest, then fee; a split never changes', async () => {
  const contractId = await contract();
  const [first] = (await createInstallmentSchedule(scope, contractId, TERMS)).installments;
  const [payment] = await db.knex('payments').insert({ company_id: scope.companyId, installment_id: first.id, amount_minor: 700, currency: 'EUR' }).returning('*');
  expect(payment).toMatchObject({ allocated_fee_minor: 0, allocated_interest_minor: 0, allocated_principal_minor: 700 });
  const [split] = await db.knex('payments').insert({
    company_id: scope.companyId, installment_id: first.id, amount_minor: 500, currency: 'EUR', allocated_fee_minor: 200, allocated_interest_minor: 100, allocated_principal_minor: 200,
  }).returning('id');
  const [back] = await db.knex('payments').insert({ company_id: scope.companyId, installment_id: first.id, kind: 'reversal', reverses_payment_id: split.id, amount_minor: 350, currency: 'EUR' }).returning('*');
  expect(back).toMatchObject({ allocated_principal_minor: 200, allocated_interest_minor: 100, allocated_fee_minor: 50 });
  const overTaking = db.knex('payments').insert({
    company_id: scope.companyId, installment_id: first.id, kind: 'reversal', reverses_payment_id: split.id, amount_minor: 150, currency: 'EUR', allocated_principal_minor: 150,
  });
  await expect(overTaking).rejects.toThrow(/cannot take back more fee, interest or principal/);
  await expect(db.knex('payments').where({ id: payment.id }).update({ allocated_principal_minor: 600, allocated_fee_minor: 100 })).rejects.toThrow(/allocation cannot change once written/);
});

test('two deliveries of one payment at the same moment record it once', async () => {
  const contractId = await contract();
  const [first] = (await createInstallmentSchedule(scope, contractId, TERMS)).installments;
  const request = { installmentId: first.id, amountMinor: 100_000, currency: 'EUR', idempotencyKey: 'twice-at-once', receivedAt: '2030-01-20T10:00:00Z' };
  const [a, b] = await Promise.all([recordInstallmentPayment(scope, request), recordInstallmentPayment(scope, request)]);
  expect([a.created, b.created].sort()).toEqual([false, true]);
  expect(a.rows).toEqual(b.rows);
  expect(await db.knex('payments').where({ installment_id: first.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
  await expect(recordInstallmentPayment(scope, { ...request, amountMinor: 99_999 })).rejects.toThrow(/already used for a different payment/);
});

test('payments are refused in another currency, on a contract without terms, and when nothing is left to pay', async () => {
  const contractId = await contract(100_000, 1);
  const unscheduled = await db.knex('contract_installments').insert({ company_id: scope.companyId, contract_id: contractId, sequence: 1, due_date: '2030-01-31', currency: 'EUR', principal_minor: 100_000 }).returning('id');
  await expect(recordInstallmentPayment(scope, { installmentId: unscheduled[0].id, amountMinor: 1, currency: 'EUR', idempotencyKey: 'no-terms' })).rejects.toThrow(/no collection terms/);
  const [only] = (await createInstallmentSchedule(scope, contractId, TERMS)).installments;
  await expect(recordInstallmentPayment(scope, { installmentId: only.id, amountMinor: 1, currency: 'USD', idempotencyKey: 'usd' })).rejects.toBeInstanceOf(InstallmentCollectionRefusedError);
  await recordInstallmentPayment(scope, { installmentId: only.id, amountMinor: 100_000, currency: 'EUR', idempotencyKey: 'all', receivedAt: '2030-01-01T10:00:00Z' });
  await expect(recordInstallmentPayment(scope, { installmentId: only.id, amountMinor: 1, currency: 'EUR', idempotencyKey: 'more' })).rejects.toThrow(/Nothing is left to pay/);
});

test('a payment directed at a settled installment goes to the next open one; reversing any row reverses the whole receipt', async () => {
  const contractId = await contract();
  const [one, two, three] = (await createInstallmentSchedule(scope, contractId, TERMS)).installments;
  await recordInstallmentPayment(scope, { installmentId: one.id, amountMinor: 100_000, currency: 'EUR', idempotencyKey: 'one', receivedAt: '2030-01-10T10:00:00Z' });
  const receipt = await recordInstallmentPayment(scope, { installmentId: one.id, amountMinor: 150_000, currency: 'EUR', idempotencyKey: 'ahead', receivedAt: '2030-01-11T10:00:00Z' });
  expect(receipt.rows.map((row) => [row.installmentId, row.amountMinor])).toEqual([[two.id, 100_000], [three.id, 50_000]]);
  const reversed = await reverseInstallmentPayment(scope, { paymentId: receipt.rows[1].paymentId, idempotencyKey: 'ahead-back', reversedAt: '2030-01-12T10:00:00Z' });
  expect(reversed.rows.map((row) => [row.installmentId, row.amountMinor, row.allocatedPrincipalMinor])).toEqual([[two.id, 100_000, 100_000], [three.id, 50_000, 50_000]]);
  expect((await installmentsOf(contractId)).map((row) => [row.status, row.paid_minor])).toEqual([['paid', 100_000], ['open', 0], ['open', 0]]);
  await expect(reverseInstallmentPayment(scope, { paymentId: receipt.receiptId, idempotencyKey: 'ahead-back-2' })).rejects.toThrow(/already fully reversed/);
});

test('accrual is idempotent and never counts interest twice: the same day again changes nothing', async () => {
  const contractId = await contract(100_000, 1, '2030-01-31');
  await createInstallmentSchedule(scope, contractId, TERMS);
  const once = await accrueContractCharges(scope, contractId, '2030-02-10');
  const twice = await accrueContractCharges(scope, contractId, '2030-02-10');
  // 10 days late: fee 5% of 1,000.00 = 50.00; interest 1,000.00 × 1.5% × 10 / 30 = 5.00.
  expect(once.installments).toEqual([expect.objectContaining({ status: 'overdue', feeMinor: 5_000, interestMinor: 500, chargesAccruedThrough: '2030-02-10' })]);
  expect(twice).toEqual(once);
  // An earlier date does not take interest back.
  expect((await accrueContractCharges(scope, contractId, '2030-02-08')).installments[0]).toMatchObject({ interestMinor: 500, chargesAccruedThrough: '2030-02-10' });
});
