import { randomBytes, randomUUID } from 'node:crypto';
import { emitDomainEvent } from '../../engine/events';
import { createSecretBox } from '../../engine/security/secret-box';
import { describeAttempt, runWebhookDeliverer } from '../../engine/webhooks';
import { eventually } from '../helpers/eventually';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';
import { signatureIsValid, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const secrets = createSecretBox(randomBytes(32));
let db: TestDatabase;
let receiver: WebhookReceiver;
beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await db.drop();
});

test('the worker loop delivers a committed event on its own, and its log lines name ids and outcomes but never the payload', async () => {
  const { companyId } = await createTenant(db.knex, 'loop');
  const [endpoint] = await db.knex('webhook_endpoints')
    .insert({ company_id: companyId, url: receiver.url, event_types: JSON.stringify(['invoice.paid']), secret_encrypted: secrets.seal('whsec_loop') })
    .returning('id');
  receiver.answerWith(500);
  const marker = 'PAYLOAD-MARKER-93731';
  const lines: string[] = [];
  const printed: string[] = [];
  const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
  );
  const deliverer = runWebhookDeliverer(db.knex, { secrets, allowPrivateNetworks: true, intervalMs: 50, retryDelayMs: () => 0, onAttempt: (attempt) => lines.push(describeAttempt(attempt)) });
  try {
    const { eventId } = await db.knex.transaction((trx) =>
      emitDomainEvent(trx, companyId, { name: 'invoice.paid', entity: { type: 'invoice', id: randomUUID() }, payload: { reference: marker, amount_minor: 4_200 } }),
    );
    await eventually(() => db.knex('webhook_deliveries').where({ webhook_endpoint_id: endpoint.id }).first(), (row) => row?.status === 'succeeded');
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((webhook) => signatureIsValid('whsec_loop', webhook) && webhook.body.includes(marker))).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`event ${eventId} to endpoint ${endpoint.id}, attempt 1: retrying (http_500)`);
    expect(lines[1]).toContain('attempt 2: succeeded');
  } finally {
    await deliverer.stop();
    for (const spy of spies) spy.mockRestore();
  }
  expect([...lines, ...printed].filter((line) => line.includes(marker) || line.includes('4200') || line.includes(receiver.url))).toEqual([]);
});
