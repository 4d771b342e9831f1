import type { Knex } from 'knex';
import type { TenantScope } from '../../../db/tenant-scope';
import { ProblemError } from '../../http/problem';

/**
 * The runs list's opaque cursor names the last run of the previous page, as the CRUD lists' cursors do. The next page
 * reads that run's (started_at, id) in SQL, so timestamps keep their full precision, and the run is looked up within
 * the caller's tenant: a cursor from another tenant's listing is refused as if it were forged and reveals nothing.
 */
const RUNS_SORT = '-started_at';

export function runCursorAfter(runId: string): string {
  return Buffer.from(JSON.stringify({ after: runId, sort: RUNS_SORT })).toString('base64url');
}

const badCursor = (message: string, detail: string) => new ProblemError(400, 'validation_failed', detail, [{ in: 'query', pointer: '#/cursor', message }]);

function decodedRunId(text: string): string {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { after?: unknown; sort?: unknown };
    if (typeof cursor.after === 'string' && /^[0-9a-f-]{36}$/i.test(cursor.after) && cursor.sort === RUNS_SORT) return cursor.after;
  } catch {
    // Falls through to the problem below.
  }
  throw badCursor('is not valid for this list', 'The cursor is not one the runs list handed out');
}

/** Narrows the list to the runs after the cursor's run, newest first. */
export async function afterRunCursor(scope: TenantScope, builder: Knex.QueryBuilder, cursor: string): Promise<void> {
  const anchor = scope.knex('workflow_runs').where({ company_id: scope.companyId, id: decodedRunId(cursor) }).select('started_at', 'id');
  if (!(await anchor.clone().first())) throw badCursor('is stale', 'The run this cursor continues after is not in your runs list; start the list again');
  builder.whereRaw('(??, ??) < ?', ['workflow_runs.started_at', 'workflow_runs.id', anchor]);
}
