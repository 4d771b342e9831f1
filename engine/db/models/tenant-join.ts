/**
 * Relation joins on (company_id, key): the same composite keys the database enforces,
 * so eager loading can never join a row of one tenant to a row of another.
 */
export function tenantJoin(fromTable: string, fromColumn: string, toTable: string, toColumn: string) {
  return {
    from: [`${fromTable}.company_id`, `${fromTable}.${fromColumn}`],
    to: [`${toTable}.company_id`, `${toTable}.${toColumn}`],
  };
}
