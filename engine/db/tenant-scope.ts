import type { Knex } from 'knex';
import type { Model, ModelClass, QueryBuilderType } from 'objection';
import { MissingTenantError } from './errors/tenant-errors';
import { translateDatabaseError } from './errors/constraint-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One tenant's view of the database: the only door to tenant-owned models. */
export interface TenantScope {
  readonly companyId: string;
  readonly knex: Knex;
  // Generic over the class, not the instance: inferring M from ModelClass<M> collapses to the base Model type.
  query<MC extends ModelClass<Model>>(model: MC): QueryBuilderType<InstanceType<MC>>;
  /** Runs `work` in one transaction: all of its writes land, or none do. Constraint failures come back typed. */
  transaction<T>(work: (scope: TenantScope) => Promise<T>): Promise<T>;
}

export function tenantScope(knex: Knex, companyId: string): TenantScope {
  if (!companyId || !UUID.test(companyId)) throw new MissingTenantError('(any table)');
  return {
    companyId,
    knex,
    query<MC extends ModelClass<Model>>(model: MC) {
      return model.query(knex).context({ companyId }) as QueryBuilderType<InstanceType<MC>>;
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
