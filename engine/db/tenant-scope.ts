import type { Knex } from 'knex';
import type { Model, ModelClass, QueryBuilderType } from 'objection';
import { MissingTenantError } from './errors/tenant-errors';
import { translateDatabaseError } from './errors/constraint-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One tenant's view of the database: the only door to tenant-owned models. */
export interface TenantScope {
  readonly companyId: string;
  readonly knex: Knex;
  query<M extends Model>(model: ModelClass<M>): QueryBuilderType<M>;
  /** Runs `work` in one transaction: all of its writes land, or none do. Constraint failures come back typed. */
  transaction<T>(work: (scope: TenantScope) => Promise<T>): Promise<T>;
}

export function tenantScope(knex: Knex, companyId: string): TenantScope {
  if (!companyId || !UUID.test(companyId)) throw new MissingTenantError('(any table)');
  return {
    companyId,
    knex,
    query<M extends Model>(model: ModelClass<M>) {
      return model.query(knex).context({ companyId }) as QueryBuilderType<M>;
    },
    async transaction<T>(work: (scope: TenantScope) => Promise<T>): Promise<T> {
      try {
        return await knex.transaction((trx) => work(tenantScope(trx, companyId)));
      } catch (error) {
        throw translateDatabaseError(error);
      }
    },
  };
}
