import type { Knex } from 'knex';

/** Marks a tenant deleted; its data stays until purged, so a mistaken deletion can be undone. */
export async function softDeleteCompany(knex: Knex, companyId: string): Promise<void> {
  await knex('companies').where({ id: companyId }).whereNull('deleted_at').update({ deleted_at: knex.fn.now() });
}

export async function restoreCompany(knex: Knex, companyId: string): Promise<void> {
  await knex('companies').where({ id: companyId }).update({ deleted_at: null });
}

interface ForeignKeyEdge {
  child: string;
  parent: string;
}

/** Tables that carry company_id, ordered so that every table comes before the tables it references. */
async function tenantTablesChildrenFirst(knex: Knex): Promise<string[]> {
  const tables = (
    await knex('information_schema.columns')
      .select('table_name')
      .where({ table_schema: 'public', column_name: 'company_id' })
  ).map((row: { table_name: string }) => row.table_name);
  const edges: ForeignKeyEdge[] = (
    await knex.raw(`
      SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint c
      JOIN pg_class child ON child.oid = c.conrelid
      JOIN pg_class parent ON parent.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND child.relname <> parent.relname`)
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.parent === table && tables.includes(edge.child)) visit(edge.child);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Removes every row of a soft-deleted tenant, then the company itself, in one transaction.
 * Refuses a company that was not soft-deleted first, so a purge is always a second, deliberate step.
 */
export async function purgeCompany(knex: Knex, companyId: string): Promise<{ deletedRows: number }> {
  return knex.transaction(async (trx) => {
    const company = await trx('companies').where({ id: companyId }).first();
    if (!company) throw new Error(`Company ${companyId} does not exist`);
    if (!company.deleted_at) throw new Error(`Company ${companyId} must be soft-deleted before it can be purged`);
    let deletedRows = 0;
    for (const table of await tenantTablesChildrenFirst(trx)) {
      // Reversals reference the payments they reverse, in the same table: remove them first.
      if (table === 'payments') deletedRows += await trx(table).where({ company_id: companyId }).whereNotNull('reverses_payment_id').delete();
      deletedRows += await trx(table).where({ company_id: companyId }).delete();
    }
    await trx('companies').where({ id: companyId }).delete();
    return { deletedRows: deletedRows + 1 };
  });
}
