import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
});
afterAll(() => db.drop());

describe('company_settings', () => {
  test('a company created with its settings in one transaction is accepted', async () => {
    expect(await db.knex('company_settings').where({ company_id: tenant }).count('* as n').first()).toEqual({ n: 1 });
  });

  test('a company without settings is refused at commit', async () => {
    await expect(db.knex('companies').insert({ name: 'Bare', slug: 'bare' })).rejects.toThrow(/must have exactly one company_settings row/);
    expect(await db.knex('companies').where({ slug: 'bare' })).toHaveLength(0);
  });

  test('a second settings row for a company is refused', async () => {
    await expect(insertRow(db.knex, 'company_settings', { company_id: tenant, default_currency: 'USD' })).rejects.toThrow(
      /company_settings_one_per_company/,
    );
  });

  test('the settings row of a live company cannot be deleted', async () => {
    await expect(db.knex('company_settings').where({ company_id: tenant }).delete()).rejects.toThrow(/exactly one company_settings row/);
  });
});

describe('two_factors', () => {
  test('a user may have one two-factor secret and not a second', async () => {
    const userId = await insertRow(db.knex, 'users', { company_id: tenant, email: 'ana@acme.test', name: 'Ana' });
    await expect(insertRow(db.knex, 'two_factors', { company_id: tenant, user_id: userId, secret_encrypted: 'v1:abc' })).resolves.toBeTruthy();
    await expect(insertRow(db.knex, 'two_factors', { company_id: tenant, user_id: userId, secret_encrypted: 'v1:def' })).rejects.toThrow(
      /two_factors_one_per_user/,
    );
  });

  test('a user may have no two-factor secret at all', async () => {
    const userId = await insertRow(db.knex, 'users', { company_id: tenant, email: 'bo@acme.test', name: 'Bo' });
    expect(await db.knex('two_factors').where({ user_id: userId })).toHaveLength(0);
  });
});
