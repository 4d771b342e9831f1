import type { Model, QueryBuilder } from 'objection';
import type { TenantScope } from '../../db/tenant-scope';
import { ProblemError, notFound } from '../http/problem';
import type { ResourceDefinition } from './resource-definition';
import { emitResourceEvent } from './resource-events';

interface ListOptions {
  limit: number;
  sort: string;
  cursor?: string;
  filters: Record<string, unknown>;
  /** Conditions beyond equality, e.g. `read_at IS NULL` for unread notifications. */
  narrow?: (query: QueryBuilder<Model, Model[]>) => void;
}

interface Cursor {
  /** The last row of the previous page; the next page continues after its (sort value, id). */
  after: string;
  sort: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string, sort: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.after === 'string' && /^[0-9a-f-]{36}$/i.test(cursor.after) && cursor.sort === sort) return cursor;
  } catch {
    // Falls through to the problem below.
  }
  throw new ProblemError(400, 'validation_failed', 'The cursor is not one this list handed out for this sort', [{ in: 'query', pointer: '#/cursor', message: 'is not valid for this sort' }]);
}

/**
 * Keyset pagination on (sort column, id). The cursor names the last row seen, and the comparison reads that row's
 * values in SQL, so timestamps keep their full precision and no row is skipped or repeated.
 */
export async function listRows(scope: TenantScope, definition: ResourceDefinition, options: ListOptions): Promise<{ data: Model[]; next_cursor: string | null }> {
  const descending = options.sort.startsWith('-');
  const column = descending ? options.sort.slice(1) : options.sort;
  const table = definition.table;
  const query = scope.query(definition.model).where(options.filters);
  options.narrow?.(query as unknown as QueryBuilder<Model, Model[]>);
  if (options.cursor) {
    const cursor = decodeCursor(options.cursor, options.sort);
    const anchor = scope.knex(table).where({ company_id: scope.companyId, id: cursor.after }).select(column, 'id');
    if (!(await anchor.clone().first())) {
      throw new ProblemError(400, 'validation_failed', 'The row this cursor continues after was deleted; start the list again', [{ in: 'query', pointer: '#/cursor', message: 'is stale' }]);
    }
    query.whereRaw(`(??, ??) ${descending ? '<' : '>'} ?`, [`${table}.${column}`, `${table}.id`, anchor]);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query.orderBy([{ column: `${table}.${column}`, order: direction }, { column: `${table}.id`, order: direction }]).limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1] as (Model & { id: string }) | undefined;
  return { data: page, next_cursor: rows.length > options.limit && last ? encodeCursor({ after: last.id, sort: options.sort }) : null };
}

export async function getRow(scope: TenantScope, definition: ResourceDefinition, id: string): Promise<Model> {
  const row = await scope.query(definition.model).findById(id);
  if (!row) throw notFound(singular(definition));
  return row;
}

type Row = Record<string, unknown> & { id: string };

function plain(model: Model): Row {
  return model.toJSON() as Row;
}

export async function createRow(scope: TenantScope, definition: ResourceDefinition, values: Record<string, unknown>): Promise<Model> {
  return scope.transaction(async (tx) => {
    const row = await tx.query(definition.model).insertAndFetch(values);
    await emitResourceEvent(tx.knex, tx.companyId, definition, 'created', plain(row));
    return row;
  });
}

export async function patchRow(scope: TenantScope, definition: ResourceDefinition, id: string, changes: Record<string, unknown>): Promise<Model> {
  const row: Model | undefined = await scope.transaction(async (tx) => {
    if (definition.checkPatch) {
      const current = await tx.query(definition.model).findById(id).forUpdate();
      if (!current) return undefined;
      definition.checkPatch(plain(current), changes);
    }
    const changed = await tx.query(definition.model).patchAndFetchById(id, changes);
    if (changed) await emitResourceEvent(tx.knex, tx.companyId, definition, 'updated', plain(changed));
    return changed;
  });
  if (!row) throw notFound(singular(definition));
  return row;
}

/** Deletes per the schema's deletion rules: a RESTRICT comes back from the transaction as RowInUseError (409). */
export async function deleteRow(scope: TenantScope, definition: ResourceDefinition, id: string): Promise<void> {
  const deleted: boolean = await scope.transaction(async (tx) => {
    const row = await tx.query(definition.model).findById(id).forUpdate();
    if (!row) return false;
    definition.checkDelete?.(plain(row));
    await tx.query(definition.model).deleteById(id);
    await emitResourceEvent(tx.knex, tx.companyId, definition, 'deleted', plain(row));
    return true;
  });
  if (!deleted) throw notFound(singular(definition));
}

function singular(definition: ResourceDefinition): string {
  return definition.table.replace(/_/g, ' ').replace(/s$/, '');
}
