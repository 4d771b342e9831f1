import { Model, Page, QueryBuilder } from 'objection';
import { MissingTenantError } from '../errors/tenant-errors';

export interface TenantContext {
  companyId?: string;
}

/**
 * Every query of a tenant-owned model carries `company_id = <tenant>` in its WHERE clause.
 * A query built without a tenant in its context throws before any SQL is sent, so forgetting the tenant is impossible.
 */
export class TenantQueryBuilder<M extends Model, R = M[]> extends QueryBuilder<M, R> {
  declare ArrayQueryBuilderType: TenantQueryBuilder<M, M[]>;
  declare SingleQueryBuilderType: TenantQueryBuilder<M, M>;
  declare MaybeSingleQueryBuilderType: TenantQueryBuilder<M, M | undefined>;
  declare NumberQueryBuilderType: TenantQueryBuilder<M, number>;
  declare PageQueryBuilderType: TenantQueryBuilder<M, Page<M>>;

  // Objection's typings declare no constructor arguments; at run time it passes the model class through.
  constructor(...args: unknown[]) {
    super(...(args as []));
    this.onBuild((builder) => {
      const table = builder.modelClass().tableName;
      const companyId = (builder.context() as TenantContext).companyId;
      if (!companyId) throw new MissingTenantError(table);
      // Inserts get company_id in $beforeInsert; every read, update and delete is filtered here.
      if (!builder.isInsert()) builder.where(`${builder.tableRefFor(builder.modelClass())}.company_id`, companyId);
    });
  }
}
