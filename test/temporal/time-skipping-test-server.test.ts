import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ensureTemporalTestServer } from '../../engine/temporal/ensure-binaries';
import { timeSkippingEnvironmentOptions } from '../../engine/temporal/test-environment-options';
import { sleepNinetyDays } from './fixtures/ninety-day-sleep-workflow';
import { installQuietWorkerRuntime } from './quiet-worker-runtime';

installQuietWorkerRuntime();

const ninetyDaysMs = 90 * 24 * 60 * 60 * 1000;

describe('the time-skipping test server at our located path', () => {
  let testEnv: TestWorkflowEnvironment;

  beforeAll(async () => {
    const testServer = await ensureTemporalTestServer();
    testEnv = await TestWorkflowEnvironment.createTimeSkipping(timeSkippingEnvironmentOptions(testServer.path));
  });

  afterAll(async () => {
    await testEnv?.teardown();
  });

  it('runs a workflow that sleeps 90 days in seconds of wall time', async () => {
    const taskQueue = 'ninety-day-sleep';
    const worker = await Worker.create({
      connection: testEnv.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/ninety-day-sleep-workflow'),
    });
    const wallClockStartMs = Date.now();

    const clock = await worker.runUntil(testEnv.client.workflow.execute(sleepNinetyDays, { taskQueue, workflowId: 'sleep-ninety-days' }));

    expect(clock.wokeAtMs - clock.startedAtMs).toBeGreaterThanOrEqual(ninetyDaysMs);
    expect(Date.now() - wallClockStartMs).toBeLessThan(15_000);
  });
});
