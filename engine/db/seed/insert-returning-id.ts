import type { Knex } from 'knex';

/** Inserts one row and returns its generated id. */
export async function insertReturningId(trx: Knex.Transaction, table: string, row: Record<string, unknown>): Promise<string> {
  const [inserted] = await trx(table).insert(row).returning('id');
  return inserted.id as string;
}
