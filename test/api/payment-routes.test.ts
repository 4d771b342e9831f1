import { createBillingGraph } from '../helpers/billing-fixtures';
import { insertRow } from '../helpers/tenant-fixtures';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'pay-acme');
  globex = await signUpCompany(h.server, 'pay-globex');
});
afterAll(() => h.close());

/** An active contract with its installments, as the installment flow leaves it after scheduling. */
async function activeContract(companyId: string, installments: number[]) {
  const graph = await createBillingGraph(h.db.knex, companyId, installments);
  const terms = { graceDays: 5, lateFeePercent: '5', monthlyInterestPercent: '1.5', allocationOrder: ['fee', 'interest', 'principal'] };
  await h.db.knex('contracts').where({ id: graph.contractId }).update({ status: 'active', collection_terms: JSON.stringify(terms) });
  // Due in the future, so no late fee or interest is added to what these tests pay.
  await h.db.knex('contract_installments').where({ contract_id: graph.contractId }).update({ due_date: '2099-01-31' });
  return graph;
}

const outbox = (companyId: string, name: string) => h.db.knex('domain_events').where({ company_id: companyId, name });

test('recording an installment payment needs an Idempotency-Key header', async () => {
  const graph = await activeContract(acme.companyId, [10_000]);
  const response = await acme.agent.post(`/api/contract-installments/${graph.installmentIds[0]}/payments`).send({ amount_minor: 2_500, currency: 'EUR' });
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ type: 'https://ledgerflow.dev/problems/idempotency-key-required', errors: [{ in: 'header', pointer: '/Idempotency-Key' }] });
});

test('the same Idempotency-Key twice records one payment, and the payment.received event is in the outbox', async () => {
  const graph = await activeContract(acme.companyId, [10_000]);
  const path = `/api/contract-installments/${graph.installmentIds[0]}/payments`;
  const first = await acme.agent.post(path).set('Idempotency-Key', 'pay-1').send({ amount_minor: 2_500, currency: 'EUR' });
  const again = await acme.agent.post(path).set('Idempotency-Key', 'pay-1').send({ amount_minor: 2_500, currency: 'EUR' });
  expect([first.status, again.status]).toEqual([201, 200]);
  expect(await h.db.knex('contract_installments').where({ id: graph.installmentIds[0] }).first()).toMatchObject({ paid_minor: 2_500, status: 'partially_paid' });
  // Bound to the contract, whose collecting run waits for it.
  expect(await outbox(acme.companyId, 'payment.received').where({ entity_type: 'contract', entity_id: graph.contractId })).toHaveLength(1);
});

test('the same Idempotency-Key with another amount, currency or installment is a 422 idempotency_key_reused, and only the first payment is recorded', async () => {
  const graph = await activeContract(acme.companyId, [10_000, 10_000]);
  const pay = (installment: string, body: object) => acme.agent.post(`/api/contract-installments/${installment}/payments`).set('Idempotency-Key', 'pay-reused').send(body);
  const first = await pay(graph.installmentIds[0], { amount_minor: 2_500, currency: 'EUR' });
  const answers = [
    await pay(graph.installmentIds[0], { amount_minor: 2_600, currency: 'EUR' }),
    await pay(graph.installmentIds[0], { amount_minor: 2_500, currency: 'USD' }),
    await pay(graph.installmentIds[1], { amount_minor: 2_500, currency: 'EUR' }),
  ];
  expect(first.status).toBe(201);
  expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(Array(3).fill([422, 'idempotency_key_reused']));
  expect(await h.db.knex('payments').where({ company_id: acme.companyId }).whereIn('installment_id', graph.installmentIds).pluck('amount_minor')).toEqual([2_500]);
  expect(await h.db.knex('contract_installments').where({ id: graph.installmentIds[1] }).first()).toMatchObject({ paid_minor: 0 });
});

test('a payment refused for its state does not use up its Idempotency-Key: corrected, the same key records it', async () => {
  const graph = await activeContract(acme.companyId, [10_000]);
  const path = `/api/contract-installments/${graph.installmentIds[0]}/payments`;
  const wrongCurrency = await acme.agent.post(path).set('Idempotency-Key', 'pay-corrected').send({ amount_minor: 1_200, currency: 'USD' });
  const corrected = await acme.agent.post(path).set('Idempotency-Key', 'pay-corrected').send({ amount_minor: 1_200, currency: 'EUR' });
  expect([wrongCurrency.status, corrected.status]).toEqual([409, 201]);
  expect(await h.db.knex('contract_installments').where({ id: graph.installmentIds[0] }).first()).toMatchObject({ paid_minor: 1_200 });
});

test('an invoice payment key reused with another currency or reused for a reversal is a 422, and the invoice keeps what it was paid', async () => {
  const contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Reuse payer' });
  const invoiceId = await insertRow(h.db.knex, 'invoices', { company_id: acme.companyId, contact_id: contactId, invoice_number: 'API-REUSE', status: 'open', currency: 'EUR', subtotal_minor: 5_000, total_minor: 5_000, issue_date: '2026-11-01', due_date: '2026-11-30' });
  const first = await acme.agent.post(`/api/invoices/${invoiceId}/payments`).set('Idempotency-Key', 'inv-reuse').send({ amount_minor: 2_000, currency: 'EUR' });
  const otherCurrency = await acme.agent.post(`/api/invoices/${invoiceId}/payments`).set('Idempotency-Key', 'inv-reuse').send({ amount_minor: 2_000, currency: 'USD' });
  const asReversal = await acme.agent.post(`/api/payments/${first.body.paymentId}/reversal`).set('Idempotency-Key', 'inv-reuse').send({});
  expect([first.status, otherCurrency.status, otherCurrency.body.code, asReversal.status, asReversal.body.code]).toEqual([201, 422, 'idempotency_key_reused', 422, 'idempotency_key_reused']);
  expect(await h.db.knex('invoices').where({ id: invoiceId }).first()).toMatchObject({ status: 'open', amount_paid_minor: 2_000 });
  expect(await h.db.knex('payments').where({ company_id: acme.companyId, invoice_id: invoiceId }).pluck('kind')).toEqual(['payment']);
});

test('a reversal through the API reopens the installment it paid', async () => {
  const graph = await activeContract(acme.companyId, [4_000]);
  const paid = await acme.agent.post(`/api/contract-installments/${graph.installmentIds[0]}/payments`).set('Idempotency-Key', 'pay-full').send({ amount_minor: 4_000, currency: 'EUR' });
  expect(await h.db.knex('contract_installments').where({ id: graph.installmentIds[0] }).first()).toMatchObject({ status: 'paid' });
  const reversal = await acme.agent.post(`/api/payments/${paid.body.receiptId}/reversal`).set('Idempotency-Key', 'rev-full').send({});
  expect(reversal.status).toBe(201);
  expect(await h.db.knex('contract_installments').where({ id: graph.installmentIds[0] }).first()).toMatchObject({ paid_minor: 0, status: 'open' });
});

test('an invoice paid in full through the API is marked paid and announces invoice.paid', async () => {
  const contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Payer' });
  const invoiceId = await insertRow(h.db.knex, 'invoices', { company_id: acme.companyId, contact_id: contactId, invoice_number: 'API-1', status: 'open', currency: 'EUR', subtotal_minor: 12_300, total_minor: 12_300, issue_date: '2026-11-01', due_date: '2026-11-30' });
  const response = await acme.agent.post(`/api/invoices/${invoiceId}/payments`).set('Idempotency-Key', 'inv-1').send({ amount_minor: 12_300, currency: 'EUR' });
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({ invoiceStatus: 'paid', amountPaidMinor: 12_300, amountDueMinor: 0 });
  expect(await outbox(acme.companyId, 'invoice.paid').where({ entity_id: invoiceId })).toHaveLength(1);
});

test("another tenant's installment is a 404, and nothing is recorded on it", async () => {
  const graph = await activeContract(globex.companyId, [10_000]);
  const response = await acme.agent.post(`/api/contract-installments/${graph.installmentIds[0]}/payments`).set('Idempotency-Key', 'steal-1').send({ amount_minor: 100, currency: 'EUR' });
  expect(response.status).toBe(404);
  expect(await h.db.knex('payments').where({ installment_id: graph.installmentIds[0] })).toHaveLength(0);
});

test("a payment naming another tenant's bank account is a 422 at #/bank_account_id before the invoice's state is considered, and records nothing", async () => {
  const theirAccount = await insertRow(h.db.knex, 'bank_accounts', { company_id: globex.companyId, name: 'Theirs', currency: 'EUR' });
  const contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Draft payer' });
  const draft = await insertRow(h.db.knex, 'invoices', { company_id: acme.companyId, contact_id: contactId, invoice_number: 'API-DRAFT', status: 'draft', currency: 'EUR', subtotal_minor: 500, total_minor: 500, issue_date: '2026-11-01', due_date: '2026-11-30' });
  const response = await acme.agent.post(`/api/invoices/${draft}/payments`).set('Idempotency-Key', 'other-bank').send({ amount_minor: 500, currency: 'EUR', bank_account_id: theirAccount });
  expect([response.status, response.body.code, response.body.errors[0].pointer]).toEqual([422, 'reference_not_found', '#/bank_account_id']);
  expect(await h.db.knex('payments').where({ invoice_id: draft })).toHaveLength(0);
});
