// Records the histories that replay-histories.test.ts replays. Run after a deliberate, compatible change to the
// workflow code: `npx tsx test/replay/record-histories.ts`. Commit the files it writes.
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import globalSetup from '../setup/global-setup';
import globalTeardown from '../setup/global-teardown';
import { createEngineHarness } from '../helpers/engine-harness';
import { TEST_ACTIONS } from '../helpers/test-actions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { REPLAY_SCENARIOS } from './scenarios';

const OUTPUT = path.join(__dirname, 'histories');

async function main(): Promise<void> {
  installQuietWorkerRuntime();
  await globalSetup();
  const h = await createEngineHarness(TEST_ACTIONS);
  const manifest: Record<string, string> = {};
  try {
    for (const scenario of REPLAY_SCENARIOS) {
      for (const definition of scenario.definitions) await h.publish(definition);
      h.engine.historyLimit = scenario.historyLimit;
      const main = scenario.definitions[scenario.definitions.length - 1];
      const input = scenario.prepare ? await scenario.prepare(h) : scenario.input;
      const started = await h.start({ definitionKey: main.key, input: input ?? {} });
      const handle = h.env.client.workflow.getHandle(started.workflowId);
      await scenario.drive?.(handle, h);
      await handle.result().catch(() => undefined);
      // Continue-as-new leaves a chain of runs, each its own history: walk back from the last to the first.
      const chain: Uint8Array[] = [];
      let runId: string | undefined;
      do {
        const history = await h.env.client.workflow.getHandle(started.workflowId, runId).fetchHistory();
        chain.unshift(temporal.api.history.v1.History.encode(history).finish());
        runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      } while (runId);
      // Protobuf binary: the exact bytes the server sent, free of any JSON conversion.
      chain.forEach((bytes, index) => {
        const file = `${scenario.name}.${index}.history.pb`;
        fs.writeFileSync(path.join(OUTPUT, file), bytes);
        // Replay needs the original workflow id: child workflow ids are derived from it.
        manifest[file] = started.workflowId;
      });
      console.log(`recorded ${scenario.name}`);
    }
    fs.writeFileSync(path.join(OUTPUT, 'workflow-ids.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    await h.teardown();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
