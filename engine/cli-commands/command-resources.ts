import type { Knex } from 'knex';
import { tenantScope, type TenantScope } from '../db/tenant-scope';
import { connectClient, type TemporalClient, type TemporalEndpoint } from '../temporal/client-connection';
import { dataDirFrom } from '../runtime/data-dir';
import { openDatabase } from '../runtime/open-database';
import { resolveTemporalEndpoint } from '../runtime/temporal-endpoint';
import { CliFailure } from './cli-command';

export { coreActionCatalogue } from '../definition-store/core-catalogue';

export async function withDatabase<T>(env: NodeJS.ProcessEnv, work: (knex: Knex) => Promise<T>): Promise<T> {
  const database = await openDatabase(env, dataDirFrom(env));
  try {
    return await work(database.knex);
  } finally {
    await database.close();
  }
}

/** The tenant named by its slug; a deleted or unknown tenant is a clear error, not an empty result. */
export async function tenantBySlug(knex: Knex, slug: string): Promise<TenantScope> {
  const company = await knex('companies').where({ slug }).whereNull('deleted_at').first('id');
  if (!company) throw new CliFailure(`No tenant with slug "${slug}"`);
  return tenantScope(knex, company.id as string);
}

export async function withTemporal<T>(env: NodeJS.ProcessEnv, work: (temporal: TemporalClient, endpoint: TemporalEndpoint) => Promise<T>): Promise<T> {
  const endpoint = resolveTemporalEndpoint(env, dataDirFrom(env));
  const temporal = await connectClient(endpoint);
  try {
    return await work(temporal, endpoint);
  } finally {
    await temporal.close();
  }
}
