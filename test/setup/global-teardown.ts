import fs from 'node:fs';
import { withAdminClient } from '../helpers/test-database';

/** Drops the run's template and any per-file database a crashed test left behind. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.LEDGERFLOW_TEST_TEMPLATE;
  if (!template) return;
  if (process.env.LEDGERFLOW_WORKFLOW_BUNDLE) fs.rmSync(process.env.LEDGERFLOW_WORKFLOW_BUNDLE, { force: true });
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
