import { insertRow } from '../helpers/tenant-fixtures';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let contactId: string;
let numbered = 0;

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'inv-status');
  contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Status Customer' });
});
afterAll(() => h.close());

type Status = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

/** An invoice already in `status`, written directly: drafts and settled invoices are the starting points under test. */
async function invoiceIn(status: Status, totalMinor = 12_345): Promise<string> {
  numbered += 1;
  return insertRow(h.db.knex, 'invoices', {
    company_id: acme.companyId, contact_id: contactId, invoice_number: `ST-${numbered}`, status, currency: 'EUR', subtotal_minor: totalMinor, total_minor: totalMinor,
    amount_paid_minor: status === 'paid' ? totalMinor : 0, paid_at: status === 'paid' ? '2026-11-10T10:00:00Z' : null, issue_date: '2026-11-01', due_date: '2026-11-30',
  });
}

const act = (id: string, action: string) => acme.agent.post(`/api/invoices/${id}/${action}`).send({});
const stored = (id: string) => h.db.knex('invoices').where({ id }).first('status', 'total_minor', 'amount_paid_minor', 'paid_at');
// Events of one transaction share occurred_at, so they are compared in name order within it.
const eventsOf = (id: string) => h.db.knex('domain_events').where({ company_id: acme.companyId, entity_id: id }).orderBy(['occurred_at', 'name']).pluck('name');

test('finalize moves a draft to open and emits invoice.finalized with the amounts', async () => {
  const id = await invoiceIn('draft');
  const response = await act(id, 'finalize');
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ id, status: 'open', total_minor: 12_345, amount_paid_minor: 0, paid_at: null });
  expect(await eventsOf(id)).toEqual(['invoice.finalized']);
  const event = await h.db.knex('domain_events').where({ entity_id: id }).first('payload');
  expect(event.payload).toMatchObject({ status: 'open', totalMinor: 12_345, currency: 'EUR' });
});

test('finalizing a draft that comes to zero settles it: paid, paid_at set, invoice.finalized then invoice.paid', async () => {
  const id = await invoiceIn('draft', 0);
  const response = await act(id, 'finalize');
  expect(response.status).toBe(200);
  expect(response.body.status).toBe('paid');
  expect(response.body.paid_at).not.toBeNull();
  expect(await eventsOf(id)).toEqual(['invoice.finalized', 'invoice.paid']);
});

test('mark-uncollectible moves an open invoice to uncollectible, and void then moves it to void, each with its event', async () => {
  const id = await invoiceIn('open');
  const marked = await act(id, 'mark-uncollectible');
  expect([marked.status, marked.body.status]).toEqual([200, 'uncollectible']);
  const voided = await act(id, 'void');
  expect([voided.status, voided.body.status]).toEqual([200, 'void']);
  expect(await eventsOf(id)).toEqual(['invoice.marked_uncollectible', 'invoice.voided']);
});

test('void moves an open invoice with nothing paid to void', async () => {
  const id = await invoiceIn('open');
  const response = await act(id, 'void');
  expect([response.status, response.body.status]).toEqual([200, 'void']);
  expect(await stored(id)).toMatchObject({ status: 'void', total_minor: 12_345 });
});

test.each([
  ['draft', 'void'], ['draft', 'mark-uncollectible'],
  ['open', 'finalize'],
  ['uncollectible', 'finalize'], ['uncollectible', 'mark-uncollectible'],
  ['paid', 'finalize'], ['paid', 'void'], ['paid', 'mark-uncollectible'],
  ['void', 'finalize'], ['void', 'void'], ['void', 'mark-uncollectible'],
] as const)('a %s invoice refuses %s: 409 problem naming the status, row and outbox unchanged', async (status, action) => {
  const id = await invoiceIn(status);
  const before = await stored(id);
  const response = await act(id, action);
  expect(response.status).toBe(409);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.code).toBe('conflict');
  expect(response.body.detail).toContain(`The invoice is ${status};`);
  expect(await stored(id)).toEqual(before);
  expect(await eventsOf(id)).toEqual([]);
});

test('an open invoice with a part paid cannot be voided: 409 naming the amount paid, still open', async () => {
  const id = await invoiceIn('open');
  const paid = await acme.agent.post(`/api/invoices/${id}/payments`).set('Idempotency-Key', `part-${id}`).send({ amount_minor: 2_000, currency: 'EUR' });
  expect(paid.status).toBe(201);
  const response = await act(id, 'void');
  expect(response.status).toBe(409);
  expect(response.body.detail).toBe('The invoice is open with 2000 EUR minor units paid; reverse its payments before voiding it');
  expect(await stored(id)).toMatchObject({ status: 'open', amount_paid_minor: 2_000 });
});

test('PATCH cannot write status at all: 400 for every status, the row unchanged', async () => {
  const id = await invoiceIn('open');
  for (const status of ['draft', 'open', 'paid', 'void', 'uncollectible']) {
    const response = await acme.agent.patch(`/api/invoices/${id}`).send({ status });
    expect([status, response.status]).toEqual([status, 400]);
  }
  expect((await stored(id)).status).toBe('open');
});

test('a draft takes new amounts by PATCH, to the minor unit', async () => {
  const id = await invoiceIn('draft');
  const response = await acme.agent.patch(`/api/invoices/${id}`).send({ subtotal_minor: 10_000, tax_minor: 2_300, total_minor: 12_300, issue_date: '2026-11-02' });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ status: 'draft', subtotal_minor: 10_000, tax_minor: 2_300, total_minor: 12_300, issue_date: '2026-11-02' });
});

test('an open invoice refuses amount, currency and issue-date changes with a 409 naming the fields, but takes a new due date', async () => {
  const id = await invoiceIn('open');
  const refused = await acme.agent.patch(`/api/invoices/${id}`).send({ subtotal_minor: 1, total_minor: 1, currency: 'USD' });
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toContain('The invoice is open;');
  expect(refused.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['#/subtotal_minor', '#/total_minor', '#/currency']);
  expect(await stored(id)).toMatchObject({ total_minor: 12_345 });
  const moved = await acme.agent.patch(`/api/invoices/${id}`).send({ due_date: '2026-12-15' });
  expect([moved.status, moved.body.due_date]).toEqual([200, '2026-12-15']);
});

test.each(['paid', 'void'] as const)('a %s invoice takes no PATCH at all: 409 naming the status', async (status) => {
  const id = await invoiceIn(status);
  const response = await acme.agent.patch(`/api/invoices/${id}`).send({ due_date: '2026-12-15' });
  expect(response.status).toBe(409);
  expect(response.body.detail).toBe(`The invoice is ${status}; a ${status} invoice cannot be changed`);
});

test('only a draft is deleted: an open invoice is a 409 naming its status, a draft is gone with invoice.deleted', async () => {
  const open = await invoiceIn('open');
  const refused = await acme.agent.delete(`/api/invoices/${open}`);
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe('The invoice is open; only a draft invoice can be deleted (void an open one instead)');
  const draft = await invoiceIn('draft');
  expect((await acme.agent.delete(`/api/invoices/${draft}`)).status).toBe(204);
  expect(await eventsOf(draft)).toEqual(['invoice.deleted']);
});

test("another tenant's invoice is a 404 for every action", async () => {
  const globex = await signUpCompany(h.server, 'inv-status-other');
  const theirContact = await insertRow(h.db.knex, 'contacts', { company_id: globex.companyId, name: 'Other' });
  const theirs = await insertRow(h.db.knex, 'invoices', { company_id: globex.companyId, contact_id: theirContact, invoice_number: 'G-1', status: 'draft', currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30' });
  for (const action of ['finalize', 'void', 'mark-uncollectible']) expect([action, (await act(theirs, action)).status]).toEqual([action, 404]);
  expect((await h.db.knex('invoices').where({ id: theirs }).first('status')).status).toBe('draft');
});
