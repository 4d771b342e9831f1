import { insertRow } from '../helpers/tenant-fixtures';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let plans: { pro: string; team: string };
beforeAll(async () => {
  h = await createApiHarness();
  const insertPlan = async (code: string, amount: number, trialDays: number) =>
    (await h.db.knex('plans').insert({ code, name: code, currency: 'EUR', amount_minor: amount, interval_unit: 'month', interval_count: 1, trial_days: trialDays, active: true }).returning('id'))[0].id as string;
  plans = { pro: await insertPlan('sub-api-pro', 4_900, 14), team: await insertPlan('sub-api-team', 9_900, 0) };
});
afterAll(() => h.close());

const outbox = (companyId: string, name: string) => h.db.knex('domain_events').where({ company_id: companyId, name }).orderBy('created_at');

async function companyWithContact(slug: string): Promise<{ company: SignedIn; contactId: string }> {
  const company = await signUpCompany(h.server, slug);
  return { company, contactId: await insertRow(h.db.knex, 'contacts', { company_id: company.companyId, name: `Customer of ${slug}` }) };
}

/** A subscription as the lifecycle run leaves it once the trial is over: active, in its first period. */
async function activeSubscription(slug: string) {
  const { company, contactId } = await companyWithContact(slug);
  const activated = await company.agent.post('/api/subscriptions').send({ plan_id: plans.pro, contact_id: contactId, trial_days: 0 });
  expect(activated.status).toBe(201);
  return { company, contactId, subscriptionId: activated.body.subscription_id as string };
}

test('five activations at once: exactly one 201, the other four 409 subscription_already_active problems, one row', async () => {
  const { company, contactId } = await companyWithContact('sub-race');
  const answers = await Promise.all(Array.from({ length: 5 }, () => company.agent.post('/api/subscriptions').send({ plan_id: plans.pro, contact_id: contactId })));
  expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409]);
  const created = answers.find((answer) => answer.status === 201)!;
  expect(created.body).toMatchObject({ status: 'trialing', trial_days: 14 });
  for (const refused of answers.filter((answer) => answer.status === 409)) {
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'subscription_already_active' });
  }
  expect(await h.db.knex('subscriptions').where({ company_id: company.companyId }).pluck('id')).toEqual([created.body.subscription_id]);
  // subscription.created starts the lifecycle run: once, for the one row.
  expect((await outbox(company.companyId, 'subscription.created')).map((event) => event.entity_id)).toEqual([created.body.subscription_id]);
});

test("activation with another tenant's contact is a 422 reference_not_found at #/contact_id and writes nothing", async () => {
  const { company } = await companyWithContact('sub-own');
  const other = await companyWithContact('sub-other');
  const response = await company.agent.post('/api/subscriptions').send({ plan_id: plans.pro, contact_id: other.contactId });
  expect([response.status, response.body.code, response.body.errors[0].pointer]).toEqual([422, 'reference_not_found', '#/contact_id']);
  expect(await h.db.knex('subscriptions').where({ company_id: company.companyId })).toHaveLength(0);
});

test('plan change, cancellation at period end and its withdrawal answer 202 and each emits subscription.change_requested', async () => {
  const { company, subscriptionId } = await activeSubscription('sub-change');
  const base = `/api/subscriptions/${subscriptionId}`;
  const upgrade = await company.agent.post(`${base}/plan-change`).send({ plan_id: plans.team, effective: 'now' });
  expect(upgrade.status).toBe(202);
  const cancel = await company.agent.post(`${base}/cancellation`).send({ effective: 'period_end' });
  expect(cancel.status).toBe(202);
  // The run applies requests; here it has not, so mark the booked cancellation the way it would, then withdraw it.
  await h.db.knex('subscriptions').where({ id: subscriptionId }).update({ cancel_at_period_end: true });
  const withdraw = await company.agent.delete(`${base}/pending-change`);
  expect(withdraw.status).toBe(202);
  const events = await outbox(company.companyId, 'subscription.change_requested');
  expect(events.map((event) => [event.entity_type, event.entity_id, event.payload])).toEqual([
    ['subscription', subscriptionId, { subscriptionId, requestId: upgrade.body.request_id, change: 'plan', planId: plans.team, effective: 'now' }],
    ['subscription', subscriptionId, { subscriptionId, requestId: cancel.body.request_id, change: 'cancel', effective: 'period_end' }],
    ['subscription', subscriptionId, { subscriptionId, requestId: withdraw.body.request_id, change: 'withdraw' }],
  ]);
  expect(events.map((event) => event.event_id)).toEqual([upgrade.body.event_id, cancel.body.event_id, withdraw.body.event_id]);
});

test('pause and resume answer 202 and emit their requests; resuming an active subscription is a 409 and emits nothing', async () => {
  const { company, subscriptionId } = await activeSubscription('sub-pause');
  const base = `/api/subscriptions/${subscriptionId}`;
  const refused = await company.agent.post(`${base}/resume`).send({});
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'subscription_change_refused' });
  const pause = await company.agent.post(`${base}/pause`).send({});
  expect(pause.status).toBe(202);
  await h.db.knex('subscriptions').where({ id: subscriptionId }).update({ status: 'paused' });
  const resume = await company.agent.post(`${base}/resume`).send({});
  expect(resume.status).toBe(202);
  const events = await outbox(company.companyId, 'subscription.change_requested');
  expect(events.map((event) => event.payload.change)).toEqual(['pause', 'resume']);
});

test('a plan change to an unknown plan is a 422 problem; a withdrawal with nothing pending is a 409; both emit nothing', async () => {
  const { company, subscriptionId } = await activeSubscription('sub-refuse');
  const base = `/api/subscriptions/${subscriptionId}`;
  const unknown = await company.agent.post(`${base}/plan-change`).send({ plan_id: '00000000-0000-4000-8000-000000000000', effective: 'now' });
  expect(unknown.status).toBe(422);
  expect(unknown.body).toMatchObject({ code: 'plan_not_eligible' });
  expect((await company.agent.delete(`${base}/pending-change`)).status).toBe(409);
  expect(await outbox(company.companyId, 'subscription.change_requested')).toHaveLength(0);
});

test("another tenant's subscription is a 404 for every change, and no request is emitted", async () => {
  const { company } = await companyWithContact('sub-intruder');
  const victim = await activeSubscription('sub-victim');
  const base = `/api/subscriptions/${victim.subscriptionId}`;
  const answers = [
    await company.agent.post(`${base}/plan-change`).send({ plan_id: plans.team, effective: 'now' }),
    await company.agent.post(`${base}/cancellation`).send({ effective: 'now' }),
    await company.agent.post(`${base}/pause`).send({}),
  ];
  expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual([[404, 'not_found'], [404, 'not_found'], [404, 'not_found']]);
  expect(await outbox(victim.company.companyId, 'subscription.change_requested')).toHaveLength(0);
});

test('the generic CRUD cannot create, change or delete subscriptions: status moves only through the actions', async () => {
  const { company, contactId, subscriptionId } = await activeSubscription('sub-crud');
  const created = await company.agent.post('/api/subscriptions').send({ plan_id: plans.pro, status: 'active' });
  expect(created.status).toBe(400);
  expect((await company.agent.patch(`/api/subscriptions/${subscriptionId}`).send({ status: 'canceled' })).status).toBe(405);
  expect((await company.agent.delete(`/api/subscriptions/${subscriptionId}`)).status).toBe(405);
  expect(await h.db.knex('subscriptions').where({ id: subscriptionId }).first()).toMatchObject({ status: 'active', contact_id: contactId, cancel_at_period_end: false });
  expect((await company.agent.get(`/api/subscriptions/${subscriptionId}`)).body).toMatchObject({ id: subscriptionId, status: 'active' });
});
