import { purgeCompany, restoreCompany, softDeleteCompany } from '../../engine/db/company-lifecycle';
import { createBillingGraph, pay } from '../helpers/billing-fixtures';
import { SEED_TABLES } from '../helpers/seed-tables';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
});
afterAll(() => db.drop());

describe('RESTRICT', () => {
  test('a contract with installments cannot be deleted; one without can', async () => {
    const graph = await createBillingGraph(db.knex, tenant);
    await expect(db.knex('contracts').where({ id: graph.contractId }).delete()).rejects.toThrow(/contract_installments_contract_id_fkey/);
    const bare = await createBillingGraph(db.knex, tenant, []);
    await expect(db.knex('contracts').where({ id: bare.contractId }).delete()).resolves.toBe(1);
  });

  test('an installment with payments cannot be deleted; one without can', async () => {
    const graph = await createBillingGraph(db.knex, tenant);
    await pay(db.knex, tenant, graph.installmentIds[0], 500);
    await expect(db.knex('contract_installments').where({ id: graph.installmentIds[0] }).delete()).rejects.toThrow(/payments_installment_id_fkey/);
    await expect(db.knex('contract_installments').where({ id: graph.installmentIds[1] }).delete()).resolves.toBe(1);
  });

  test('a bank account with payments cannot be deleted', async () => {
    const graph = await createBillingGraph(db.knex, tenant);
    await pay(db.knex, tenant, graph.installmentIds[0], 500, { bank_account_id: graph.bankAccountId });
    await expect(db.knex('bank_accounts').where({ id: graph.bankAccountId }).delete()).rejects.toThrow(/payments_bank_account_id_fkey/);
  });

  test('a bank account with statement entries cannot be deleted; an unused one can', async () => {
    const graph = await createBillingGraph(db.knex, tenant);
    await insertRow(db.knex, 'bank_statement_entries', { company_id: tenant, bank_account_id: graph.bankAccountId, booked_on: '2026-11-02', amount_minor: 1500, currency: 'EUR' });
    await expect(db.knex('bank_accounts').where({ id: graph.bankAccountId }).delete()).rejects.toThrow(/bank_statement_entries_bank_account_id_fkey/);
    const unused = await insertRow(db.knex, 'bank_accounts', { company_id: tenant, name: 'Spare', currency: 'EUR' });
    await expect(db.knex('bank_accounts').where({ id: unused }).delete()).resolves.toBe(1);
  });

  test('an invoice with revenues cannot be deleted', async () => {
    const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Payer' });
    const invoiceId = await insertRow(db.knex, 'invoices', { company_id: tenant, contact_id: contactId, invoice_number: 'INV-9', currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-15', subtotal_minor: 1000, total_minor: 1000 });
    const categoryId = await insertRow(db.knex, 'revenue_categories', { company_id: tenant, code: 'SUB', name: 'Subscriptions' });
    const costCenterId = await insertRow(db.knex, 'cost_centers', { company_id: tenant, code: 'OPS', name: 'Operations' });
    await insertRow(db.knex, 'revenues', { company_id: tenant, invoice_id: invoiceId, revenue_category_id: categoryId, cost_center_id: costCenterId, amount_minor: 1000, currency: 'EUR', recognized_on: '2026-11-01' });
    await expect(db.knex('invoices').where({ id: invoiceId }).delete()).rejects.toThrow(/revenues_invoice_id_fkey/);
  });
});

describe('SET NULL', () => {
  test('deleting a user clears deals.owner_user_id, tasks.assigned_to and calendar_events.created_by, and keeps the rows in their tenant', async () => {
    const userId = await insertRow(db.knex, 'users', { company_id: tenant, email: 'leaver@acme.test', name: 'Leaver' });
    const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Client' });
    const dealId = await insertRow(db.knex, 'deals', { company_id: tenant, contact_id: contactId, owner_user_id: userId, title: 'Deal', currency: 'EUR' });
    const taskId = await insertRow(db.knex, 'tasks', { company_id: tenant, entity_type: 'contact', entity_id: contactId, title: 'Follow up', assigned_to: userId });
    const eventId = await insertRow(db.knex, 'calendar_events', { company_id: tenant, entity_type: 'deal', entity_id: dealId, title: 'Demo', starts_at: '2026-12-01T10:00:00Z', ends_at: '2026-12-01T11:00:00Z', created_by: userId });
    await db.knex('users').where({ id: userId }).delete();
    expect(await db.knex('deals').where({ id: dealId }).first()).toMatchObject({ owner_user_id: null, company_id: tenant });
    expect(await db.knex('tasks').where({ id: taskId }).first()).toMatchObject({ assigned_to: null, company_id: tenant });
    expect(await db.knex('calendar_events').where({ id: eventId }).first()).toMatchObject({ created_by: null, company_id: tenant });
  });
});

describe('companies', () => {
  test('soft delete sets deleted_at and keeps the data; restore clears it', async () => {
    const other = (await createTenant(db.knex, 'soft')).companyId;
    await insertRow(db.knex, 'contacts', { company_id: other, name: 'Kept' });
    await softDeleteCompany(db.knex, other);
    expect((await db.knex('companies').where({ id: other }).first()).deleted_at).not.toBeNull();
    expect(await db.knex('contacts').where({ company_id: other })).toHaveLength(1);
    await restoreCompany(db.knex, other);
    expect((await db.knex('companies').where({ id: other }).first()).deleted_at).toBeNull();
  });

  test('purge refuses a company that was not soft-deleted first', async () => {
    await expect(purgeCompany(db.knex, tenant)).rejects.toThrow(/must be soft-deleted before it can be purged/);
  });

  test('purge removes every row of the tenant in every table and leaves other tenants whole', async () => {
    const doomed = (await createTenant(db.knex, 'doomed')).companyId;
    const survivor = (await createTenant(db.knex, 'survivor')).companyId;
    for (const companyId of [doomed, survivor]) {
      const graph = await createBillingGraph(db.knex, companyId);
      const paymentId = await pay(db.knex, companyId, graph.installmentIds[0], 700, { bank_account_id: graph.bankAccountId });
      await pay(db.knex, companyId, graph.installmentIds[0], 200, { kind: 'reversal', reverses_payment_id: paymentId });
      await insertRow(db.knex, 'documents', { company_id: companyId, entity_type: 'contract', entity_id: graph.contractId, file_name: 'c.pdf', content_type: 'application/pdf', size_bytes: 10, storage_key: 'k' });
      await insertRow(db.knex, 'company_domains', { company_id: companyId, domain_name: `${companyId}.test`, is_primary: true });
    }
    const survivorRowsBefore = await countRows(survivor);
    await softDeleteCompany(db.knex, doomed);
    await purgeCompany(db.knex, doomed);
    expect(await countRows(doomed)).toBe(0);
    expect(await db.knex('companies').where({ id: doomed })).toHaveLength(0);
    expect(await countRows(survivor)).toBe(survivorRowsBefore);
  });
});

async function countRows(companyId: string): Promise<number> {
  let total = 0;
  for (const table of SEED_TABLES.filter((t) => t !== 'companies' && t !== 'plans')) {
    const row = await db.knex(table).where({ company_id: companyId }).count('* as n').first();
    total += Number(row?.n ?? 0);
  }
  return total;
}
