import type { Knex } from 'knex';

/**
 * Creates a tenant-owned table: uuid id, company_id NOT NULL, timestamps, and UNIQUE (company_id, id)
 * so that children can reference (company_id, parent_id) and never point across tenants.
 */
export async function createTenantTable(
  knex: Knex,
  table: string,
  columns: (t: Knex.CreateTableBuilder) => void,
): Promise<void> {
  await knex.schema.createTable(table, (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('company_id').notNullable().references('id').inTable('companies').onDelete('RESTRICT');
    columns(t);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['company_id', 'id'], { indexName: `${table}_company_id_id_key` });
  });
  await touchUpdatedAt(knex, table);
}

export type OnDelete = 'RESTRICT' | 'CASCADE' | 'SET NULL';

/**
 * Adds a composite foreign key (company_id, column) → parent (company_id, id), and its (company_id, column) index.
 * SET NULL clears only the referencing column (PostgreSQL 15+), never company_id.
 */
export async function addTenantReference(
  knex: Knex,
  table: string,
  column: string,
  parent: string,
  onDelete: OnDelete = 'RESTRICT',
): Promise<void> {
  const action = onDelete === 'SET NULL' ? `SET NULL ("${column}")` : onDelete;
  await knex.raw(
    `ALTER TABLE ?? ADD CONSTRAINT ?? FOREIGN KEY (company_id, ??) REFERENCES ?? (company_id, id) ON DELETE ${action}`,
    [table, `${table}_${column}_fkey`, column, parent],
  );
  await knex.raw('CREATE INDEX ?? ON ?? (company_id, ??)', [`${table}_company_id_${column}_idx`, table, column]);
}

/** Keeps updated_at honest whatever client writes the row. */
export async function touchUpdatedAt(knex: Knex, table: string): Promise<void> {
  await knex.raw('CREATE TRIGGER ?? BEFORE UPDATE ON ?? FOR EACH ROW EXECUTE FUNCTION ledgerflow_touch_updated_at()', [
    `${table}_touch_updated_at`,
    table,
  ]);
}

/** A three-letter upper-case ISO 4217 code, checked by the database. */
export function currencyColumn(t: Knex.CreateTableBuilder, name = 'currency'): void {
  t.string(name, 3).notNullable();
  t.check(`?? ~ '^[A-Z]{3}$'`, [name], `${name}_is_iso_4217`);
}

/** Money in integer minor units (cents): bigint, never floating point. */
export function moneyColumn(t: Knex.CreateTableBuilder, name: string, options: { nonNegative?: boolean } = {}): void {
  t.bigInteger(name).notNullable().defaultTo(0);
  if (options.nonNegative !== false) t.check('?? >= 0', [name], `${name}_not_negative`);
}
