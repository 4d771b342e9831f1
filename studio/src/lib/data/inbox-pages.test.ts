import type { Page, Task } from './data-types';
import { hasMore, inboxLists, nextInboxPages, withoutRepeats } from './inbox-pages';

const task = (id: string, fields: Partial<Task> = {}): Task => ({
  id, entity_type: 'contract', entity_id: 'c-1', kind: 'todo', title: id, description: null, status: 'open', due_date: null,
  assigned_to: null, assigned_role_key: null, decision: null, workflow_id: null, ...fields,
});

test('open tasks are asked for as mine and as each of my roles', () => {
  expect(inboxLists({ userId: 'u-1', roleKeys: ['admin', 'operator'] }, 'open').map((list) => list.query)).toEqual([
    { status: 'open', assigned_to: 'u-1', sort: '-created_at', limit: '50' },
    { status: 'open', assigned_role_key: 'admin', sort: '-created_at', limit: '50' },
    { status: 'open', assigned_role_key: 'operator', sort: '-created_at', limit: '50' },
  ]);
});

test('done tasks are asked for as done and as canceled; an API key with no user and no roles asks for nothing', () => {
  expect(inboxLists({ userId: 'u-1', roleKeys: [] }, 'done').map((list) => list.query.status)).toEqual(['done', 'canceled']);
  expect(inboxLists({ userId: null, roleKeys: [] }, 'open')).toEqual([]);
});

test('each list moves on with its own cursor, and a finished list is not asked again', async () => {
  const pages: Record<string, Page<Task>[]> = {
    'u-1': [{ data: [task('m1'), task('m2')], next_cursor: 'after-m2' }, { data: [task('m3')], next_cursor: null }],
    admin: [{ data: [task('r1')], next_cursor: null }],
  };
  const asked: Record<string, string>[] = [];
  const fetchPage = async (query: Record<string, string>) => {
    asked.push(query);
    return pages[query.assigned_to ?? query.assigned_role_key].shift()!;
  };

  const first = await nextInboxPages(inboxLists({ userId: 'u-1', roleKeys: ['admin'] }, 'open'), fetchPage);
  expect([first.tasks.map((shown) => shown.id), hasMore(first.lists)]).toEqual([['m1', 'm2', 'r1'], true]);
  const second = await nextInboxPages(first.lists, fetchPage);
  expect([second.tasks.map((shown) => shown.id), hasMore(second.lists)]).toEqual([['m3'], false]);
  expect(asked.map((query) => [query.assigned_to ?? query.assigned_role_key, query.cursor ?? null])).toEqual([['u-1', null], ['admin', null], ['u-1', 'after-m2']]);
});

test('a task in two lists (mine and my role) is shown once', () => {
  expect(withoutRepeats([task('a')], [task('a'), task('b'), task('b')]).map((shown) => shown.id)).toEqual(['a', 'b']);
});
