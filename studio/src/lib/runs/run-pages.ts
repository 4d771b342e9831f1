/**
 * The runs list a page at a time: the first page for the filters, then "Load more" continues after the last run
 * shown with the API's next_cursor, keeping the same filters so every page belongs to the same list.
 */
import type { Page } from '../data/data-types';
import { filtersToApiQuery, type RunFilters } from './run-filters';
import type { RunSummary } from './run-types';

export const RUNS_PAGE_SIZE = 50;

export interface ShownRuns {
  runs: RunSummary[];
  /** Where the next page starts; null when the list has no more runs. */
  nextCursor: string | null;
}

/** GET /api/runs parameters for one page: the filters, the page size and, after the first page, the cursor. */
export function runsPageQuery(filters: RunFilters, cursor: string | null = null, size = RUNS_PAGE_SIZE): Record<string, string> {
  return { ...filtersToApiQuery(filters, size), ...(cursor ? { cursor } : {}) };
}

/** The first page replaces what was shown; a later page is added below it, a run already shown kept once. */
export function withPage(shown: ShownRuns | null, page: Page<RunSummary>): ShownRuns {
  const before = shown?.runs ?? [];
  const seen = new Set(before.map((run) => run.id));
  return { runs: [...before, ...page.data.filter((run) => !seen.has(run.id))], nextCursor: page.next_cursor };
}
