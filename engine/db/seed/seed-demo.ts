import type { Knex } from 'knex';
import type { SecretBox } from '../../security/secret-box';
import { hashPassword } from '../../auth/passwords';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANTS, type DemoTenant } from './demo-tenants';
import { seedBillingAndFinance, seedPlans } from './seed-billing-finance';
import { seedCommerce } from './seed-commerce';
import { seedIdentityAndCrm } from './seed-identity-crm';
import { seedIntegrationsAndReporting } from './seed-integrations-reporting';

export interface DemoTenantSummary {
  slug: string;
  name: string;
  companyId: string;
  created: boolean;
  users: string[];
  counts: Record<string, number>;
}

const SUMMARY_TABLES = ['users', 'contacts', 'deals', 'contracts', 'contract_installments', 'payments', 'invoices', 'subscriptions'];

/**
 * Loads the two demo tenants. Idempotent: a tenant whose slug exists is left as it is.
 * Each tenant is written in one transaction, so a failure leaves no half-seeded tenant behind.
 */
export async function seedDemo(
  knex: Knex,
  secrets: SecretBox,
  tenants: DemoTenant[] = DEMO_TENANTS,
  demoPassword: string = process.env.LEDGERFLOW_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
): Promise<DemoTenantSummary[]> {
  const summaries: DemoTenantSummary[] = [];
  let passwordHash: string | undefined;
  for (const tenant of tenants) {
    const existing = await knex('companies').where({ slug: tenant.slug }).first();
    passwordHash ??= existing ? undefined : await hashPassword(demoPassword);
    const companyId: string = existing ? existing.id : await knex.transaction((trx) => seedTenant(trx, tenant, secrets, passwordHash as string));
    summaries.push({ slug: tenant.slug, name: tenant.name, companyId, created: !existing, users: tenant.users.map((u) => `${u.email} (${u.role})`), counts: await countRows(knex, companyId) });
  }
  return summaries;
}

async function seedTenant(trx: Knex.Transaction, tenant: DemoTenant, secrets: SecretBox, passwordHash: string): Promise<string> {
  const [company] = await trx('companies').insert({ name: tenant.name, slug: tenant.slug }).returning('id');
  await trx('company_settings').insert({ company_id: company.id, default_currency: tenant.currency, time_zone: tenant.timeZone });
  const planIds = await seedPlans(trx);
  const people = await seedIdentityAndCrm(trx, company.id, tenant, passwordHash);
  const { bankAccountId } = await seedCommerce(trx, company.id, tenant, people);
  await seedBillingAndFinance(trx, company.id, tenant, people, planIds, bankAccountId);
  await seedIntegrationsAndReporting(trx, company.id, tenant, people, secrets);
  return company.id;
}

async function countRows(knex: Knex, companyId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SUMMARY_TABLES) {
    const row = await knex(table).where({ company_id: companyId }).count('* as n').first();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
