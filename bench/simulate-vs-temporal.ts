/**
 * How much faster the studio's simulation is than running the same definition on Temporal's time-skipping server,
 * for the same 97 days of the dunning ladder (three reminders 30 days apart, an unanswered approval, then collections).
 * Both sides must reach the same outcome, or the figures mean nothing; the script checks that before printing.
 *
 *   npm run bench
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { WorkflowDefinition } from '../definitions/generated/definition';
import { simulateRun } from '../engine/dsl/simulator/simulate-run';
import { createEngineHarness } from '../test/helpers/engine-harness';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';

const SIMULATION_ROUNDS = 200;
const TEMPORAL_ROUNDS = 3;
const INPUT = { invoiceId: 'INV-BENCH-1', amountDue: 125_000, currency: 'EUR', customerEmail: 'accounts@bench.test', customerName: 'Bench Bakery', dueDate: '2026-11-02' };

const template: WorkflowDefinition = JSON.parse(readFileSync(join(__dirname, '..', 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function simulate(): { ms: number; outcome: string; reminders: number } {
  const started = performance.now();
  const result = simulateRun(template, { input: INPUT, startAt: '2026-11-25T08:00:00.000Z', timeZone: 'UTC', horizon: 'P120D' });
  const ms = performance.now() - started;
  const reminders = result.timeline.flatMap((entry) => entry.commands).filter((command) => command.type === 'scheduleActivity').length;
  return { ms, outcome: result.state.error?.kind ?? result.state.status, reminders };
}

async function onTemporal(round: number, harness: Awaited<ReturnType<typeof createEngineHarness>>): Promise<{ ms: number; outcome: string; reminders: number }> {
  const definition = { ...template, key: `bench-dunning-${round}` };
  await harness.publish(definition);
  const mailsBefore = harness.smtp.received.length;
  const started = performance.now();
  // Its own invoice each round: reminders are sent once per invoice and reminder number, across runs.
  const handle = await harness.start({ definitionKey: definition.key, input: { ...INPUT, invoiceId: `INV-BENCH-${round + 1}` } });
  const outcome = await harness.env.client.workflow
    .getHandle(handle.workflowId)
    .result()
    .then(() => 'completed', (error: Error & { cause?: { type?: string; cause?: { type?: string } } }) => error.cause?.type ?? error.cause?.cause?.type ?? error.message);
  return { ms: performance.now() - started, outcome, reminders: harness.smtp.received.length - mailsBefore };
}

async function main(): Promise<void> {
  // Each Temporal run ends failed on purpose (sent to collections); the worker would log every one of them.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  await globalSetup();
  const harness = await createEngineHarness();
  try {
    simulate(); // warm the interpreter once, as the studio has by the time a person presses Simulate
    const simulated = Array.from({ length: SIMULATION_ROUNDS }, simulate);
    const temporal = [];
    for (let round = 0; round < TEMPORAL_ROUNDS; round += 1) temporal.push(await onTemporal(round, harness));

    const simulatedOutcome = `${simulated[0].outcome} after ${simulated[0].reminders} reminders`;
    const temporalOutcomes = new Set(temporal.map((run) => `${run.outcome} after ${run.reminders} reminders`));
    if (temporalOutcomes.size !== 1 || !temporalOutcomes.has(simulatedOutcome)) {
      throw new Error(`the two sides disagree: simulation ${simulatedOutcome}, Temporal ${[...temporalOutcomes].join(' / ')}`);
    }
    const simulationMs = median(simulated.map((run) => run.ms));
    const temporalMs = median(temporal.map((run) => run.ms));
    console.log(`dunning ladder, 97 days, both ending "${simulatedOutcome}":`);
    console.log(`  studio simulation (pure interpreter, virtual clock): ${simulationMs.toFixed(2)} ms (median of ${SIMULATION_ROUNDS})`);
    console.log(`  Temporal time-skipping server with the real worker:  ${temporalMs.toFixed(0)} ms (median of ${TEMPORAL_ROUNDS})`);
    console.log(`  ratio: the simulation is ${(temporalMs / simulationMs).toFixed(0)}× faster`);
  } finally {
    await harness.teardown();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
