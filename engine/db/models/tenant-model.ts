import { Model, type ModelOptions, type Pojo, type QueryContext } from 'objection';
import { CrossTenantWriteError, MissingTenantError } from '../errors/tenant-errors';
import { TenantQueryBuilder, type TenantContext } from './tenant-query-builder';

/** Rows with ids, timestamps and JSON handling shared by every Ledgerflow model. */
export class BaseModel extends Model {
  id!: string;
  created_at!: string;
  updated_at!: string;

  static override get modelPaths(): string[] {
    return [__dirname];
  }

  static override useLimitInFirst = true;

  // pg parses timestamptz into Date; instants are typed and validated as ISO-8601 UTC strings, so convert on the way in.
  override $parseDatabaseJson(json: Pojo): Pojo {
    const parsed = super.$parseDatabaseJson(json);
    for (const key of Object.keys(parsed)) if (parsed[key] instanceof Date) parsed[key] = parsed[key].toISOString();
    return parsed;
  }
}

/**
 * Base of every tenant-owned model: queries are filtered to the tenant in their context,
 * inserts take that tenant's company_id, and no write can move a row to another tenant.
 */
export class TenantModel extends BaseModel {
  company_id!: string;

  static override QueryBuilder = TenantQueryBuilder;

  override $beforeInsert(context: QueryContext): void {
    const companyId = (context as TenantContext).companyId;
    const table = (this.constructor as typeof Model).tableName;
    if (!companyId) throw new MissingTenantError(table);
    if (this.company_id !== undefined && this.company_id !== companyId) throw new CrossTenantWriteError(table);
    this.company_id = companyId;
  }

  override $beforeUpdate(options: ModelOptions, context: QueryContext): void {
    const companyId = (context as TenantContext).companyId;
    if (this.company_id !== undefined && this.company_id !== companyId) {
      throw new CrossTenantWriteError((this.constructor as typeof Model).tableName);
    }
  }
}

// Queries started from a loaded row ($relatedQuery, $query) stay in that row's tenant.
// Assigned on the prototype because Objection's overloaded signatures cannot be overridden in a typed class body.
const baseRelatedQuery = Model.prototype.$relatedQuery;
const baseQuery = Model.prototype.$query;
TenantModel.prototype.$relatedQuery = function relatedQueryInTenant(this: TenantModel, ...args: unknown[]) {
  return (baseRelatedQuery as unknown as (...a: unknown[]) => TenantQueryBuilder<Model>).apply(this, args).context({ companyId: this.company_id });
} as unknown as TenantModel['$relatedQuery'];
TenantModel.prototype.$query = function queryInTenant(this: TenantModel, ...args: unknown[]) {
  return (baseQuery as unknown as (...a: unknown[]) => TenantQueryBuilder<Model>).apply(this, args).context({ companyId: this.company_id });
} as unknown as TenantModel['$query'];
