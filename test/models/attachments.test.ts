import * as models from '../../engine/db/models';
import { ATTACHMENT_HOST_MODELS, fetchAttachmentHost } from '../../engine/db/models/attachment-host';
import { ATTACHMENT_HOSTS, ATTACHMENT_TABLES, type AttachmentHostType } from '../../engine/db/schema-helpers/attachment-hosts';
import { tenantScope, type TenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createSharedPlan, createTenantGraph, type TenantGraph } from './two-tenant-graph';

const ATTACHMENT_RELATIONS = ['documents', 'calendarEvents', 'tasks', 'attachedActivities'] as const;
type Attached = { entity_type: string; entity_id: string; company_id: string };

let db: TestDatabase;
let acme: TenantGraph;
let scope: TenantScope;

beforeAll(async () => {
  db = await createTestDatabase();
  const plan = await createSharedPlan(db.knex);
  acme = await createTenantGraph(db.knex, 'acme', plan);
  await createTenantGraph(db.knex, 'globex', plan);
  scope = tenantScope(db.knex, acme.companyId);
});
afterAll(() => db.drop());

test('every attachment host type maps to the model of its table', () => {
  const tables = Object.entries(ATTACHMENT_HOST_MODELS).map(([type, model]) => [type, model?.tableName]);
  expect(Object.fromEntries(tables)).toEqual(ATTACHMENT_HOSTS);
});

test('every host model carries the four attachment relations', () => {
  const missing = Object.entries(ATTACHMENT_HOST_MODELS).flatMap(([type, model]) =>
    ATTACHMENT_RELATIONS.filter((relation) => !model?.getRelations()[relation]).map((relation) => `${type}.${relation}`),
  );
  expect(missing).toEqual([]);
});

test.each(Object.keys(ATTACHMENT_HOSTS) as AttachmentHostType[])('a %s loads only its own documents, events, tasks and activities', async (hostType) => {
  const hosts = await scope.query(ATTACHMENT_HOST_MODELS[hostType]).withGraphFetched(`[${ATTACHMENT_RELATIONS.join(', ')}]`);
  for (const relation of ATTACHMENT_RELATIONS) {
    const pairs = hosts.flatMap((host) =>
      (host as unknown as Record<string, Attached[]>)[relation].map((a) => [host.id, [a.company_id, a.entity_type, a.entity_id]] as const),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const [hostId, attachment] of pairs) expect(attachment).toEqual([acme.companyId, hostType, hostId]);
  }
});

test('inserting through a host relation stores the host entity_type and id', async () => {
  const deal = await scope.query(models.Deal).findById(acme.dealId);
  const document = await deal!.$relatedQuery('documents', db.knex).insert({ file_name: 'x.pdf', content_type: 'application/pdf', size_bytes: 1, storage_key: 'x' });
  const stored = await db.knex('documents').where({ id: document.id }).first('company_id', 'entity_type', 'entity_id');
  expect(stored).toEqual({ company_id: acme.companyId, entity_type: 'deal', entity_id: acme.dealId });
});

test('hosts of different types that share an id do not see each other attachments', async () => {
  const contact = await scope.query(models.Contact).insert({ name: 'Twin id' });
  const deal = await scope.query(models.Deal).insert({ id: contact.id, contact_id: contact.id, title: 'Same id as its contact', currency: 'EUR' });
  await deal.$relatedQuery('tasks', db.knex).insert({ title: 'Deal task' });
  await contact.$relatedQuery('tasks', db.knex).insert({ title: 'Contact task' });
  const loaded = await scope.query(models.Contact).findById(contact.id).withGraphFetched('tasks');
  expect(loaded?.tasks?.map((task) => task.title)).toEqual(['Contact task']);
});

test.each(ATTACHMENT_TABLES.map((table) => [table]))('a row of %s leads back to its host in the same tenant', async (table) => {
  const rows = await db.knex(table).where({ company_id: acme.companyId }).select('entity_type', 'entity_id');
  for (const row of rows) {
    const host = await fetchAttachmentHost(scope, row);
    expect(host?.id).toBe(row.entity_id);
    expect(host?.constructor).toBe(ATTACHMENT_HOST_MODELS[row.entity_type as AttachmentHostType]);
  }
});

test('an attachment read in another tenant scope finds no host', async () => {
  const globexScope = tenantScope(db.knex, (await db.knex('companies').where({ slug: 'globex' }).first('id')).id);
  expect(await fetchAttachmentHost(globexScope, { entity_type: 'deal', entity_id: acme.dealId })).toBeUndefined();
});
