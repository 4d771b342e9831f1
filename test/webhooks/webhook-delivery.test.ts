import { randomBytes, randomUUID } from 'node:crypto';
import { tenantScope } from '../../engine/db/tenant-scope';
import { emitDomainEvent } from '../../engine/events';
import { createSecretBox } from '../../engine/security/secret-box';
import { deliverDueWebhooks, fanOutPendingEvents, replayDelivery, type DeliverOptions } from '../../engine/webhooks';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';
import { signatureIsValid, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const secrets = createSecretBox(randomBytes(32));
const SECRET = 'whsec_test_delivery_secret';
let db: TestDatabase;
let companyId: string;
let receiver: WebhookReceiver;
beforeAll(async () => {
  db = await createTestDatabase();
  ({ companyId } = await createTenant(db.knex, 'hooks'));
});
afterAll(() => db.drop());
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  // Each test starts with no endpoints and nothing left to deliver.
  await db.knex('webhook_endpoints').where({ company_id: companyId }).delete();
  await db.knex('domain_events').update({ webhooks_fanned_out_at: db.knex.fn.now() });
});

const addEndpoint = async (eventTypes: string[], fields: Record<string, unknown> = {}) => {
  const [row] = await db.knex('webhook_endpoints')
    .insert({ company_id: companyId, url: receiver.url, event_types: JSON.stringify(eventTypes), secret_encrypted: secrets.seal(SECRET), ...fields })
    .returning('id');
  return row.id as string;
};
const emit = (name: string, payload: Record<string, unknown> = {}, eventId?: string) =>
  db.knex.transaction((trx) => emitDomainEvent(trx, companyId, { name, entity: { type: 'invoice', id: randomUUID() }, payload, ...(eventId ? { eventId } : {}) }));
const deliveriesOf = (endpointId: string) => db.knex('webhook_deliveries').where({ company_id: companyId, webhook_endpoint_id: endpointId });
// Failed attempts are due again at once, so a test can make the next attempt without waiting out the real backoff;
// the receiver listens on loopback, which deliveries refuse unless allowed.
const deliver = (options: Partial<DeliverOptions> = {}) => deliverDueWebhooks(db.knex, { secrets, retryDelayMs: () => 0, allowPrivateNetworks: true, ...options });

test('a committed event is delivered once: the documented envelope and headers, with a signature the receiver can verify', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  const { eventId } = await emit('invoice.paid', { amount_minor: 12_300, currency: 'EUR' });
  expect(await fanOutPendingEvents(db.knex)).toBe(1);
  await deliver();
  await deliver();

  expect(receiver.received).toHaveLength(1);
  const [webhook] = receiver.received;
  expect(signatureIsValid(SECRET, webhook)).toBe(true);
  expect(signatureIsValid('whsec_some_other_secret', webhook)).toBe(false);
  const body = JSON.parse(webhook.body);
  expect(body).toEqual({ id: eventId, type: 'invoice.paid', created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/), entity: { type: 'invoice', id: expect.any(String) }, data: { amount_minor: 12_300, currency: 'EUR' } });
  expect(webhook.headers).toMatchObject({ 'content-type': 'application/json', 'ledgerflow-event-id': eventId, 'ledgerflow-event-type': 'invoice.paid' });
  const [delivery] = await deliveriesOf(endpointId);
  expect(webhook.headers['ledgerflow-delivery-id']).toBe(delivery.id);
  expect(delivery).toMatchObject({ event_id: eventId, status: 'succeeded', attempt_count: 1, response_status: 200, next_attempt_at: null });
  expect(delivery.delivered_at).toBeInstanceOf(Date);
});

test('a signature stops verifying once the body is altered or the timestamp is outside the tolerance window', async () => {
  await addEndpoint(['invoice.paid']);
  await emit('invoice.paid', { amount_minor: 500 });
  await fanOutPendingEvents(db.knex);
  await deliver();
  const [webhook] = receiver.received;
  expect(signatureIsValid(SECRET, { ...webhook, body: webhook.body.replace('500', '900') })).toBe(false);
  expect(signatureIsValid(SECRET, webhook, 300, Date.now() / 1000 + 301)).toBe(false);
});

test('an event type the endpoint is not subscribed to creates no delivery and sends nothing', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  await emit('invoice.overdue', { amount_minor: 100 });
  expect(await fanOutPendingEvents(db.knex)).toBe(0);
  await deliver();
  expect(await deliveriesOf(endpointId)).toHaveLength(0);
  expect(receiver.received).toHaveLength(0);
});

test('an inactive endpoint gets no delivery, while an active one of the same tenant does', async () => {
  const inactive = await addEndpoint(['invoice.paid'], { active: false });
  const active = await addEndpoint(['invoice.paid']);
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  expect(await deliveriesOf(inactive)).toHaveLength(0);
  expect(await deliveriesOf(active)).toHaveLength(1);
});

test('wildcards: "invoice.*" takes every invoice event and nothing else, "*" takes everything', async () => {
  const invoices = await addEndpoint(['invoice.*']);
  const everything = await addEndpoint(['*']);
  await emit('invoice.paid');
  await emit('invoice.overdue');
  await emit('payment.received');
  await fanOutPendingEvents(db.knex);
  expect((await deliveriesOf(invoices).orderBy('event_type')).map((row) => row.event_type)).toEqual(['invoice.overdue', 'invoice.paid']);
  expect((await deliveriesOf(everything).orderBy('event_type')).map((row) => row.event_type)).toEqual(['invoice.overdue', 'invoice.paid', 'payment.received']);
});

test('fanning the same event out twice, or emitting it twice, makes one delivery and one request', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  await emit('invoice.paid', {}, 'invoice.paid:fixed-id');
  await emit('invoice.paid', {}, 'invoice.paid:fixed-id');
  expect(await fanOutPendingEvents(db.knex)).toBe(1);
  // As if the fan-out's commit had been lost after the deliveries were written: the event is picked again.
  await db.knex('domain_events').where({ company_id: companyId, event_id: 'invoice.paid:fixed-id' }).update({ webhooks_fanned_out_at: null });
  expect(await fanOutPendingEvents(db.knex)).toBe(0);
  await deliver();
  expect(await deliveriesOf(endpointId)).toHaveLength(1);
  expect(receiver.received).toHaveLength(1);
});

test('an endpoint created after an event was written is not sent that event', async () => {
  await emit('invoice.paid');
  await db.knex.raw(`SELECT pg_sleep(0.01)`);
  const endpointId = await addEndpoint(['invoice.paid']);
  await fanOutPendingEvents(db.knex);
  expect(await deliveriesOf(endpointId)).toHaveLength(0);
});

test('a receiver answering 500 and then 200 is retried: succeeded after attempt 2, with the final status recorded', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  receiver.answerWith(500, 200);
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  const first = await deliver({ retryDelayMs: () => 60_000 });
  expect(first.map((attempt) => [attempt.status, attempt.responseStatus])).toEqual([['retrying', 500]]);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'pending', attempt_count: 1, response_status: 500, delivered_at: null });
  // Not due yet: a round now sends nothing.
  expect(await deliver()).toEqual([]);
  await deliveriesOf(endpointId).update({ next_attempt_at: db.knex.fn.now() });
  await deliver();
  expect(receiver.received).toHaveLength(2);
  expect(receiver.received[1].headers['ledgerflow-event-id']).toBe(receiver.received[0].headers['ledgerflow-event-id']);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'succeeded', attempt_count: 2, response_status: 200 });
});

test('a receiver that is down gets the next attempt scheduled by the backoff, and after the last attempt the delivery is failed', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  await receiver.close();
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  const [first] = await deliver({ retryDelayMs: (attempt) => attempt * 3_600_000, maxAttempts: 3 });
  expect(first).toMatchObject({ status: 'retrying', attempt: 1, responseStatus: null, failure: 'ECONNREFUSED' });
  const { rows } = await db.knex.raw(`SELECT round(extract(epoch FROM next_attempt_at - now()) / 60) AS minutes FROM webhook_deliveries WHERE webhook_endpoint_id = ?`, [endpointId]);
  expect(Number(rows[0].minutes)).toBe(60);

  await deliveriesOf(endpointId).update({ next_attempt_at: db.knex.fn.now() });
  const second = await deliver({ maxAttempts: 3 });
  const third = await deliver({ maxAttempts: 3 });
  expect([first, ...second, ...third].map((attempt) => attempt.status)).toEqual(['retrying', 'retrying', 'failed']);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'failed', attempt_count: 3, response_status: null, next_attempt_at: null, delivered_at: null });
});

test('a receiver slower than the timeout is a failed attempt with no response status', async () => {
  await addEndpoint(['invoice.paid']);
  const http = await import('node:http');
  const silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  await db.knex('webhook_endpoints').where({ company_id: companyId }).update({ url: `http://127.0.0.1:${port}/slow` });
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  try {
    const [attempt] = await deliver({ timeoutMs: 300 });
    expect(attempt).toMatchObject({ status: 'retrying', responseStatus: null, failure: 'timeout' });
  } finally {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

test('a redirect is not followed: the 3xx is a failed attempt and its target is never called', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  receiver.answerWith(307);
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  const [attempt] = await deliver();
  expect(attempt).toMatchObject({ status: 'retrying', responseStatus: 307, failure: 'http_307' });
  expect(receiver.received).toHaveLength(1);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'pending', response_status: 307 });
});

test('a pending delivery of an endpoint disabled since is held, not attempted, and sent once the endpoint is enabled again', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  await db.knex('webhook_endpoints').where({ id: endpointId }).update({ active: false });
  expect(await deliver()).toEqual([]);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'pending', attempt_count: 0 });
  await db.knex('webhook_endpoints').where({ id: endpointId }).update({ active: true });
  await deliver();
  expect(receiver.received).toHaveLength(1);
});

test('a replay during an attempt in flight wins: that attempt\'s failure is not recorded, and the delivery is sent again', async () => {
  const endpointId = await addEndpoint(['invoice.paid']);
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  receiver.answerWith(500);
  const held = receiver.holdNext();
  const inFlight = deliver({ retryDelayMs: () => 3_600_000 });
  await held.arrived;
  const [delivery] = await deliveriesOf(endpointId);
  expect(await replayDelivery(tenantScope(db.knex, companyId), delivery.id)).toMatchObject({ status: 'pending', attempt_count: 1 });
  held.release();
  expect(await inFlight).toMatchObject([{ status: 'retrying', responseStatus: 500 }]);
  // The replay left it due now, not an hour away as the in-flight failure would have.
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'pending', attempt_count: 1, response_status: null });
  await deliver();
  expect(receiver.received).toHaveLength(2);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'succeeded', attempt_count: 2, response_status: 200 });
});

test.each([
  ['an IP literal', (url: string) => url],
  ['a name that resolves to loopback', (url: string) => url.replace('127.0.0.1', 'localhost')],
])('by default nothing is sent to a loopback or private address (%s): the attempt fails as private_address', async (_, toUrl) => {
  const endpointId = await addEndpoint(['invoice.paid'], { url: toUrl(receiver.url) });
  await emit('invoice.paid');
  await fanOutPendingEvents(db.knex);
  const [attempt] = await deliver({ allowPrivateNetworks: undefined });
  expect(attempt).toMatchObject({ status: 'retrying', responseStatus: null, failure: 'private_address' });
  expect(receiver.received).toHaveLength(0);
  expect(await deliveriesOf(endpointId).first()).toMatchObject({ status: 'pending', attempt_count: 1, response_status: null });
});
