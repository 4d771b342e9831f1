import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RESOURCES } from '../../engine/api/resources/resource-table';
import { sortKeys } from '../../engine/api/resources/resource-schemas';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'acme');
  globex = await signUpCompany(h.server, 'globex');
});
afterAll(() => h.close());

async function contact(owner: SignedIn, name: string): Promise<string> {
  const response = await owner.agent.post('/api/contacts').send({ name });
  expect(response.status).toBe(201);
  return response.body.id;
}

test('create, get, PATCH and delete a contact; Location names the new row', async () => {
  const created = await acme.agent.post('/api/contacts').send({ name: 'Marta Sousa', kind: 'person', email: 'marta@example.test' });
  expect(created.status).toBe(201);
  expect(created.headers.location).toBe(`/api/contacts/${created.body.id}`);
  expect(created.body).toMatchObject({ name: 'Marta Sousa', kind: 'person', status: 'active', company_id: acme.companyId });
  expect((await acme.agent.get(`/api/contacts/${created.body.id}`)).body.email).toBe('marta@example.test');
  const patched = await acme.agent.patch(`/api/contacts/${created.body.id}`).send({ status: 'archived' });
  expect(patched.body).toMatchObject({ status: 'archived', name: 'Marta Sousa' });
  expect((await acme.agent.delete(`/api/contacts/${created.body.id}`)).status).toBe(204);
  expect((await acme.agent.get(`/api/contacts/${created.body.id}`)).status).toBe(404);
});

test('cursor pagination walks every row exactly once, in (created_at, id) order, both directions', async () => {
  const company = await signUpCompany(h.server, 'pager');
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) ids.push(await contact(company, `Contact ${i}`));
  for (const [sort, expected] of [['created_at', ids], ['-created_at', [...ids].reverse()]] as const) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await company.agent.get('/api/contacts').query({ limit: 2, sort, ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((row: { id: string }) => row.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  }
});

test('a cursor from another sort, or garbage, is a 400 problem', async () => {
  await contact(acme, 'A');
  await contact(acme, 'B');
  const first = await acme.agent.get('/api/contacts').query({ limit: 1 });
  const reused = await acme.agent.get('/api/contacts').query({ limit: 1, sort: '-created_at', cursor: first.body.next_cursor });
  expect(reused.status).toBe(400);
  expect(reused.body.errors[0].pointer).toBe('#/cursor');
  expect((await acme.agent.get('/api/contacts').query({ cursor: 'bm90LWpzb24' })).status).toBe(400);
});

test('filters match on indexed columns and sorting follows the declared keys', async () => {
  const lead = await acme.agent.post('/api/contacts').send({ name: 'Lead Co', status: 'lead' });
  const leads = await acme.agent.get('/api/contacts').query({ status: 'lead' });
  expect(leads.body.data.map((row: { id: string }) => row.id)).toEqual([lead.body.id]);
  for (const sku of ['B-2', 'A-1', 'C-3']) await acme.agent.post('/api/products').send({ sku, name: sku, currency: 'EUR' });
  const bySku = await acme.agent.get('/api/products').query({ sort: '-sku' });
  expect(bySku.body.data.map((row: { sku: string }) => row.sku)).toEqual(['C-3', 'B-2', 'A-1']);
  expect((await acme.agent.get('/api/products').query({ sort: 'name' })).status).toBe(400);
});

test('deleting a contact that deals still use is a 409 problem naming the blocking table', async () => {
  const contactId = await contact(acme, 'Has deals');
  expect((await acme.agent.post('/api/deals').send({ contact_id: contactId, title: 'Deal', currency: 'EUR' })).status).toBe(201);
  const blocked = await acme.agent.delete(`/api/contacts/${contactId}`);
  expect(blocked.status).toBe(409);
  expect(blocked.body).toMatchObject({ code: 'row_in_use', table: 'contacts', dependentTable: 'deals' });
  expect(blocked.body.detail).toBe('contacts row is still used by deals; remove those first');
});

test("a body pointing at another tenant's row is a 422 problem and writes nothing", async () => {
  const theirs = await contact(globex, 'Globex customer');
  const before = await h.db.knex('deals').count({ n: '*' }).first();
  const response = await acme.agent.post('/api/deals').send({ contact_id: theirs, title: 'Stolen', currency: 'EUR' });
  expect(response.status).toBe(422);
  expect(response.body).toMatchObject({ code: 'reference_not_found', column: 'contact_id' });
  expect(await h.db.knex('deals').count({ n: '*' }).first()).toEqual(before);
});

test('a webhook endpoint gets a generated signing secret, shown once and stored sealed', async () => {
  const created = await acme.agent.post('/api/webhook-endpoints').send({ url: 'https://hooks.example.test/in' });
  expect(created.status).toBe(201);
  expect(created.body.signing_secret).toMatch(/^whsec_/);
  expect(created.body).not.toHaveProperty('secret_encrypted');
  const stored = await h.db.knex('webhook_endpoints').where({ id: created.body.id }).first('secret_encrypted');
  expect(stored.secret_encrypted).toMatch(/^v1:/);
  expect(stored.secret_encrypted).not.toContain(created.body.signing_secret);
  expect((await acme.agent.get(`/api/webhook-endpoints/${created.body.id}`)).body).not.toHaveProperty('signing_secret');
});

test('installments and payments are read-only: no create, update or delete routes', async () => {
  expect((await acme.agent.post('/api/payments').send({ amount_minor: 100, currency: 'EUR' })).status).toBe(405);
  expect((await acme.agent.get('/api/contract-installments')).status).toBe(200);
});

test('every filterable and sortable column is backed by an index that starts (company_id, column)', async () => {
  const { rows } = await h.db.knex.raw(`
    SELECT t.relname AS table_name, a.attname AS column_name
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[1]
    JOIN pg_attribute c ON c.attrelid = t.oid AND c.attnum = i.indkey[0] AND c.attname = 'company_id'`);
  const indexed = new Set((rows as { table_name: string; column_name: string }[]).map((row) => `${row.table_name}.${row.column_name}`));
  const missing = RESOURCES.flatMap((resource) => [...resource.filters, ...sortKeys(resource)].map((column) => `${resource.table}.${column}`)).filter((key) => !indexed.has(key));
  expect(missing).toEqual([]);
});

test('writes emit <entity>.created/updated/deleted into the outbox with ids and amounts only; a refused write emits nothing', async () => {
  const contactId = await contact(acme, 'Event Customer');
  const events = () => h.db.knex('domain_events').where({ company_id: acme.companyId, entity_type: 'invoice' }).orderBy('created_at').select('name', 'entity_id', 'payload');
  // Invoices are issued through their action (the server numbers them); PATCH and DELETE are the generic resource's.
  const invoice = await acme.agent
    .post('/api/invoices')
    .send({ contact_id: contactId, currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30', lines: [{ kind: 'subscription', description: 'Pro', amount_minor: 12_345 }] });
  expect(invoice.status).toBe(201);
  await acme.agent.patch(`/api/invoices/${invoice.body.id}`).send({ due_date: '2026-12-15' });
  // An issued invoice is voided, never deleted: refused, and nothing emitted.
  expect((await acme.agent.delete(`/api/invoices/${invoice.body.id}`)).status).toBe(409);
  const deal = await acme.agent.post('/api/deals').send({ contact_id: contactId, title: 'Event deal', currency: 'EUR' });
  expect((await acme.agent.delete(`/api/deals/${deal.body.id}`)).status).toBe(204);
  const emitted = await events();
  expect(emitted.map((event: { name: string; entity_id: string }) => [event.name, event.entity_id])).toEqual([
    ['invoice.created', invoice.body.id],
    ['invoice.updated', invoice.body.id],
  ]);
  const dealEvents = await h.db.knex('domain_events').where({ company_id: acme.companyId, entity_type: 'deal', entity_id: deal.body.id }).orderBy('created_at').pluck('name');
  expect(dealEvents).toEqual(['deal.created', 'deal.deleted']);
  expect(emitted[0].payload).toEqual({
    contactId,
    subscriptionId: null,
    status: 'open',
    currency: 'EUR',
    subtotalMinor: 12_345,
    taxMinor: 0,
    totalMinor: 12_345,
    amountPaidMinor: 0,
    issueDate: '2026-11-01',
    dueDate: '2026-11-30',
  });
  expect(emitted[1].payload).toMatchObject({ status: 'open', totalMinor: 12_345, dueDate: '2026-12-15' });
  const refused = await acme.agent.post('/api/invoices').send({ contact_id: randomUUID(), currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30', lines: [{ kind: 'subscription', description: 'Pro', amount_minor: 100 }] });
  expect(refused.status).toBe(422);
  expect(await events()).toHaveLength(2);
});
