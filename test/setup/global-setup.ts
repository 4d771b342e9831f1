import os from 'node:os';
import path from 'node:path';
import { createKnex, migrateToLatest } from '../../engine/db/knex-factory';
import { writeWorkflowBundle } from '../../engine/temporal/workflow-bundle';
import { testServerUrl, withAdminClient } from '../helpers/test-database';

/** Migrates one template database per run; every DB test file clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds. */
export default async function globalSetup(): Promise<void> {
  const template = `lf_test_${Date.now().toString(36)}_${process.pid}`;
  try {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${template}"`));
  } catch (error) {
    throw new Error(
      `The test suite needs PostgreSQL at ${testServerUrl()} (set TEST_DATABASE_URL to use another): ${(error as Error).message}`,
    );
  }
  const knex = createKnex(testServerUrl(template), { maxConnections: 1 });
  try {
    await migrateToLatest(knex);
  } finally {
    await knex.destroy();
  }
  process.env.LEDGERFLOW_TEST_TEMPLATE = template;
  // Workers in every test file load this one bundle instead of running webpack each time.
  process.env.LEDGERFLOW_WORKFLOW_BUNDLE = await writeWorkflowBundle(path.join(os.tmpdir(), `${template}-workflows.js`));
}
