import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import * as models from '../../engine/db/models';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createTenant } from '../helpers/tenant-fixtures';

export interface TenantGraph {
  companyId: string;
  userId: string;
  contactId: string;
  dealId: string;
  roleId: string;
}

/** The ten bytes each graph document holds (its size_bytes). */
const PDF_BYTES = Buffer.from('%PDF-1.7\n\n');

/** One global plan both tenants subscribe to: the shared parent that a missing tenant filter would leak through. */
export async function createSharedPlan(knex: Knex): Promise<models.Plan> {
  return models.Plan.query(knex).insert({ code: 'pro', name: 'Pro', currency: 'EUR', amount_minor: 4900, interval_unit: 'month' });
}

/**
 * Gives a tenant one row in every table, linked along every relation of the seed, with the same names and numbers
 * in every tenant, so a query that forgot the tenant would find the other tenant's twin.
 */
export async function createTenantGraph(knex: Knex, slug: string, plan: models.Plan): Promise<TenantGraph> {
  const { companyId } = await createTenant(knex, slug);
  return tenantScope(knex, companyId).transaction(async (scope) => {
    const trx = scope.knex;
    const q = scope.query.bind(scope);
    await q(models.TenantSetting).insert({ key: 'theme', value: 'dark' });
    await q(models.CompanyDomain).insert({ domain_name: `${slug}.example`, is_primary: true });

    const user = await q(models.User).insert({ email: 'ana@example.com', name: 'Ana', password_hash: 'argon2-hash' });
    await user.$relatedQuery('sessions', trx).insert({ token_hash: `session-${slug}`, expires_at: '2030-01-01T00:00:00.000Z' });
    await user.$relatedQuery('oauthAccounts', trx).insert({ provider: 'google', provider_account_id: 'g-1', access_token_encrypted: 'ct' });
    await user.$relatedQuery('twoFactor', trx).insert({ secret_encrypted: 'ct', recovery_code_hashes: ['h1'] });
    await user.$relatedQuery('passwordResetTokens', trx).insert({ token_hash: `reset-${slug}`, expires_at: '2030-01-01T00:00:00.000Z' });
    await user
      .$relatedQuery('emailVerificationTokens', trx)
      .insert({ token_hash: `verify-${slug}`, email: 'ana@example.com', expires_at: '2030-01-01T00:00:00.000Z' });
    const role = await q(models.UserRole).insert({ key: 'admin', name: 'Admin', permissions: ['*'] });
    await user.$relatedQuery('roles', trx).relate(role);
    await q(models.ApiKey).insert({ role_id: role.id, created_by_user_id: user.id, name: 'Zapier', token_prefix: 'lf_abcd', token_hash: `key-${slug}` });
    await user.$relatedQuery('notifications', trx).insert({ kind: 'welcome', title: 'Welcome' });

    const contact = await q(models.Contact).insert({ name: 'Carla Customer' });
    const deal = await contact.$relatedQuery('deals', trx).insert({ title: 'Big deal', currency: 'EUR', owner_user_id: user.id });

    const product = await q(models.Product).insert({ sku: 'SKU-1', name: 'Widget', currency: 'EUR', unit_price_minor: 500 });
    const service = await q(models.Service).insert({ name: 'Setup', currency: 'EUR', unit_price_minor: 1000 });
    const sale = await contact.$relatedQuery('sales', trx).insert({ sale_number: 'S-1', currency: 'EUR' });
    const item = await sale.$relatedQuery('items', trx).insert({ product_id: product.id, quantity: '2', currency: 'EUR' });
    await sale.$relatedQuery('items', trx).insert({ service_id: service.id, quantity: '1.5', currency: 'EUR' });
    await product.$relatedQuery('inventoryMovements', trx).insert({ quantity: -2, reason: 'sale', sale_item_id: item.id });

    const subscription = await q(models.Subscription).insert({ plan_id: plan.id, status: 'active', contact_id: contact.id });
    const invoice = await contact
      .$relatedQuery('invoices', trx)
      .insert({ invoice_number: 'INV-1', currency: 'EUR', issue_date: '2030-01-01', due_date: '2030-01-31', subscription_id: subscription.id });
    await q(models.InvoiceLine).insert({
      invoice_id: invoice.id, subscription_id: subscription.id, plan_id: plan.id, kind: 'subscription', description: 'Pro, January',
      period_start: '2030-01-01', period_end: '2030-02-01', currency: 'EUR', amount_minor: 4900,
    });
    const revenueCategory = await q(models.RevenueCategory).insert({ code: 'SUB', name: 'Subscriptions' });
    const costCenter = await q(models.CostCenter).insert({ code: 'OPS', name: 'Operations' });
    await invoice
      .$relatedQuery('revenues', trx)
      .insert({ revenue_category_id: revenueCategory.id, cost_center_id: costCenter.id, amount_minor: 100, currency: 'EUR', recognized_on: '2030-01-01' });
    const expenseCategory = await q(models.ExpenseCategory).insert({ code: 'RENT', name: 'Rent' });
    const expense = await expenseCategory
      .$relatedQuery('expenses', trx)
      .insert({ cost_center_id: costCenter.id, description: 'Office', amount_minor: 900, currency: 'EUR', incurred_on: '2030-01-02' });

    const contract = await contact
      .$relatedQuery('contracts', trx)
      .insert({ contract_number: 'C-1', title: 'Loan', currency: 'EUR', total_minor: 1000, installment_count: 1, first_due_date: '2030-02-01' });
    const installment = await contract
      .$relatedQuery('installments', trx)
      .insert({ sequence: 1, due_date: '2030-02-01', currency: 'EUR', principal_minor: 1000 });
    const bankAccount = await q(models.BankAccount).insert({ name: 'Main', currency: 'EUR', iban_encrypted: 'ct' });
    const payment = await installment
      .$relatedQuery('payments', trx)
      .insert({ amount_minor: 400, currency: 'EUR', bank_account_id: bankAccount.id, invoice_id: invoice.id, contact_id: contact.id });
    await q(models.Payment).insert({ kind: 'reversal', reverses_payment_id: payment.id, installment_id: installment.id, amount_minor: 100, currency: 'EUR' });
    await bankAccount.$relatedQuery('statementEntries', trx).insert({ booked_on: '2030-02-01', amount_minor: 400, currency: 'EUR', payment_id: payment.id });

    const definition = await q(models.WorkflowDefinition).insert({ key: 'dunning', name: 'Dunning' });
    const version = await definition
      .$relatedQuery('versions', trx)
      .insert({ version: 1, status: 'published', document: { steps: [] }, checksum: 'c'.repeat(64), published_by: user.id });
    const run = await q(models.WorkflowRun).insert({
      workflow_id: `dunning-${slug}`,
      definition_id: definition.id,
      definition_version_id: version.id,
      definition_key: 'dunning',
      definition_version: 1,
      trigger_kind: 'manual',
    });

    await q(models.OutboundEmail).insert({ dedupe_key: `mail-${slug}`, recipient: 'a@example.test', subject: 'Hi', message_id: '<m@x>' });
    await q(models.DomainEvent).insert({ event_id: `evt-${slug}`, name: 'invoice.overdue', entity_type: 'invoice', entity_id: invoice.id, payload: { amountDue: 100 } });
    await q(models.DunningAttempt).insert({ invoice_id: invoice.id, contact_id: contact.id, kind: 'reminder', sequence: 0, channel: 'email', outcome: 'sent', attempted_on: '2030-02-01', amount_due_minor: 100, currency: 'EUR', dedupe_key: `invoice:${invoice.id}:dunning:0` });
    for (const host of [contact, deal, invoice, contract, installment, payment, sale, product, service, subscription, expense, bankAccount, run]) {
      await host.$relatedQuery('attachedActivities', trx).insert({ kind: 'note', subject: 'Met', contact_id: contact.id, deal_id: deal.id, actor_user_id: user.id });
      const document = (await host.$relatedQuery('documents', trx).insert({ file_name: 'a.pdf', content_type: 'application/pdf', size_bytes: 10, storage_key: 'k', uploaded_by: user.id })) as unknown as models.Document;
      await q(models.DocumentContent).insert({ document_id: document.id, content: PDF_BYTES, sha256: createHash('sha256').update(PDF_BYTES).digest('hex') });
      await host.$relatedQuery('tasks', trx).insert({ title: 'Follow up', assigned_to: user.id });
      await host.$relatedQuery('calendarEvents', trx).insert({ title: 'Visit', starts_at: '2030-01-01T10:00:00Z', ends_at: '2030-01-01T11:00:00Z', created_by: user.id });
    }

    await q(models.Integration).insert({ connector: 'stripe', name: 'Stripe', credentials_encrypted: 'ct' });
    const endpoint = await q(models.WebhookEndpoint).insert({ url: 'https://hooks.example/in', secret_encrypted: 'ct' });
    await endpoint.$relatedQuery('deliveries', trx).insert({ event_type: 'invoice.paid', event_id: 'evt-1', payload: { id: 1 } });
    await models.JobQueue.query(trx).insert({ company_id: companyId, kind: 'dunning.scan' });
    await q(models.ReportSchedule).insert({ name: 'Monthly', report_kind: 'revenue', cron: '0 8 1 * *' });
    await q(models.Kpi).insert({ key: 'mrr', name: 'MRR', unit: 'money', currency: 'EUR', target_value: '100000.5' });

    return { companyId, userId: user.id, contactId: contact.id, dealId: deal.id, roleId: role.id };
  });
}
