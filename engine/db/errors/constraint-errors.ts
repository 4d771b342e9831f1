import { CheckViolationError, DBError, ForeignKeyViolationError, NotNullViolationError, UniqueViolationError, wrapError } from 'db-errors';
import { DataError } from './tenant-errors';

/** A row refers to a parent that does not exist in the caller's tenant (missing, or another tenant's). */
export class ReferenceNotFoundError extends DataError {
  constructor(table: string, column: string | undefined, constraint: string) {
    super(
      column
        ? `${table}.${column} refers to a row that does not exist in this tenant`
        : `${table} refers to a row that does not exist in this tenant`,
      422,
      'reference_not_found',
      { table, column, constraint },
    );
  }
}

/** Deleting or changing a row is blocked because other rows still depend on it (RESTRICT). */
export class RowInUseError extends DataError {
  constructor(table: string, dependentTable: string | undefined, constraint: string) {
    super(
      dependentTable ? `${table} row is still used by ${dependentTable}; remove those first` : `${table} row is still in use`,
      409,
      'row_in_use',
      { table, dependentTable, constraint },
    );
  }
}

export class DuplicateError extends DataError {
  constructor(table: string, columns: string[], constraint: string) {
    super(`${table} already has a row with this ${columns.join(', ') || 'value'}`, 409, 'duplicate', { table, columns, constraint });
  }
}

export class RuleViolationError extends DataError {
  constructor(table: string, constraint: string, reason: string) {
    super(reason, 422, 'rule_violation', { table, constraint });
  }
}

export class MissingValueError extends DataError {
  constructor(table: string, column: string) {
    super(`${table}.${column} is required`, 422, 'missing_value', { table, column });
  }
}

/** The column behind a composite tenant key, from our naming `<table>_<column>_fkey` (`_entity_fkey` for attachments). */
function referencingColumn(table: string, constraint: string): string | undefined {
  const match = new RegExp(`^${table}_(.+)_fkey$`).exec(constraint);
  if (!match) return undefined;
  return match[1] === 'entity' ? 'entity_id' : match[1];
}

const STILL_REFERENCED = /update or delete on table "([^"]+)" violates foreign key constraint "[^"]+" on table "([^"]+)"/;
const BAD_REFERENCE = /insert or update on table "([^"]+)"/;

/**
 * Turns a PostgreSQL constraint failure into a typed error with a clear message.
 * Anything that is not a constraint failure comes back unchanged.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof DataError || !(error instanceof Error)) return error;
  const wrapped: DBError | Error = error instanceof DBError ? error : wrapError(error);
  const pgMessage = (error as { message: string }).message;
  if (wrapped instanceof ForeignKeyViolationError) {
    const blocked = STILL_REFERENCED.exec(pgMessage);
    if (blocked) return new RowInUseError(blocked[1], blocked[2], wrapped.constraint);
    const table = BAD_REFERENCE.exec(pgMessage)?.[1] ?? wrapped.table;
    return new ReferenceNotFoundError(table, referencingColumn(table, wrapped.constraint), wrapped.constraint);
  }
  if (wrapped instanceof UniqueViolationError) return new DuplicateError(wrapped.table, wrapped.columns, wrapped.constraint);
  if (wrapped instanceof NotNullViolationError) return new MissingValueError(wrapped.table, wrapped.column);
  if (wrapped instanceof CheckViolationError) {
    const reason = /violates check constraint/.test(pgMessage) ? `${wrapped.table} breaks the rule ${wrapped.constraint}` : pgMessage;
    return new RuleViolationError(wrapped.table, wrapped.constraint, reason);
  }
  return error;
}
