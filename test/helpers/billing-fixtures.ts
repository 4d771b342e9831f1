import type { Knex } from 'knex';
import { insertRow } from './tenant-fixtures';

/** Minimal rows that billing rule tests build on, written with raw knex so the database alone is under test. */
export interface BillingGraph {
  contactId: string;
  contractId: string;
  installmentIds: string[];
  bankAccountId: string;
}

export async function createBillingGraph(knex: Knex, companyId: string, installments = [10000, 10000]): Promise<BillingGraph> {
  const contactId = await insertRow(knex, 'contacts', { company_id: companyId, name: 'Customer' });
  const contractId = await insertRow(knex, 'contracts', {
    company_id: companyId,
    contact_id: contactId,
    contract_number: `C-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Service agreement',
    currency: 'EUR',
    total_minor: installments.reduce((sum, amount) => sum + amount, 0),
    installment_count: Math.max(1, installments.length),
    first_due_date: '2026-01-31',
  });
  const installmentIds: string[] = [];
  for (const [index, principal] of installments.entries()) {
    installmentIds.push(
      await insertRow(knex, 'contract_installments', {
        company_id: companyId,
        contract_id: contractId,
        sequence: index + 1,
        due_date: `2026-0${index + 1}-28`,
        currency: 'EUR',
        principal_minor: principal,
      }),
    );
  }
  const bankAccountId = await insertRow(knex, 'bank_accounts', { company_id: companyId, name: 'Operating', currency: 'EUR' });
  return { contactId, contractId, installmentIds, bankAccountId };
}

export async function pay(
  knex: Knex,
  companyId: string,
  installmentId: string,
  amountMinor: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return insertRow(knex, 'payments', { company_id: companyId, installment_id: installmentId, amount_minor: amountMinor, currency: 'EUR', ...extra });
}
