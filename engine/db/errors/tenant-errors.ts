/** Base of the data layer's typed errors: `status` and `expose` follow Koa, so the API can answer with them directly. */
export class DataError extends Error {
  readonly expose = true;
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A tenant-owned query or write was built without a company id. A programming error, refused before any SQL runs. */
export class MissingTenantError extends DataError {
  constructor(table: string) {
    super(`A query on ${table} needs a tenant: use tenantScope(knex, companyId)`, 500, 'missing_tenant', { table });
  }
}

/** A write tried to set or move a row into another tenant than the one it was scoped to. */
export class CrossTenantWriteError extends DataError {
  constructor(table: string) {
    super(`A row of ${table} cannot be written into another tenant`, 403, 'cross_tenant_write', { table });
  }
}
