import { createSharedPlan } from '../models/two-tenant-graph';
import { addUser, createApiHarness, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let operator: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  const owner = await signUpCompany(h.server, 'plans');
  await addUser(h.db.knex, owner.companyId, 'operator@plans.test', 'operator');
  operator = await signInAs(h.server, 'operator@plans.test', 'plans');
});
afterAll(() => h.close());

test('the plan catalogue lists every plan with its price to the minor unit, cheapest first; active=false lists the retired ones', async () => {
  await createSharedPlan(h.db.knex);
  const [retired] = await h.db.knex('plans').insert({ code: 'legacy', name: 'Legacy', currency: 'EUR', amount_minor: 1_900, interval_unit: 'month', interval_count: 1, trial_days: 0, active: false }).returning('id');
  const [pro] = await h.db.knex('plans').insert({ code: 'pro-yearly', name: 'Pro yearly', currency: 'EUR', amount_minor: 49_000, interval_unit: 'year', interval_count: 1, trial_days: 14, active: true }).returning('id');
  const all = await operator.agent.get('/api/plans');
  expect(all.status).toBe(200);
  const stored = await h.db.knex('plans').orderBy([{ column: 'currency' }, { column: 'amount_minor' }, { column: 'code' }]).pluck('id');
  expect(all.body.data.map((plan: { id: string }) => plan.id)).toEqual(stored);
  expect(all.body.data.find((plan: { id: string }) => plan.id === pro.id)).toMatchObject({ code: 'pro-yearly', currency: 'EUR', amount_minor: 49_000, interval_unit: 'year', trial_days: 14, active: true });
  const retiredOnly = await operator.agent.get('/api/plans?active=false');
  expect(retiredOnly.body.data.map((plan: { id: string }) => plan.id)).toEqual([retired.id]);
});
