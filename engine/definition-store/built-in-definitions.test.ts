import { CORE_ACTIONS } from '../../activities/core-actions';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { createTenant } from '../../test/helpers/tenant-fixtures';
import { tenantScope } from '../db/tenant-scope';
import { createActionCatalogue } from '../dsl/semantics/action-catalogue';
import { BUILT_IN_DEFINITION_KEYS, installBuiltInDefinitions } from './built-in-definitions';
import { definitionStore } from './definition-store';
import { signUp } from '../auth/sign-up';

let db: TestDatabase;
const catalogue = createActionCatalogue(CORE_ACTIONS);
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test('a tenant gets a published copy of every built-in flow, and a second install changes nothing', async () => {
  const scope = tenantScope(db.knex, (await createTenant(db.knex, 'builtins')).companyId);
  const store = definitionStore(scope, catalogue);
  expect(await installBuiltInDefinitions(scope, store)).toEqual([...BUILT_IN_DEFINITION_KEYS]);
  for (const key of BUILT_IN_DEFINITION_KEYS) expect((await store.published(key)).version).toBe(1);
  expect(await installBuiltInDefinitions(scope, store)).toEqual([]);
});

test("a tenant's copy is its own: editing it publishes version 2 for that tenant and leaves other tenants on version 1", async () => {
  const [a, b] = await Promise.all([createTenant(db.knex, 'copy-a'), createTenant(db.knex, 'copy-b')]);
  const storeA = definitionStore(tenantScope(db.knex, a.companyId), catalogue);
  const storeB = definitionStore(tenantScope(db.knex, b.companyId), catalogue);
  await installBuiltInDefinitions(tenantScope(db.knex, a.companyId), storeA);
  await installBuiltInDefinitions(tenantScope(db.knex, b.companyId), storeB);
  const dunning = (await storeA.published('dunning')).document;
  await storeA.saveDraft({ ...dunning, name: 'Acme dunning, gentler' });
  expect((await storeA.publish('dunning')).version).toBe(2);
  expect((await storeB.published('dunning')).version).toBe(1);
  expect((await storeB.published('dunning')).document.name).toBe(dunning.name);
});

test('signing up a new tenant installs its copies of the built-in flows in the same transaction', async () => {
  const { companyId } = await signUp(db.knex, { company_name: 'Fresh Tenant', email: 'owner@fresh.test', name: 'Owner', password: 'a long enough password' });
  const keys = await db.knex('workflow_definitions').where({ company_id: companyId }).orderBy('key').pluck('key');
  expect(keys).toEqual([...BUILT_IN_DEFINITION_KEYS].sort());
});
