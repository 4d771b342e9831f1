import { ScheduleNotFoundError } from '@temporalio/client';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { scheduleIdFor, syncSchedules } from '../../engine/schedules';
import type { RunDefinitionArgs } from '../../workflows/run-contract';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { createDevServerEngine, type DevServerEngine } from './dev-server-engine';
import { eventually } from '../helpers/eventually';

installQuietWorkerRuntime();
let e: DevServerEngine;
beforeAll(async () => {
  e = await createDevServerEngine();
}, 60_000);
afterAll(() => e?.teardown());

const nightly = (version: number, schedule: Record<string, unknown>) =>
  ({
    key: 'nightly-close', name: 'Nightly close', version,
    triggers: [{ type: 'manual' }, { type: 'schedule', ...schedule, input: { ledger: { type: 'static', value: 'main' } } }],
    inputSchema: { type: 'object', required: ['ledger'], properties: { ledger: { type: 'string' } } },
    start: 'done',
    steps: [{ id: 'done', type: 'succeed', output: { ledger: { type: 'logic', rule: { var: 'input.ledger' } }, version: { type: 'static', value: version } } }],
  }) as WorkflowDefinition;

async function publish(definition: WorkflowDefinition): Promise<void> {
  await e.store.saveDraft(definition);
  await e.store.publish(definition.key);
  await syncSchedules(e.scope, e.store, e.client, e.taskQueue, definition.key, { searchAttributes: true });
}

// The schedule trigger is the definition's second trigger, so its schedule is number 1.
const scheduleId = () => scheduleIdFor(e.companyId, 'nightly-close', 1);
const describeSchedule = () => e.client.schedule.getHandle(scheduleId()).describe();

test('publishing a schedule trigger creates a Temporal Schedule with its cron, time zone, overlap policy and catch-up window', async () => {
  await publish(nightly(1, { cron: '0 9 * * 1-5', timeZone: 'Europe/Lisbon', overlapPolicy: 'bufferOne', catchupWindow: 'PT10M' }));
  const schedule = await describeSchedule();
  expect(schedule.spec.timezone).toBe('Europe/Lisbon');
  // The server keeps a cron as calendar ranges: minute 0, hour 9, Monday to Friday.
  expect(schedule.spec.calendars).toMatchObject([{ minute: [{ start: 0, end: 0 }], hour: [{ start: 9, end: 9 }], dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY' }] }]);
  expect(schedule.policies).toMatchObject({ overlap: 'BUFFER_ONE', catchupWindow: 600_000 });
  expect(schedule.action).toMatchObject({ workflowType: 'runDefinition', taskQueue: e.taskQueue });
  expect((schedule.action.args as RunDefinitionArgs[])[0]).toMatchObject({ companyId: e.companyId, definitionVersion: 1, input: { ledger: 'main' } });
});

test('publishing v2 updates the schedule in place to start v2 with its new cron and policies', async () => {
  await publish(nightly(2, { cron: '30 7 * * *', timeZone: 'America/New_York', overlapPolicy: 'skip', catchupWindow: 'PT1H' }));
  const schedule = await describeSchedule();
  expect(schedule.spec.timezone).toBe('America/New_York');
  expect(schedule.spec.calendars).toMatchObject([{ minute: [{ start: 30, end: 30 }], hour: [{ start: 7, end: 7 }] }]);
  expect(schedule.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 3_600_000 });
  expect((schedule.action.args as RunDefinitionArgs[])[0]).toMatchObject({ definitionVersion: 2 });
});

test('a schedule firing starts a run on the pinned version, which is then recorded in workflow_runs as a scheduled run', async () => {
  await e.client.schedule.getHandle(scheduleId()).trigger();
  const fired = await eventually(describeSchedule, (s) => s.info.recentActions.length > 0);
  const workflowId = fired.info.recentActions[0].action.workflow.workflowId;
  expect(await e.client.workflow.getHandle(workflowId).result()).toEqual({ ledger: 'main', version: 2 });

  // The run recorded itself when it started.
  const run = await e.db.knex('workflow_runs').where({ workflow_id: workflowId }).first();
  expect(run).toMatchObject({ company_id: e.companyId, definition_key: 'nightly-close', definition_version: 2, trigger_kind: 'schedule', status: 'completed' });
});

test('archiving the last published versions deletes the schedule', async () => {
  await e.store.archive('nightly-close', 2);
  await syncSchedules(e.scope, e.store, e.client, e.taskQueue, 'nightly-close');
  // v1 is still published, so the schedule now starts v1 again.
  expect((((await describeSchedule()).action.args as RunDefinitionArgs[])[0]).definitionVersion).toBe(1);
  await e.store.archive('nightly-close', 1);
  expect(await syncSchedules(e.scope, e.store, e.client, e.taskQueue, 'nightly-close')).toEqual({ upserted: [], deleted: [scheduleId()] });
  await expect(describeSchedule()).rejects.toThrow(ScheduleNotFoundError);
});
