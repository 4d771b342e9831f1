import type { Knex } from 'knex';
import { insertReturningId as insert } from './insert-returning-id';
import { DEMO_PLANS, type DemoTenant } from './demo-tenants';
import type { SeededPeople } from './seed-identity-crm';

/** The global plan catalogue: inserted once, shared by every tenant. */
export async function seedPlans(trx: Knex.Transaction): Promise<Record<string, string>> {
  await trx('plans').insert(DEMO_PLANS).onConflict('code').ignore();
  const plans = await trx('plans').whereIn('code', DEMO_PLANS.map((plan) => plan.code)).select('id', 'code');
  return Object.fromEntries(plans.map((plan: { id: string; code: string }) => [plan.code, plan.id]));
}

/** Subscription history, invoices with revenue allocations, expenses, and bank movements that are not payments. */
export async function seedBillingAndFinance(
  trx: Knex.Transaction,
  companyId: string,
  tenant: DemoTenant,
  people: SeededPeople,
  planIds: Record<string, string>,
  bankAccountId: string,
): Promise<void> {
  const row = (extra: Record<string, unknown>) => ({ company_id: companyId, ...extra });
  const currency = tenant.currency;
  await trx('subscriptions').insert(row({ plan_id: planIds[tenant.previousPlanCode], contact_id: people.contactIds[0], status: 'canceled', started_at: '2025-06-01T00:00:00Z', current_period_start: '2025-12-01', current_period_end: '2025-12-31', canceled_at: '2025-12-20T00:00:00Z', ended_at: '2025-12-31T23:59:59Z' }));
  const subscriptionId = await insert(trx, 'subscriptions', row({ plan_id: planIds[tenant.planCode], contact_id: people.contactIds[0], status: 'active', started_at: '2026-01-01T00:00:00Z', current_period_start: '2026-11-01', current_period_end: '2026-11-30' }));

  const categoryIds = {
    subscriptions: await insert(trx, 'revenue_categories', row({ code: 'SUBS', name: 'Subscriptions' })),
    services: await insert(trx, 'revenue_categories', row({ code: 'SERV', name: 'Professional services' })),
  };
  const costCenterIds = {
    sales: await insert(trx, 'cost_centers', row({ code: 'SALES', name: 'Sales' })),
    operations: await insert(trx, 'cost_centers', row({ code: 'OPS', name: 'Operations' })),
  };
  const prefix = `${tenant.slug.toUpperCase()}-INV-`;
  const invoices = [
    { number: 1, contact: 0, subtotal: 100_000, tax: 23_000, issue: '2026-10-01', due: '2026-10-31', status: 'paid', subscription: true },
    { number: 2, contact: 1, subtotal: 45_000, tax: 10_350, issue: '2026-10-15', due: '2026-11-14', status: 'open', subscription: false },
    { number: 3, contact: 2, subtotal: 80_000, tax: 18_400, issue: '2026-11-01', due: '2026-12-01', status: 'open', subscription: false },
  ];
  for (const invoice of invoices) {
    const total = invoice.subtotal + invoice.tax;
    const invoiceId = await insert(trx, 'invoices', row({
      contact_id: people.contactIds[invoice.contact], subscription_id: invoice.subscription ? subscriptionId : null,
      invoice_number: `${prefix}${String(invoice.number).padStart(4, '0')}`, status: invoice.status, currency,
      subtotal_minor: invoice.subtotal, tax_minor: invoice.tax, total_minor: total, amount_paid_minor: invoice.status === 'paid' ? total : 0,
      issue_date: invoice.issue, due_date: invoice.due, paid_at: invoice.status === 'paid' ? `${invoice.due}T08:00:00Z` : null,
    }));
    if (invoice.status !== 'paid') continue;
    // Revenue is the net amount, split 70/30 between categories and cost centers.
    const subscriptionShare = Math.round(invoice.subtotal * 0.7);
    await trx('revenues').insert([
      row({ invoice_id: invoiceId, revenue_category_id: categoryIds.subscriptions, cost_center_id: costCenterIds.sales, amount_minor: subscriptionShare, currency, recognized_on: invoice.due, description: 'Subscription share' }),
      row({ invoice_id: invoiceId, revenue_category_id: categoryIds.services, cost_center_id: costCenterIds.operations, amount_minor: invoice.subtotal - subscriptionShare, currency, recognized_on: invoice.due, description: 'Onboarding services' }),
    ]);
    await trx('bank_statement_entries').insert(row({ bank_account_id: bankAccountId, booked_on: invoice.due, amount_minor: total, currency, description: `Invoice ${prefix}${invoice.number}`, external_id: `stmt-inv-${invoice.number}` }));
  }
  await trx('company_settings').where({ company_id: companyId }).update({ invoice_prefix: prefix, next_invoice_number: invoices.length + 1 });

  const expenseCategoryIds = {
    rent: await insert(trx, 'expense_categories', row({ code: 'RENT', name: 'Rent' })),
    software: await insert(trx, 'expense_categories', row({ code: 'SOFT', name: 'Software' })),
  };
  const expenses = [
    { category: expenseCategoryIds.rent, center: costCenterIds.operations, description: 'Office rent, November', vendor_name: 'Demo Properties', amount_minor: 180_000, incurred_on: '2026-11-01', status: 'paid' },
    { category: expenseCategoryIds.software, center: costCenterIds.sales, description: 'CRM seats', vendor_name: 'SaaS Vendor', amount_minor: 12_900, incurred_on: '2026-11-03', status: 'approved' },
    { category: expenseCategoryIds.software, center: costCenterIds.operations, description: 'Accounting software', vendor_name: 'Ledger Tools', amount_minor: 4_999, incurred_on: '2026-11-05', status: 'recorded' },
  ];
  for (const expense of expenses) {
    await trx('expenses').insert(row({ expense_category_id: expense.category, cost_center_id: expense.center, description: expense.description, vendor_name: expense.vendor_name, amount_minor: expense.amount_minor, currency, incurred_on: expense.incurred_on, status: expense.status }));
  }
  await trx('bank_statement_entries').insert(row({ bank_account_id: bankAccountId, booked_on: '2026-11-01', amount_minor: -180_000, currency, description: 'Office rent, November', external_id: 'stmt-rent-2026-11' }));
  await insert(trx, 'bank_accounts', row({ name: 'Tax reserve', bank_name: 'Demo Bank', account_number_last4: '9930', currency, opening_balance_minor: 1_250_000 }));
}
