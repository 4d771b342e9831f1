import type { Model, ModelClass } from 'objection';
import * as models from '../../engine/db/models';
import { TenantModel } from '../../engine/db/models/tenant-model';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;
let tables: string[];
let companyIdNullable: Map<string, boolean>;

beforeAll(async () => {
  db = await createTestDatabase();
  const rows: { table_name: string }[] = await db
    .knex('information_schema.tables')
    .where({ table_schema: 'public', table_type: 'BASE TABLE' })
    .whereNotIn('table_name', ['knex_migrations', 'knex_migrations_lock'])
    .select('table_name');
  tables = rows.map((row) => row.table_name).sort();
  const companyColumns: { table_name: string; is_nullable: string }[] = await db
    .knex('information_schema.columns')
    .where({ table_schema: 'public', column_name: 'company_id' })
    .select('table_name', 'is_nullable');
  companyIdNullable = new Map(companyColumns.map((c) => [c.table_name, c.is_nullable === 'YES']));
});
afterAll(() => db.drop());

const registry = Object.entries(models) as [string, ModelClass<Model>][];

test('every table has exactly one model class, and every model names a real table', () => {
  const modelsByTable = new Map<string, string[]>();
  for (const [name, model] of registry) modelsByTable.set(model.tableName, [...(modelsByTable.get(model.tableName) ?? []), name]);
  const problems = [
    ...tables.filter((t) => modelsByTable.get(t)?.length !== 1).map((t) => `${t}: ${modelsByTable.get(t)?.join(', ') ?? 'no model'}`),
    ...[...modelsByTable.keys()].filter((t) => !tables.includes(t)).map((t) => `${t}: no such table`),
  ];
  expect(problems).toEqual([]);
});

test('each model is exported under its own class name', () => {
  expect(registry.filter(([exported, model]) => exported !== model.name).map(([exported]) => exported)).toEqual([]);
});

test('tables whose company_id is required have tenant models; plans, companies and the job queue do not', () => {
  const wrong = registry
    .filter(([, model]) => (companyIdNullable.get(model.tableName) === false) !== model.prototype instanceof TenantModel)
    .map(([name]) => name);
  expect(wrong).toEqual([]);
  expect(registry.filter(([, model]) => !(model.prototype instanceof TenantModel)).map(([name]) => name).sort()).toEqual(['Company', 'JobQueue', 'Plan']);
});

test('every relation mapping of every model resolves its model classes and columns', () => {
  const broken: string[] = [];
  for (const [name, model] of registry) {
    try {
      model.getRelations();
    } catch (error) {
      broken.push(`${name}: ${(error as Error).message}`);
    }
  }
  expect(broken).toEqual([]);
});
