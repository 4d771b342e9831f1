import type { Knex } from 'knex';
import { insertReturningId as insert } from './insert-returning-id';
import { scheduleInstallments } from '../../billing/installment-schedule';
import type { DemoTenant } from './demo-tenants';
import type { SeededPeople } from './seed-identity-crm';

/** Catalogue, sales with stock movements, and contracts with installment schedules and (partial) payments. */
export async function seedCommerce(trx: Knex.Transaction, companyId: string, tenant: DemoTenant, people: SeededPeople): Promise<{ bankAccountId: string }> {
  const row = (extra: Record<string, unknown>) => ({ company_id: companyId, ...extra });
  const currency = tenant.currency;
  const products = [
    { sku: 'OVEN-PRO', name: 'Convection oven', unit_price_minor: 489_900 },
    { sku: 'MIXER-20', name: 'Planetary mixer 20L', unit_price_minor: 129_950 },
    { sku: 'TRAY-SET', name: 'Baking tray set', unit_price_minor: 8_999 },
  ];
  const productIds: string[] = [];
  for (const product of products) {
    const productId = await insert(trx, 'products', row({ ...product, currency }));
    await trx('inventory_movements').insert(row({ product_id: productId, quantity: 25, reason: 'purchase', occurred_at: '2026-01-05T08:00:00Z' }));
    productIds.push(productId);
  }
  const serviceIds = [
    await insert(trx, 'services', row({ code: 'INSTALL', name: 'Installation', unit_price_minor: 15_000, currency, billing_unit: 'unit' })),
    await insert(trx, 'services', row({ code: 'SUPPORT', name: 'Support hour', unit_price_minor: 7_500, currency, billing_unit: 'hour' })),
  ];

  const lines = [
    { product_id: productIds[0], quantity: 1, unit_price_minor: 489_900 },
    { service_id: serviceIds[0], quantity: 1, unit_price_minor: 15_000 },
    { product_id: productIds[2], quantity: 3, unit_price_minor: 8_999 },
  ];
  const saleId = await insert(trx, 'sales', row({ contact_id: people.contactIds[0], sale_number: `${tenant.slug.toUpperCase()}-S-001`, status: 'fulfilled', currency, total_minor: lines.reduce((sum, line) => sum + line.quantity * line.unit_price_minor, 0), sold_at: '2026-02-10T12:00:00Z' }));
  for (const line of lines) {
    const itemId = await insert(trx, 'sale_items', row({ sale_id: saleId, ...line, total_minor: line.quantity * line.unit_price_minor, currency }));
    if (line.product_id) await trx('inventory_movements').insert(row({ product_id: line.product_id, sale_item_id: itemId, quantity: -line.quantity, reason: 'sale', occurred_at: '2026-02-10T12:00:00Z' }));
  }
  await insert(trx, 'sales', row({ contact_id: people.contactIds[3], sale_number: `${tenant.slug.toUpperCase()}-S-002`, status: 'draft', currency, total_minor: 0 }));

  const bankAccountId = await insert(trx, 'bank_accounts', row({ name: 'Operating account', bank_name: 'Demo Bank', account_number_last4: '4821', currency, opening_balance_minor: 5_000_000 }));
  for (const contract of tenant.contracts) {
    const contractId = await insert(trx, 'contracts', row({
      contact_id: people.contactIds[contract.contact], contract_number: contract.number, title: contract.title, status: 'active', currency,
      total_minor: contract.totalMinor, installment_count: contract.count, first_due_date: contract.firstDueDate, interval_unit: 'month', interval_count: 1, signed_at: '2026-01-02T10:00:00Z',
    }));
    const schedule = scheduleInstallments({ totalMinor: contract.totalMinor, count: contract.count, firstDueDate: contract.firstDueDate, intervalUnit: 'month', intervalCount: 1 });
    for (const installment of schedule) {
      const installmentId = await insert(trx, 'contract_installments', row({ contract_id: contractId, sequence: installment.sequence, due_date: installment.dueDate, currency, principal_minor: installment.principalMinor }));
      const paid = installment.sequence <= contract.paidInstallments;
      const partial = installment.sequence === contract.paidInstallments + 1 && contract.partialMinor > 0;
      if (!paid && !partial) continue;
      const paymentId = await insert(trx, 'payments', row({
        installment_id: installmentId, contact_id: people.contactIds[contract.contact], bank_account_id: bankAccountId, amount_minor: paid ? installment.principalMinor : contract.partialMinor,
        currency, received_at: `${installment.dueDate}T09:30:00Z`, method: 'bank_transfer', external_reference: `${contract.number}-${installment.sequence}`,
      }));
      await trx('bank_statement_entries').insert(row({ bank_account_id: bankAccountId, payment_id: paymentId, booked_on: installment.dueDate, amount_minor: paid ? installment.principalMinor : contract.partialMinor, currency, description: `Transfer ${contract.number}/${installment.sequence}`, external_id: `stmt-${contract.number}-${installment.sequence}` }));
    }
  }
  return { bankAccountId };
}
