import type { Knex } from 'knex';

export interface TenantFixture {
  companyId: string;
}

/** Inserts a company with its required settings row, in one transaction (the settings rule is checked at commit). */
export async function createTenant(knex: Knex, slug: string, currency = 'EUR'): Promise<TenantFixture> {
  return knex.transaction(async (trx) => {
    const [company] = await trx('companies').insert({ name: `Tenant ${slug}`, slug }).returning('id');
    await trx('company_settings').insert({ company_id: company.id, default_currency: currency, time_zone: 'Europe/Lisbon' });
    return { companyId: company.id as string };
  });
}

/** Inserts a row with raw knex and returns its id; rule tests use this to talk to the database without the models. */
export async function insertRow(knex: Knex, table: string, row: Record<string, unknown>): Promise<string> {
  const [inserted] = await knex(table).insert(row).returning('id');
  return inserted.id as string;
}
