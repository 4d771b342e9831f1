import { ATTACHMENT_TABLES } from '../../engine/db/schema-helpers/attachment-hosts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** Index column lists per table, e.g. { deals: ['company_id,contact_id', …] }. */
async function indexColumns(): Promise<Map<string, string[]>> {
  const { rows } = await db.knex.raw(`
    SELECT t.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.n) AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, n)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    GROUP BY i.indexrelid, t.relname`);
  const byTable = new Map<string, string[]>();
  for (const row of rows as { table_name: string; columns: string }[]) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.columns]);
  return byTable;
}

test('every foreign key of a child table is covered by an index that starts with (company_id, fk)', async () => {
  const { rows: foreignKeys } = await db.knex.raw(`
    SELECT child.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.n) AS columns
    FROM pg_constraint c
    JOIN pg_class child ON child.oid = c.conrelid
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, n)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.contype = 'f'
    GROUP BY c.oid, child.relname`);
  const indexes = await indexColumns();
  const uncovered = (foreignKeys as { table_name: string; columns: string }[])
    .filter((fk) => fk.columns !== 'company_id' && fk.columns.startsWith('company_id,'))
    .filter((fk) => !(indexes.get(fk.table_name) ?? []).some((index) => `${index},`.startsWith(`${fk.columns},`)));
  expect(foreignKeys.length).toBeGreaterThanOrEqual(40);
  expect(uncovered).toEqual([]);
});

test.each(ATTACHMENT_TABLES)('%s has an index on (company_id, entity_type, entity_id)', async (table) => {
  const indexes = await indexColumns();
  expect(indexes.get(table)).toContain('company_id,entity_type,entity_id');
});

test.each(ATTACHMENT_TABLES)('%s accepts a known host type and refuses an unknown one', async (table) => {
  const tenant = (await createTenant(db.knex, `idx-${table.replace('_', '-')}`)).companyId;
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Host' });
  const byTable: Record<string, Record<string, unknown>> = {
    documents: { file_name: 'a.pdf', content_type: 'application/pdf', size_bytes: 1, storage_key: 'k' },
    activities: { kind: 'note', subject: 'Hello' },
    calendar_events: { title: 'Call', starts_at: '2026-12-01T10:00:00Z', ends_at: '2026-12-01T10:30:00Z' },
    tasks: { title: 'Call back' },
  };
  const row = { company_id: tenant, entity_id: contactId, ...byTable[table] };
  await expect(insertRow(db.knex, table, { ...row, entity_type: 'contact' })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, table, { ...row, entity_type: 'spaceship' })).rejects.toThrow(/entity_type_is_known_host/);
});

test('deleting a host removes its attachments', async () => {
  const tenant = (await createTenant(db.knex, 'hosts')).companyId;
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Temporary' });
  await insertRow(db.knex, 'tasks', { company_id: tenant, entity_type: 'contact', entity_id: contactId, title: 'Call' });
  await db.knex('contacts').where({ id: contactId }).delete();
  expect(await db.knex('tasks').where({ entity_id: contactId })).toHaveLength(0);
});
