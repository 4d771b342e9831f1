import { href, parseRoute } from '../navigation/studio-routes';
import { filterProblem, filtersFromQuery, filtersToApiQuery, filtersToQuery } from './run-filters';

test('filters survive a round trip through the hash, so a reload shows the same list', () => {
  const filters = { definition: 'dunning', status: 'running' as const, entity: '5b6f6d1e-8c1a-4c57-9d0e-2f3a4b5c6d7e', from: '2026-11-01', until: '2026-11-24' };
  const hash = href('/runs', filtersToQuery(filters));
  expect(hash).toBe('#/runs?definition=dunning&status=running&entity=5b6f6d1e-8c1a-4c57-9d0e-2f3a4b5c6d7e&from=2026-11-01&until=2026-11-24');
  expect(filtersFromQuery(parseRoute(hash).query)).toEqual(filters);
});

test('values the API would refuse are dropped from a hand-edited link instead of breaking the list', () => {
  expect(filtersFromQuery({ status: 'sleeping', from: '24/11/2026', until: '2026-11-24', definition: 'Bad Key!', entity: 'a b' })).toEqual({ until: '2026-11-24' });
});

test('empty filters leave the hash query empty', () => {
  expect(filtersToQuery({ definition: '', status: undefined })).toEqual({});
  expect(href('/runs', filtersToQuery({}))).toBe('#/runs');
});

test('the API query names the entity id and the UTC start days as the API expects', () => {
  expect(filtersToApiQuery({ entity: 'inv-7', from: '2026-11-01', until: '2026-11-02', status: 'failed' }, 50)).toEqual({
    entity_id: 'inv-7', started_from: '2026-11-01', started_until: '2026-11-02', status: 'failed', limit: '50',
  });
});

test('a from day after the until day is named as the problem', () => {
  expect(filterProblem({ from: '2026-11-25', until: '2026-11-24' })).toBe('The "from" day is after the "until" day.');
  expect(filterProblem({ from: '2026-11-24', until: '2026-11-24' })).toBeNull();
});
