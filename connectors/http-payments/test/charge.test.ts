import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { ConnectorApiError } from '../../../activities/action-errors';
import type { ActionContext } from '../../../activities/action-definition';
import { toActivityFailure } from '../../../activities/failure-mapping';
import type { Mailer } from '../../../activities/mailer';
import { createSecretBox } from '../../../engine/security/secret-box';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database';
import { createTenant } from '../../../test/helpers/tenant-fixtures';
import { executeCharge } from '../actions/charge';
import { IntegrationNotConfiguredError } from '../credentials';
import { startLocalPaymentService, type LocalPaymentService } from './local-payment-service';
import { connectPaymentService } from './payment-integration';

const secrets = createSecretBox(randomBytes(32));
let db: TestDatabase;
let psp: LocalPaymentService;
let connected: string;
let unconnected: string;

beforeAll(async () => {
  db = await createTestDatabase();
  psp = await startLocalPaymentService({ apiKey: 'sk_test_123' });
  connected = (await createTenant(db.knex, 'connected')).companyId;
  unconnected = (await createTenant(db.knex, 'unconnected')).companyId;
  await connectPaymentService(db.knex, secrets, connected, psp.baseUrl, 'sk_test_123');
});
afterAll(async () => {
  await psp.close();
  await db.drop();
});

const contextFor = (companyId: string, idempotencyKey = `wf:${randomBytes(4).toString('hex')}`): ActionContext => ({
  companyId, workflowId: 'wf', stepId: 'charge', idempotencyKey, knex: db.knex, mailer: {} as Mailer, secrets,
});
const charge = { amountMinor: 12_345, currency: 'EUR', reference: 'inv-1', customer: 'contact-1' };

test('an approved charge returns its id, having sent the bearer key, the idempotency key and the amount in minor units', async () => {
  psp.script(['approve']);
  const result = await executeCharge({ ...charge, idempotencyKey: 'invoice:1:retry:0' }, contextFor(connected));
  expect(result).toEqual({ chargeId: expect.stringMatching(/^ch_/), status: 'succeeded', amountMinor: 12_345, currency: 'EUR' });
  expect(psp.received.at(-1)).toMatchObject({
    idempotencyKey: 'invoice:1:retry:0', authorization: 'Bearer sk_test_123',
    body: { amount_minor: 12_345, currency: 'EUR', reference: 'inv-1', customer: 'contact-1' }, answer: 'approve',
  });
});

test('the same idempotency key charges once: a retried step gets the first charge back', async () => {
  const context = contextFor(connected, 'wf:step-execution-7');
  const first = await executeCharge(charge, context);
  psp.script(['decline']);
  const again = await executeCharge(charge, context);
  expect(again.chargeId).toBe(first.chargeId);
  expect(psp.received.filter((r) => r.idempotencyKey === 'wf:step-execution-7').map((r) => r.answer)).toEqual(['approve', 'approve']);
});

test('a decline is a non-retryable ConnectorApiError with status 402, which the activity reports as non-retryable', async () => {
  psp.script(['decline']);
  const failure = await executeCharge(charge, contextFor(connected)).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ConnectorApiError);
  expect(failure).toMatchObject({ status: 402, retryable: false, message: expect.stringMatching(/declined the payment \(card_declined: The card was declined\)$/) });
  const activityFailure = toActivityFailure(failure) as ApplicationFailure;
  expect(activityFailure).toBeInstanceOf(ApplicationFailure);
  expect(activityFailure).toMatchObject({ type: 'ConnectorApiError', nonRetryable: true, details: [{ status: 402 }], cause: failure });
});

test('an outage (503) and an unreachable service are retryable', async () => {
  psp.script(['outage']);
  await expect(executeCharge(charge, contextFor(connected))).rejects.toMatchObject({ name: 'ConnectorApiError', status: 503, retryable: true });
  const closed = await startLocalPaymentService({ apiKey: 'k' });
  await closed.close();
  await db.knex('integrations').where({ company_id: connected }).update({ config: { baseUrl: closed.baseUrl } });
  try {
    await expect(executeCharge(charge, contextFor(connected))).rejects.toMatchObject({ name: 'ConnectorApiError', status: undefined, retryable: true });
  } finally {
    await db.knex('integrations').where({ company_id: connected }).update({ config: { baseUrl: psp.baseUrl } });
  }
});

test('a tenant without the integration, or with a wrong key, is refused without retrying', async () => {
  await expect(executeCharge(charge, contextFor(unconnected))).rejects.toThrow(new IntegrationNotConfiguredError('no active integration'));
  await connectPaymentService(db.knex, secrets, unconnected, psp.baseUrl, 'sk_wrong');
  await expect(executeCharge(charge, contextFor(unconnected))).rejects.toMatchObject({ status: 401, retryable: false, message: expect.stringContaining('unauthorized') });
});
