/**
 * Prints the schedule and amounts the product computes for the 12-installment case, by running it end to end exactly as
 * twelve-installments.test.ts does (real run on the time-skipping server, real Postgres, real SMTP sink):
 *   npx tsx test/flows/installments/print-schedule.ts
 * Due dates follow the day it runs (the first is the 15th of the month after next); the amounts do not.
 */
import globalSetup from '../../setup/global-setup';
import globalTeardown from '../../setup/global-teardown';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { formatOutcome } from './format-outcome';
import { createInstallmentFlow } from './installment-flow-harness';
import { runTwelveInstallmentScenario } from './twelve-installment-scenario';

async function main(): Promise<void> {
  installQuietWorkerRuntime();
  await globalSetup();
  try {
    const flow = await createInstallmentFlow();
    try {
      await flow.publish();
      console.log(formatOutcome(await runTwelveInstallmentScenario(flow)));
    } finally {
      await flow.h.teardown();
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
