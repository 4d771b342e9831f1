import { randomUUID } from 'node:crypto';
import { DEFAULT_ROLES, isGranted } from '../../engine/auth/permissions';
import { createApiHarness, type ApiHarness } from './helpers/api-harness';
import { fillPath, loadOperations, type Operation } from './helpers/openapi-operations';
import { createTwoTenants, ROLE_KEYS, send, sessionFor, type ApiTenant, type Credentials } from './helpers/two-tenant-api';

let h: ApiHarness;
let acme: ApiTenant;
let operations: Operation[];
const grantsOf = new Map(DEFAULT_ROLES.map((role) => [role.key, role.permissions]));

beforeAll(async () => {
  h = await createApiHarness();
  [acme] = await createTwoTenants(h.db.knex);
  operations = (await loadOperations(h.server)).filter((operation) => operation.access !== 'public');
});
afterAll(() => h.close());

function allowed(operation: Operation, role: string): boolean {
  return operation.access === 'signed-in' || isGranted(grantsOf.get(role)!, operation.permission!);
}

/**
 * Ids are random (no row has them) and bodies empty, so an allowed call ends in 400 or 404 and changes nothing,
 * while a refused one must be a 403 before any lookup or validation.
 */
async function outcome(operation: Operation, credentials: Credentials): Promise<{ status: number; code: string }> {
  const body = ['post', 'patch', 'put'].includes(operation.method) ? {} : undefined;
  const response = await send(h.server, operation.method, fillPath(operation, randomUUID()), credentials, body);
  return { status: response.status, code: response.body.code };
}

test('every non-public route declares what it needs: a permission or just a signed-in caller', () => {
  expect(operations.length).toBeGreaterThanOrEqual(40);
  expect(operations.filter((operation) => operation.access !== 'signed-in' && !operation.permission).map((operation) => operation.key)).toEqual([]);
});

test.each(ROLE_KEYS)('role %s through a session: exactly the routes its grants cover answer without 403', async (role) => {
  const mismatches: string[] = [];
  for (const operation of operations) {
    // A fresh session per call: a route that ends sessions (sign-out) must not end the next call's.
    const result = await outcome(operation, await sessionFor(h.db.knex, acme, role));
    const refused = result.status === 403 && result.code === 'forbidden';
    if (result.status === 401 || result.status >= 500 || refused === allowed(operation, role)) mismatches.push(`${operation.key}: ${result.status} ${result.code}`);
  }
  expect(mismatches).toEqual([]);
});

test.each(ROLE_KEYS)('role %s through an API key: the same answers on every permission route', async (role) => {
  const minted = await send(h.server, 'post', '/api/api-keys', await sessionFor(h.db.knex, acme, 'owner'), { name: `matrix ${role}`, role });
  expect(minted.status).toBe(201);
  const mismatches: string[] = [];
  for (const operation of operations.filter((candidate) => candidate.access === 'permission')) {
    const result = await outcome(operation, { bearer: minted.body.token });
    const refused = result.status === 403 && result.code === 'forbidden';
    if (result.status === 401 || result.status >= 500 || refused === allowed(operation, role)) mismatches.push(`${operation.key}: ${result.status} ${result.code}`);
  }
  expect(mismatches).toEqual([]);
});

test('without credentials every non-public route is a 401 problem', async () => {
  const answers = await Promise.all(operations.map(async (operation) => [operation.key, (await outcome(operation, {})).status] as const));
  expect(answers.filter(([, status]) => status !== 401)).toEqual([]);
});

test.each([
  ['viewer', 'GET /api/contacts', true],
  ['viewer', 'POST /api/contacts', false],
  ['designer', 'POST /api/invoices', false],
  ['operator', 'POST /api/invoices', true],
  ['operator', 'POST /api/products', false],
  ['operator', 'POST /api/api-keys', false],
  ['admin', 'POST /api/api-keys', true],
  ['admin', 'DELETE /api/webhook-endpoints/{id}', true],
] as const)('spelled out: %s on %s is allowed = %s', async (role, key, expected) => {
  const operation = operations.find((candidate) => candidate.key === key)!;
  const result = await outcome(operation, await sessionFor(h.db.knex, acme, role));
  expect(result.status === 403).toBe(!expected);
});
