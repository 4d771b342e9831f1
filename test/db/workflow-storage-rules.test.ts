import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;
let definitionId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
  definitionId = await insertRow(db.knex, 'workflow_definitions', { company_id: tenant, key: 'dunning', name: 'Dunning' });
});
afterAll(() => db.drop());

const version = (n: number, status = 'draft') => ({ company_id: tenant, definition_id: definitionId, version: n, status, document: JSON.stringify({ v: n }), checksum: `c${n}` });

test('a draft can be edited, and a definition has at most one draft', async () => {
  const id = await insertRow(db.knex, 'workflow_definition_versions', version(1));
  await expect(db.knex('workflow_definition_versions').where({ id }).update({ document: JSON.stringify({ v: 'edited' }) })).resolves.toBe(1);
  await expect(insertRow(db.knex, 'workflow_definition_versions', version(2))).rejects.toThrow(/workflow_definition_versions_one_draft/);
  await db.knex('workflow_definition_versions').where({ id }).update({ status: 'published', published_at: db.knex.fn.now() });
});

test('a published version cannot be changed or deleted', async () => {
  const published = await db.knex('workflow_definition_versions').where({ definition_id: definitionId, version: 1 }).first();
  await expect(db.knex('workflow_definition_versions').where({ id: published.id }).update({ document: JSON.stringify({ v: 'sneaky' }) })).rejects.toThrow(
    /version 1 is published and cannot be changed/,
  );
  await expect(db.knex('workflow_definition_versions').where({ id: published.id }).delete()).rejects.toThrow(/cannot be deleted/);
});

test('a version moves only forward: draft → published → archived', async () => {
  const published = await db.knex('workflow_definition_versions').where({ definition_id: definitionId, version: 1 }).first();
  await expect(db.knex('workflow_definition_versions').where({ id: published.id }).update({ status: 'draft' })).rejects.toThrow(/cannot go from published to draft/);
  await expect(db.knex('workflow_definition_versions').where({ id: published.id }).update({ status: 'archived', archived_at: db.knex.fn.now() })).resolves.toBe(1);
  await expect(db.knex('workflow_definition_versions').where({ id: published.id }).update({ status: 'published' })).rejects.toThrow(/cannot go from archived to published/);
});

test('one run per definition and entity, while runs without an entity may repeat', async () => {
  const versionId = (await db.knex('workflow_definition_versions').where({ definition_id: definitionId, version: 1 }).first()).id;
  const run = (workflowId: string, entity: string | null) => ({
    company_id: tenant, workflow_id: workflowId, definition_id: definitionId, definition_version_id: versionId, definition_key: 'dunning',
    definition_version: 1, entity_type: entity ? 'invoice' : null, entity_id: entity, trigger_kind: 'event',
  });
  await insertRow(db.knex, 'workflow_runs', run('w1', 'inv-1'));
  await expect(insertRow(db.knex, 'workflow_runs', run('w2', 'inv-1'))).rejects.toThrow(/workflow_runs_one_per_entity/);
  await insertRow(db.knex, 'workflow_runs', run('w3', null));
  await expect(insertRow(db.knex, 'workflow_runs', run('w4', null))).resolves.toBeTruthy();
});
