import type { Knex } from 'knex';
import { createApiHarness, type ApiHarness } from './helpers/api-harness';
import { fillPath, loadOperations, type Operation } from './helpers/openapi-operations';
import { createTwoTenants, hasCompanyColumn, rowIds, send, sessionFor, type ApiTenant, type Credentials } from './helpers/two-tenant-api';

let h: ApiHarness;
let acme: ApiTenant;
let globex: ApiTenant;
let operations: Operation[];
let owner: Credentials;

beforeAll(async () => {
  h = await createApiHarness();
  [acme, globex] = await createTwoTenants(h.db.knex);
  operations = await loadOperations(h.server);
  owner = await sessionFor(h.db.knex, acme, 'owner');
});
afterAll(() => h.close());

/** A PATCH body that passes validation without naming another row: the example's plain fields the PATCH schema accepts. */
function plainPatchBody(operation: Operation): Record<string, unknown> {
  const accepted = Object.keys(operation.bodySchema?.properties ?? {}).filter((field) => !operation.references?.[field]);
  const example = Object.entries(operationExample(operation)).filter(([field]) => accepted.includes(field));
  return Object.fromEntries(example.slice(0, 1));
}

function operationExample(operation: Operation): Record<string, unknown> {
  // PATCH shares its path with GET/DELETE, so its example lives on the POST of the collection.
  const create = operations.find((other) => other.method === 'post' && `${other.path}/{id}` === operation.path);
  return create?.example ?? operation.example ?? {};
}

async function firstId(knex: Knex, table: string, tenant: ApiTenant): Promise<string> {
  const ids = (await hasCompanyColumn(knex, table)) ? await rowIds(knex, table, tenant.companyId) : await knex(table).orderBy('created_at').pluck('id');
  if (!ids.length) throw new Error(`no ${table} row to refer to`);
  return ids[0];
}

test('the OpenAPI document lists the routes that name rows, and every such table has rows in tenant B', async () => {
  const naming = operations.filter((operation) => operation.resourceTable);
  expect(naming.length).toBeGreaterThanOrEqual(30);
  for (const table of new Set(naming.map((operation) => operation.resourceTable!))) {
    expect({ table, rows: (await rowIds(h.db.knex, table, globex.companyId)).length > 0 }).toEqual({ table, rows: true });
  }
});

test("for every route that names a row, every id of tenant B is a 404 for tenant A's owner, and B's rows are untouched", async () => {
  const failures: string[] = [];
  for (const operation of operations.filter((candidate) => candidate.resourceTable)) {
    const table = operation.resourceTable!;
    const ids = await rowIds(h.db.knex, table, globex.companyId);
    const before = await h.db.knex(table).whereIn('id', ids).orderBy('id');
    for (const id of ids) {
      // A valid body, so the answer is about the row named, not about the request's shape.
      const body = operation.method === 'patch' ? plainPatchBody(operation) : operation.method === 'post' ? operation.example : undefined;
      const response = await send(h.server, operation.method, fillPath(operation, id), owner, body);
      if (response.status !== 404 || response.body.code !== 'not_found') failures.push(`${operation.key} ${table}/${id}: ${response.status} ${response.text.slice(0, 200)}`);
    }
    expect({ operation: operation.key, rows: await h.db.knex(table).whereIn('id', ids).orderBy('id') }).toEqual({ operation: operation.key, rows: before });
  }
  expect(failures).toEqual([]);
});

test("no GET as tenant A's owner returns any id of any tenant B row", async () => {
  const tables: string[] = await h.db.knex('information_schema.columns').where({ table_schema: 'public', column_name: 'company_id' }).pluck('table_name');
  const globexIds = new Set<string>([globex.companyId]);
  for (const table of tables) for (const id of await rowIds(h.db.knex, table, globex.companyId)) globexIds.add(id);
  const leaks: string[] = [];
  for (const operation of operations.filter((candidate) => candidate.method === 'get' && candidate.access !== 'public')) {
    const path = operation.pathParams.length ? fillPath(operation, await firstId(h.db.knex, operation.resourceTable!, acme)) : operation.path;
    const response = await send(h.server, 'get', `${path}${operation.queryParams.includes('limit') ? '?limit=100' : ''}`, owner);
    expect({ operation: operation.key, status: response.status }).toEqual({ operation: operation.key, status: 200 });
    // File downloads answer bytes, which supertest leaves in body rather than text.
    const shown = response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString('latin1') : JSON.stringify(response.body));
    for (const id of globexIds) if (shown.includes(id)) leaks.push(`${operation.key} shows ${id}`);
  }
  expect(leaks).toEqual([]);
});

test("no create or update can point a row at tenant B's rows: 422, nothing written; the same body with A's rows works", async () => {
  const failures: string[] = [];
  const attacked = new Set<string>();
  const knex = h.db.knex;
  const attack = async (operation: Operation, path: string, field: string, own: Record<string, unknown>, table: string, target: string) => {
    const countBefore = await knex(target).count({ n: '*' }).first();
    const response = await send(h.server, operation.method, path, owner, { ...own, [field]: await firstId(knex, table, globex) });
    if (response.status !== 422 || response.body.code !== 'reference_not_found') failures.push(`${operation.key} ${field}→${table}: ${response.status} ${response.text.slice(0, 200)}`);
    expect({ operation: operation.key, field, count: await knex(target).count({ n: '*' }).first() }).toEqual({ operation: operation.key, field, count: countBefore });
    attacked.add(`${operation.resourceTable ?? tenantFieldsTable(operation)}.${field}`);
  };
  for (const operation of operations.filter((candidate) => candidate.references && candidate.bodySchema)) {
    const accepted = Object.keys(operation.bodySchema!.properties ?? {});
    const tenantFields: [string, string][] = [];
    for (const [field, table] of Object.entries(operation.references!)) if (accepted.includes(field) && (await hasCompanyColumn(knex, table))) tenantFields.push([field, table]);
    if (operation.method === 'post') {
      // The example with every reference aimed at A's rows is valid; swapping one of them to B's must be refused.
      const own: Record<string, unknown> = { ...operationExample(operation) };
      for (const [field, table] of Object.entries(operation.references!)) if (field in own) own[field] = await firstId(knex, table, acme);
      // A domain action on a row (POST /api/invoices/{id}/payments) acts on A's own row; it records what it does as
      // domain events in its transaction, so an unchanged outbox shows that nothing was done.
      const onRow = operation.pathParams.length > 0;
      const path = onRow ? fillPath(operation, await firstId(knex, operation.resourceTable!, acme)) : operation.path;
      const target = onRow ? 'domain_events' : tenantFieldsTable(operation);
      // Attacks first: they must write nothing, so the valid body afterwards meets no unique clash.
      for (const [field, table] of tenantFields.filter(([field]) => field in own)) await attack(operation, path, field, own, table, target);
      await READY_FOR_VALID_CALL[operation.key]?.(knex, acme);
      const response = await send(h.server, 'post', path, owner, own);
      // A create must succeed. An action on one of the graph's rows may still be refused for the row's state (a
      // contract with no collection terms yet), but never for its references, which are all A's own.
      const accepted = onRow ? response.status < 500 && response.body.code !== 'reference_not_found' : response.status === 201;
      if (!accepted) failures.push(`${operation.key} with tenant A's own rows: ${response.status} ${response.text.slice(0, 200)}`);
    } else {
      // Re-aim a reference an A row already holds: only the tenant of the referenced row changes.
      for (const [field, table] of tenantFields) {
        const row = await knex(operation.resourceTable!).where({ company_id: acme.companyId }).whereNotNull(field).first('id', field);
        if (!row) continue;
        const path = fillPath(operation, row.id);
        await attack(operation, path, field, {}, table, operation.resourceTable!);
        const response = await send(h.server, operation.method, path, owner, { [field]: row[field] });
        if (response.status !== 200) failures.push(`${operation.key} with tenant A's own ${field}: ${response.status} ${response.text.slice(0, 200)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  // Every declared tenant reference of every writable resource was attacked through a create or an update.
  const declared: string[] = [];
  for (const operation of operations.filter((candidate) => candidate.references && candidate.bodySchema)) {
    for (const [field, table] of Object.entries(operation.references!)) {
      if (await hasCompanyColumn(knex, table)) declared.push(`${operation.resourceTable ?? tenantFieldsTable(operation)}.${field}`);
    }
  }
  expect([...new Set(declared)].filter((key) => !attacked.has(key))).toEqual([]);
});

/** Domain state a create needs that the graph lacks: it gives tenant A a current subscription, and activation needs none. */
const READY_FOR_VALID_CALL: Record<string, (knex: Knex, tenant: ApiTenant) => Promise<unknown>> = {
  'POST /api/subscriptions': (knex, tenant) => knex('subscriptions').where({ company_id: tenant.companyId }).update({ status: 'canceled', ended_at: knex.fn.now() }),
};

/** The table a collection POST writes to: the one its item routes name. */
function tenantFieldsTable(operation: Operation): string {
  const item = operations.find((other) => other.path === `${operation.path}/{id}` && other.resourceTable);
  if (!item) throw new Error(`${operation.key}: no item route names its table`);
  return item.resourceTable!;
}
