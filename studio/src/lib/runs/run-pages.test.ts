import type { RunSummary } from './run-types';
import { runsPageQuery, withPage } from './run-pages';

const run = (id: string, startedAt: string): RunSummary => ({
  id, workflow_id: `wf-${id}`, definition_key: 'dunning', definition_version: 1, entity: null, trigger: 'api', status: 'running', started_at: startedAt, closed_at: null,
});

test('the first page asks with the filters alone; later pages keep the filters and add the cursor', () => {
  const filters = { status: 'failed' as const, from: '2026-11-01' };
  expect(runsPageQuery(filters)).toEqual({ status: 'failed', started_from: '2026-11-01', limit: '50' });
  expect(runsPageQuery(filters, 'eyJhZnRlciI6IngifQ')).toEqual({ status: 'failed', started_from: '2026-11-01', limit: '50', cursor: 'eyJhZnRlciI6IngifQ' });
});

test('a later page is added below the runs shown, newest first kept, and its cursor replaces the old one', () => {
  const first = withPage(null, { data: [run('c', '2026-11-24T10:00:00Z'), run('b', '2026-11-24T09:00:00Z')], next_cursor: 'after-b' });
  expect(first).toEqual({ runs: [run('c', '2026-11-24T10:00:00Z'), run('b', '2026-11-24T09:00:00Z')], nextCursor: 'after-b' });
  const second = withPage(first, { data: [run('a', '2026-11-23T09:00:00Z')], next_cursor: null });
  expect([second.runs.map((shown) => shown.id), second.nextCursor]).toEqual([['c', 'b', 'a'], null]);
});

test('a run already shown is not shown twice when a page repeats it', () => {
  const first = withPage(null, { data: [run('b', '2026-11-24T09:00:00Z')], next_cursor: 'after-b' });
  expect(withPage(first, { data: [run('b', '2026-11-24T09:00:00Z'), run('a', '2026-11-23T09:00:00Z')], next_cursor: null }).runs.map((shown) => shown.id)).toEqual(['b', 'a']);
});
