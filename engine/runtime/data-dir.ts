import path from 'node:path';

/** Where a local install keeps its state: the embedded database, the Temporal SQLite file and the secret key. */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.LEDGERFLOW_DATA_DIR ?? path.join(__dirname, '..', '..', '.ledgerflow', 'data'));
}
