import { insertRow } from '../helpers/tenant-fixtures';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let contactId: string;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'inv-acme');
  contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Invoice Customer' });
});
afterAll(() => h.close());

const issue = (company: SignedIn, contact: string, amountMinor: number) =>
  company.agent.post('/api/invoices').send({ contact_id: contact, currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30', lines: [{ kind: 'subscription', description: 'Pro, November', amount_minor: amountMinor }] });

test('invoices issued through the API, several at once, take consecutive numbers of the tenant sequence with no gap or repeat', async () => {
  const { invoice_prefix: prefix, next_invoice_number: first } = await h.db.knex('company_settings').where({ company_id: acme.companyId }).first();
  const answers = await Promise.all([4_900, 4_901, 4_902, 4_903].map((amount) => issue(acme, contactId, amount)));
  expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
  const expected = [0, 1, 2, 3].map((offset) => `${prefix}${String(first + offset).padStart(4, '0')}`);
  expect(answers.map((answer) => answer.body.invoice_number).sort()).toEqual(expected);
  expect(answers[0].body).toMatchObject({ status: 'open', currency: 'EUR', subtotal_minor: 4_900, total_minor: 4_900, amount_paid_minor: 0, issue_date: '2026-11-01', due_date: '2026-11-30' });
  expect(await h.db.knex('domain_events').where({ company_id: acme.companyId, name: 'invoice.created' })).toHaveLength(4);
  expect(await h.db.knex('invoice_lines').where({ invoice_id: answers[0].body.id }).first()).toMatchObject({ kind: 'subscription', amount_minor: 4_900 });
});

test('the same Idempotency-Key twice issues one invoice and takes one number', async () => {
  const send = () => acme.agent.post('/api/invoices').set('Idempotency-Key', 'inv-retry-1')
    .send({ contact_id: contactId, currency: 'EUR', issue_date: '2026-11-02', due_date: '2026-12-02', lines: [{ kind: 'subscription', description: 'Pro', amount_minor: 1_000 }] });
  const first = await send();
  const again = await send();
  expect([first.status, again.status]).toEqual([201, 200]);
  expect(again.body.id).toBe(first.body.id);
  expect(await h.db.knex('invoices').where({ company_id: acme.companyId, issue_date: '2026-11-02' })).toHaveLength(1);
});

test('the same Idempotency-Key with a different body is a 422 idempotency_key_reused: no second invoice, no number taken', async () => {
  const body = (amountMinor: number) => ({ contact_id: contactId, currency: 'EUR', issue_date: '2026-11-03', due_date: '2026-12-03', lines: [{ kind: 'subscription', description: 'Pro', amount_minor: amountMinor }] });
  const first = await acme.agent.post('/api/invoices').set('Idempotency-Key', 'inv-reuse-1').send(body(1_000));
  const { next_invoice_number: nextAfterFirst } = await h.db.knex('company_settings').where({ company_id: acme.companyId }).first();
  const reused = await acme.agent.post('/api/invoices').set('Idempotency-Key', 'inv-reuse-1').send(body(1_001));
  expect([first.status, reused.status, reused.body.code, reused.body.errors[0]]).toEqual([201, 422, 'idempotency_key_reused', expect.objectContaining({ in: 'header', pointer: '/Idempotency-Key' })]);
  expect(await h.db.knex('invoices').where({ company_id: acme.companyId, issue_date: '2026-11-03' }).pluck('total_minor')).toEqual([1_000]);
  expect((await h.db.knex('company_settings').where({ company_id: acme.companyId }).first()).next_invoice_number).toBe(nextAfterFirst);
});

test('a client cannot choose the invoice number or a paid status: 400 on issue and on PATCH, and the row keeps its number', async () => {
  const issued = await issue(acme, contactId, 2_500);
  const chosen = await acme.agent.post('/api/invoices')
    .send({ contact_id: contactId, invoice_number: 'MINE-1', currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30', lines: [{ kind: 'subscription', description: 'Pro', amount_minor: 1 }] });
  expect(chosen.status).toBe(400);
  const renumber = await acme.agent.patch(`/api/invoices/${issued.body.id}`).send({ invoice_number: 'MINE-2' });
  expect(renumber.status).toBe(400);
  const paid = await acme.agent.patch(`/api/invoices/${issued.body.id}`).send({ status: 'paid' });
  expect(paid.status).toBe(400);
  expect(await h.db.knex('invoices').where({ id: issued.body.id }).first()).toMatchObject({ invoice_number: issued.body.invoice_number, status: 'open', amount_paid_minor: 0 });
  expect(await h.db.knex('invoices').where({ company_id: acme.companyId }).whereIn('invoice_number', ['MINE-1', 'MINE-2'])).toHaveLength(0);
});

test("an invoice for another tenant's contact is a 422 and takes no number", async () => {
  const globex = await signUpCompany(h.server, 'inv-globex');
  const theirs = await insertRow(h.db.knex, 'contacts', { company_id: globex.companyId, name: 'Not yours' });
  const before = await h.db.knex('company_settings').where({ company_id: acme.companyId }).first('next_invoice_number');
  const response = await issue(acme, theirs, 1_000);
  expect(response.status).toBe(422);
  expect(response.body.code).toBe('reference_not_found');
  expect(await h.db.knex('company_settings').where({ company_id: acme.companyId }).first('next_invoice_number')).toEqual(before);
});

test("an issued invoice's lines are listed read-only through /api/invoice-lines?invoice_id=, with their amounts", async () => {
  const issued = await acme.agent.post('/api/invoices').send({
    contact_id: contactId, currency: 'EUR', issue_date: '2026-11-03', due_date: '2026-12-03',
    lines: [{ kind: 'subscription', description: 'Pro, November', amount_minor: 4_900 }, { kind: 'proration_credit', description: 'Unused Basic', amount_minor: -1_234 }],
  });
  const lines = await acme.agent.get(`/api/invoice-lines?invoice_id=${issued.body.id}`);
  expect(lines.status).toBe(200);
  expect(lines.body.data.map((line: { kind: string; amount_minor: number }) => [line.kind, line.amount_minor]).sort()).toEqual([['proration_credit', -1_234], ['subscription', 4_900]]);
  expect((await acme.agent.post('/api/invoice-lines').send({ invoice_id: issued.body.id })).status).toBe(405);
});
