import type { Knex } from 'knex';
import type { SecretBox } from '../../../engine/security/secret-box';
import type { HttpPaymentsCredentials } from '../credentials';

/** Stores a tenant's http-payments integration as the product does: base URL in config, API key sealed. */
export async function connectPaymentService(knex: Knex, secrets: SecretBox, companyId: string, baseUrl: string, apiKey: string, name = 'Card payments'): Promise<string> {
  const credentials: HttpPaymentsCredentials = { apiKey };
  const [row] = await knex('integrations')
    .insert({ company_id: companyId, connector: 'http-payments', name, config: { baseUrl }, credentials_encrypted: secrets.seal(JSON.stringify(credentials)) })
    .returning('id');
  return row.id as string;
}
