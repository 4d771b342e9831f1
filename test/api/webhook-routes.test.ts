import { randomBytes, randomUUID } from 'node:crypto';
import { emitDomainEvent } from '../../engine/events';
import { createSecretBox } from '../../engine/security/secret-box';
import { deliverDueWebhooks, fanOutPendingEvents } from '../../engine/webhooks';
import { signatureIsValid, startWebhookReceiver, type WebhookReceiver } from '../webhooks/webhook-receiver';
import { addUser, createApiHarness, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

const secretBox = createSecretBox(randomBytes(32));
let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
let receiver: WebhookReceiver;
beforeAll(async () => {
  h = await createApiHarness({ secretBox });
  acme = await signUpCompany(h.server, 'hook-acme');
  globex = await signUpCompany(h.server, 'hook-globex');
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

/** A new endpoint made through the API (the tenant's earlier ones switched off), and one invoice.paid event delivered to it by the worker's two steps. */
async function deliveredOnce(tenant: SignedIn) {
  await h.db.knex('webhook_endpoints').where({ company_id: tenant.companyId }).update({ active: false });
  const created = await tenant.agent.post('/api/webhook-endpoints').send({ url: receiver.url, event_types: ['invoice.paid'] });
  expect(created.status).toBe(201);
  const { eventId } = await h.db.knex.transaction((trx) => emitDomainEvent(trx, tenant.companyId, { name: 'invoice.paid', entity: { type: 'invoice', id: randomUUID() }, payload: { amount_minor: 9_900 } }));
  await fanOutPendingEvents(h.db.knex);
  await sendDue();
  const delivery = await h.db.knex('webhook_deliveries').where({ company_id: tenant.companyId, webhook_endpoint_id: created.body.id, event_id: eventId }).first();
  return { endpoint: created.body, signingSecret: created.body.signing_secret as string, eventId, delivery };
}

// The receiver listens on loopback, which deliveries refuse unless allowed.
const sendDue = () => deliverDueWebhooks(h.db.knex, { secrets: secretBox, allowPrivateNetworks: true });
const sentFor = (eventId: string) => receiver.received.filter((webhook) => webhook.headers['ledgerflow-event-id'] === eventId);

test('the signing secret is shown once at creation, stored sealed, and never in reads of the endpoint', async () => {
  const { endpoint, signingSecret } = await deliveredOnce(acme);
  expect(signingSecret).toMatch(/^whsec_/);
  const stored = await h.db.knex('webhook_endpoints').where({ id: endpoint.id }).first();
  expect(stored.secret_encrypted).not.toContain(signingSecret);
  expect(secretBox.open(stored.secret_encrypted)).toBe(signingSecret);
  const read = await acme.agent.get(`/api/webhook-endpoints/${endpoint.id}`);
  expect(read.status).toBe(200);
  expect(read.text).not.toContain(signingSecret);
  expect(read.body).not.toHaveProperty('secret_encrypted');
});

test('a replay sends the same body with the same event id again, validly signed, and answers with the delivery pending', async () => {
  const { signingSecret, eventId, delivery } = await deliveredOnce(acme);
  expect(delivery).toMatchObject({ status: 'succeeded', attempt_count: 1 });
  const replay = await acme.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({});
  expect(replay.status).toBe(202);
  expect(replay.body).toMatchObject({ id: delivery.id, status: 'pending', attempt_count: 1, response_status: null, delivered_at: null });
  await sendDue();

  const sent = sentFor(eventId);
  expect(sent).toHaveLength(2);
  expect(sent[1].body).toBe(sent[0].body);
  expect(sent.every((webhook) => signatureIsValid(signingSecret, webhook))).toBe(true);
  expect(await h.db.knex('webhook_deliveries').where({ id: delivery.id }).first()).toMatchObject({ status: 'succeeded', attempt_count: 2, response_status: 200 });
});

test('replaying a delivery of a disabled endpoint is a 409 problem and changes nothing', async () => {
  const { endpoint, delivery } = await deliveredOnce(acme);
  expect((await acme.agent.patch(`/api/webhook-endpoints/${endpoint.id}`).send({ active: false })).status).toBe(200);
  const replay = await acme.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({});
  expect(replay.status).toBe(409);
  expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(replay.body).toMatchObject({ code: 'webhook_endpoint_disabled', type: 'https://ledgerflow.dev/problems/webhook-endpoint-disabled' });
  expect(await h.db.knex('webhook_deliveries').where({ id: delivery.id }).first()).toEqual(delivery);
});

test("replaying another tenant's delivery is a 404, and that delivery is not sent again", async () => {
  const { eventId, delivery } = await deliveredOnce(globex);
  const replay = await acme.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({});
  expect(replay.status).toBe(404);
  expect(replay.body.code).toBe('not_found');
  await sendDue();
  expect(sentFor(eventId)).toHaveLength(1);
  expect(await h.db.knex('webhook_deliveries').where({ id: delivery.id }).first()).toEqual(delivery);
});

test('an operator may replay a delivery; a viewer is refused with 403', async () => {
  const { delivery } = await deliveredOnce(acme);
  await addUser(h.db.knex, acme.companyId, 'operator@hook-acme.test', 'operator');
  await addUser(h.db.knex, acme.companyId, 'viewer@hook-acme.test', 'viewer');
  const operator = await signInAs(h.server, 'operator@hook-acme.test', 'hook-acme');
  const viewer = await signInAs(h.server, 'viewer@hook-acme.test', 'hook-acme');
  expect((await viewer.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({})).status).toBe(403);
  expect((await operator.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({})).status).toBe(202);
});

test('rotating the signing secret returns the new one once; requests sent afterwards verify with it and not the old one', async () => {
  const { endpoint, signingSecret, eventId, delivery } = await deliveredOnce(acme);
  const rotated = await acme.agent.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`).send({});
  expect(rotated.status).toBe(200);
  expect(rotated.body).toMatchObject({ id: endpoint.id, signing_secret: expect.stringMatching(/^whsec_/) });
  expect(rotated.body.signing_secret).not.toBe(signingSecret);
  expect(rotated.body).not.toHaveProperty('secret_encrypted');
  await acme.agent.post(`/api/webhook-deliveries/${delivery.id}/replay`).send({});
  await sendDue();
  const [, resent] = sentFor(eventId);
  expect(signatureIsValid(rotated.body.signing_secret, resent)).toBe(true);
  expect(signatureIsValid(signingSecret, resent)).toBe(false);
});

test("the deliveries list filtered by endpoint shows that endpoint's deliveries only", async () => {
  const first = await deliveredOnce(acme);
  const second = await deliveredOnce(acme);
  const listed = await acme.agent.get(`/api/webhook-deliveries?webhook_endpoint_id=${first.endpoint.id}`);
  expect(listed.status).toBe(200);
  expect(listed.body.data.map((row: { id: string }) => row.id)).toEqual([first.delivery.id]);
  expect(listed.text).not.toContain(second.delivery.id);
});

test('event types are exact types, families or "*": anything else is a 400 naming the entry, and no endpoint is made', async () => {
  const before = await h.db.knex('webhook_endpoints').where({ company_id: acme.companyId }).count({ n: '*' }).first();
  const refused = await acme.agent.post('/api/webhook-endpoints').send({ url: receiver.url, event_types: ['invoice.paid', 'Invoice Paid'] });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [{ in: 'body', pointer: '#/event_types/1' }] });
  expect(await h.db.knex('webhook_endpoints').where({ company_id: acme.companyId }).count({ n: '*' }).first()).toEqual(before);
  const accepted = await acme.agent.post('/api/webhook-endpoints').send({ url: receiver.url, event_types: ['invoice.*', 'payment.received', '*'] });
  expect(accepted.status).toBe(201);
});
