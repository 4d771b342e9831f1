import type { Model, ModelClass } from 'objection';
import * as models from '../../engine/db/models';
import { SECRET_COLUMN } from '../../engine/db/models/secret-columns';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createSharedPlan, createTenantGraph, type TenantGraph } from './two-tenant-graph';

let db: TestDatabase;
let acme: TenantGraph;
let secretColumns: Map<string, string[]>;

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await createTenantGraph(db.knex, 'acme', await createSharedPlan(db.knex));
  const rows: { table_name: string; column_name: string }[] = await db.knex('information_schema.columns').where({ table_schema: 'public' }).select('table_name', 'column_name');
  secretColumns = new Map();
  for (const { table_name, column_name } of rows.filter((r) => SECRET_COLUMN.test(r.column_name))) {
    secretColumns.set(table_name, [...(secretColumns.get(table_name) ?? []), column_name]);
  }
});
afterAll(() => db.drop());

function secretKeysIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => secretKeysIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [...(SECRET_COLUMN.test(key) ? [`${path}.${key}`] : []), ...secretKeysIn(child, `${path}.${key}`)]);
}

test('the schema has the hash and ciphertext columns the models must hide', () => {
  expect([...secretColumns.keys()].sort()).toEqual(
    ['api_keys', 'bank_accounts', 'email_verification_tokens', 'integrations', 'oauth_accounts', 'password_reset_tokens', 'sessions', 'two_factors', 'users', 'webhook_endpoints'],
  );
});

test('every model of a table with secret columns leaves them out of toJSON but keeps them on the instance', () => {
  const leaks: string[] = [];
  for (const model of Object.values(models) as ModelClass<Model>[]) {
    const columns = secretColumns.get(model.tableName) ?? [];
    if (columns.length === 0) continue;
    const row = model.fromDatabaseJson({ id: 'x', ...Object.fromEntries(columns.map((c) => [c, 'secret'])) });
    for (const column of columns) {
      if ((row as unknown as Record<string, unknown>)[column] !== 'secret') leaks.push(`${model.name}.${column} lost on the instance`);
      if (column in row.toJSON()) leaks.push(`${model.name}.${column} serialised`);
    }
  }
  expect(leaks).toEqual([]);
});

test('a user graph read from the database serialises without any hash or ciphertext, however deep', async () => {
  const user = await tenantScope(db.knex, acme.companyId)
    .query(models.User)
    .findById(acme.userId)
    .withGraphFetched('[sessions, oauthAccounts, twoFactor, passwordResetTokens, emailVerificationTokens, company.[integrations, webhookEndpoints, bankAccounts]]');
  expect(user?.sessions?.[0].token_hash).toMatch(/^session-/);
  expect(user?.company?.integrations).toHaveLength(1);
  expect(secretKeysIn(JSON.parse(JSON.stringify(user)))).toEqual([]);
});
