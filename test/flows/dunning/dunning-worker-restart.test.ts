import { defaultPayloadConverter } from '@temporalio/common';
import { createActionRegistry } from '../../../activities/action-registry';
import { CORE_ACTIONS } from '../../../activities/core-actions';
import { createActivities } from '../../../activities/create-activities';
import { createSmtpMailer } from '../../../activities/mailer';
import { dateAddDays } from '../../../engine/dsl/logic/date-operations';
import type { ExecuteActionArgs } from '../../../workflows/run-contract';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addUserWithRole, dunningDefinition, overdueSinceYesterday, runOf, sleepUntil, subjectsTo, timelineOf } from './dunning-fixtures';

installQuietWorkerRuntime();
let h: EngineHarness;
let financeUsers: string[];
beforeAll(async () => {
  h = await createEngineHarness();
  // Without a run cache from the start, no run is tied to the sticky queue of a worker this file stops.
  await h.stopWorker();
  await h.startWorker({ cache: false });
  financeUsers = [await addUserWithRole(h, 'finance'), await addUserWithRole(h, 'finance')];
  await h.publish(dunningDefinition());
}, 60_000);
afterAll(() => h?.teardown());

/** The arguments the run scheduled its reminder activities with, read back from the run's history. */
async function reminderActivityArgs(invoiceId: string): Promise<ExecuteActionArgs[]> {
  const history = await runOf(h, invoiceId).fetchHistory();
  return (history.events ?? [])
    .map((event) => event.activityTaskScheduledEventAttributes?.input?.payloads?.[0])
    .filter((payload) => payload !== undefined && payload !== null)
    .map((payload) => defaultPayloadConverter.fromPayload<ExecuteActionArgs>(payload))
    .filter((args) => args.action === 'core.sendDunningReminder');
}

test('a worker restarted mid-run, and a reminder activity run again as a retry after its send, leave no duplicate email, notification or row', async () => {
  const { invoiceId, dueDate, email } = await overdueSinceYesterday(h, 'restarted', 9_999);
  await sleepUntil(h, dateAddDays(dueDate, 3), '12:00');
  expect(subjectsTo(h, email)).toHaveLength(2);

  // A new worker without a cache replays the run from its history before going on.
  await h.stopWorker();
  await h.startWorker({ cache: false });
  // What a crash after the SMTP send but before the activity completed leads to: the same activity, same input and key, again.
  const activities = createActivities({
    knex: h.db.knex, mailer: createSmtpMailer({ host: h.smtp.host, port: h.smtp.port, from: 'flows@ledgerflow.test' }), actions: createActionRegistry(CORE_ACTIONS), secrets: h.secrets,
  });
  const [dayOne, dayThree] = await reminderActivityArgs(invoiceId);
  expect(dayThree.input).toMatchObject({ invoiceId, stepIndex: 1, channel: 'email', on: dateAddDays(dueDate, 3) });
  await activities.executeAction(dayOne);
  await activities.executeAction(dayThree);

  await sleepUntil(h, dateAddDays(dueDate, 5), '12:00');
  await h.stopWorker();
  await h.startWorker({ cache: false });
  const [, , dayFive] = await reminderActivityArgs(invoiceId);
  await activities.executeAction(dayFive);
  await sleepUntil(h, dateAddDays(dueDate, 8), '12:00');

  expect(subjectsTo(h, email)).toHaveLength(3);
  const outbound = await h.db.knex('outbound_emails').where({ company_id: h.companyId }).whereLike('dedupe_key', `invoice:${invoiceId}:%`).orderBy('dedupe_key');
  expect(outbound.map((row) => [row.dedupe_key, row.status, row.attempts])).toEqual([
    [`invoice:${invoiceId}:dunning:0`, 'sent', 1],
    [`invoice:${invoiceId}:dunning:1`, 'sent', 1],
    [`invoice:${invoiceId}:dunning:3`, 'sent', 1],
  ]);
  const notifications = await h.db.knex('notifications').where({ company_id: h.companyId }).whereLike('source_key', `invoice:${invoiceId}:%`);
  expect(notifications.map((n) => n.user_id).sort()).toEqual([...financeUsers].sort());
  expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.sequence, a.channel, a.day])).toEqual([[0, 'email', 1], [1, 'email', 3], [2, 'notification', 5], [3, 'email', 7]]);
  await runOf(h, invoiceId).terminate('test done');
});

test('a run that continues as new many times over its 30 days keeps its place on the ladder: each step once, on its day, then the final action', async () => {
  await h.publish(dunningDefinition({ finalAction: { day: 30, action: 'markUncollectible' } }));
  h.engine.historyLimit = 30;
  try {
    const { invoiceId, dueDate, email, run } = await overdueSinceYesterday(h, 'continued', 31_415);
    const firstRunId = (await run.describe()).runId;
    expect(await run.result()).toEqual({ outcome: 'exhausted', finalAction: 'markUncollectible' });
    expect((await run.describe()).runId).not.toBe(firstRunId);
    expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.kind, a.sequence, a.day])).toEqual([
      ...[1, 3, 5, 7, 10, 14, 21, 28].map((day, sequence) => ['reminder', sequence, day]),
      ['final_action', 0, 30],
    ]);
    expect(subjectsTo(h, email)).toHaveLength(5);
  } finally {
    delete h.engine.historyLimit;
  }
});
