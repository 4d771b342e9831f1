import { approvalDetails, inboxTasks, isMine, taskAction, taskStatusWords } from './tasks-inbox';
import type { Task } from './data-types';

const task = (id: string, fields: Partial<Task>): Task => ({
  id, entity_type: 'contract', entity_id: 'c-1', kind: 'todo', title: id, description: null, status: 'open', due_date: null,
  assigned_to: null, assigned_role_key: null, decision: null, workflow_id: null, ...fields,
});

test('mine means assigned to me or to one of my roles, not to someone else', () => {
  const me = { userId: 'u-1', roleKeys: ['admin'] };
  expect(isMine(task('a', { assigned_to: 'u-1' }), me)).toBe(true);
  expect(isMine(task('b', { assigned_to: 'u-2' }), me)).toBe(false);
  expect(isMine(task('c', { assigned_role_key: 'admin' }), me)).toBe(true);
  expect(isMine(task('d', { assigned_role_key: 'collections' }), me)).toBe(false);
  expect(isMine(task('e', {}), me)).toBe(false);
});

test('open and done lists hold the right tasks, soonest due first and undated last', () => {
  const me = { userId: 'u-1', roleKeys: ['admin'] };
  const tasks = [
    task('late', { assigned_to: 'u-1', due_date: '2026-12-05' }),
    task('undated', { assigned_role_key: 'admin' }),
    task('soon', { assigned_to: 'u-1', due_date: '2026-11-30' }),
    task('decided', { assigned_to: 'u-1', kind: 'approval', status: 'done', decision: 'approved' }),
    task('dropped', { assigned_to: 'u-1', status: 'canceled' }),
  ];
  expect(inboxTasks(tasks, me, 'open').map((t) => t.id)).toEqual(['soon', 'late', 'undated']);
  expect(inboxTasks(tasks, me, 'done').map((t) => t.id)).toEqual(['decided', 'dropped']);
});

test('open approvals are decided, other open tasks are marked done, closed tasks offer nothing', () => {
  expect(taskAction(task('a', { kind: 'approval' }))).toBe('decide');
  expect(taskAction(task('b', { kind: 'collection' }))).toBe('mark-done');
  expect(taskAction(task('c', { status: 'done' }))).toBeNull();
});

test('an approval shows the step and details its run wrote; other text is not parsed', () => {
  expect(approvalDetails(task('a', { kind: 'approval', description: '{"stepId":"ask","details":{"amountMinor":5000}}' }))).toEqual({ stepId: 'ask', details: { amountMinor: 5000 } });
  expect(approvalDetails(task('b', { kind: 'approval', description: 'not json' }))).toBeNull();
  expect(approvalDetails(task('c', { description: '{"stepId":"x"}' }))).toBeNull();
});

test('status words name the decision of a decided approval', () => {
  expect([taskStatusWords(task('a', { status: 'done', decision: 'rejected' })), taskStatusWords(task('b', { status: 'done' })), taskStatusWords(task('c', {}))]).toEqual(['Rejected', 'Done', 'Open']);
});
