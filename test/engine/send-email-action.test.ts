import { MockActivityEnvironment } from '@temporalio/testing';
import { createActionRegistry } from '../../activities/action-registry';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActivities } from '../../activities/create-activities';
import { createSmtpMailer } from '../../activities/mailer';
import type { RunActivities } from '../../workflows/run-contract';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let smtp: SmtpSink;
let activities: RunActivities;
let companyId: string;
const env = new MockActivityEnvironment();

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpSink();
  companyId = (await createTenant(db.knex, 'mailer')).companyId;
  activities = createActivities({ knex: db.knex, mailer: createSmtpMailer({ host: smtp.host, port: smtp.port, from: 'flows@ledgerflow.test' }), actions: createActionRegistry(CORE_ACTIONS) });
});
afterAll(async () => {
  await smtp.close();
  await db.drop();
});

const send = (input: Record<string, unknown>, idempotencyKey = 'wf-1:step-1') =>
  env.run(activities.executeAction, { companyId, workflowId: 'wf-1', stepId: 'mail', token: 't1', action: 'core.sendEmail', input, idempotencyKey });

test('a named template is rendered with the data, money formatted to the minor unit', async () => {
  await send({ to: 'ana@example.test', template: 'invoice-reminder', data: { invoiceNumber: 'INV-0042', amountDue: 123456, currency: 'EUR', dueDate: '2026-11-30', customerName: 'Ana' } }, 'k-template');
  const mail = smtp.received.at(-1)!;
  expect(mail.subject).toBe('Reminder: invoice INV-0042 is overdue');
  expect(mail.raw).toContain('Invoice INV-0042 for EUR 1,234.56 was due on 2026-11-30.');
});

test('a tenant override of a template replaces the default', async () => {
  await db.knex('tenant_settings').insert({ company_id: companyId, key: 'email.template.invoice-reminder', value: JSON.stringify({ subject: 'Psst, {{invoiceNumber}}', text: 'Pay {{amountDue|money}}' }) });
  await send({ to: 'ana@example.test', template: 'invoice-reminder', data: { invoiceNumber: 'INV-0043', amountDue: 500, currency: 'EUR' } }, 'k-override');
  expect(smtp.received.at(-1)!.subject).toBe('Psst, INV-0043');
});

test('the same dedupe key sends once, even when the step is retried with another idempotency key', async () => {
  const before = smtp.received.length;
  const first = (await send({ to: 'bo@example.test', subject: 'Once', text: 'Only once', dedupeKey: 'invoice:9:reminder:1' }, 'attempt-a')) as { deduplicated: boolean };
  const second = (await send({ to: 'bo@example.test', subject: 'Once', text: 'Only once', dedupeKey: 'invoice:9:reminder:1' }, 'attempt-b')) as { deduplicated: boolean };
  expect([first.deduplicated, second.deduplicated]).toEqual([false, true]);
  expect(smtp.received.length - before).toBe(1);
  expect(await db.knex('outbound_emails').where({ company_id: companyId, dedupe_key: 'invoice:9:reminder:1' }).first()).toMatchObject({ status: 'sent', attempts: 1, recipient: 'bo@example.test' });
});

test('an unknown template is refused as invalid input, without sending anything', async () => {
  const before = smtp.received.length;
  await expect(send({ to: 'bo@example.test', template: 'no-such-template' }, 'k-unknown')).rejects.toMatchObject({ type: 'InvalidActionInput', nonRetryable: true });
  expect(smtp.received.length).toBe(before);
});

test('giving both a template and a subject is refused by the input schema', async () => {
  await expect(send({ to: 'bo@example.test', template: 'invoice-reminder', subject: 'x', text: 'y' }, 'k-both')).rejects.toMatchObject({ type: 'InvalidActionInput' });
});
