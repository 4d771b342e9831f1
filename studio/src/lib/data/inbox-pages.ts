/**
 * The tasks inbox reads only the caller's tasks from the API, a page at a time. "Mine" is assigned to me OR to one
 * of my roles, and "done" is done OR canceled, while the API's filters are equalities that all must hold; so the inbox
 * keeps one paged list per (status, assignee) pair and "Load more" advances each list that has more.
 */
import type { Page, Task } from './data-types';
import type { TaskFilter } from './tasks-inbox';

export const INBOX_PAGE_SIZE = 50;

export interface InboxCaller {
  userId: string | null;
  roleKeys: string[];
}

export interface InboxList {
  /** GET /api/tasks filters of this list. */
  query: Record<string, string>;
  /** Where the next page starts; null before the first page and after the last. */
  cursor: string | null;
  finished: boolean;
}

const STATUSES: Record<TaskFilter, string[]> = { open: ['open'], done: ['done', 'canceled'] };

export function inboxLists(caller: InboxCaller, filter: TaskFilter): InboxList[] {
  const assignees = [
    ...(caller.userId ? [{ assigned_to: caller.userId }] : []),
    ...caller.roleKeys.map((key) => ({ assigned_role_key: key })),
  ];
  return STATUSES[filter].flatMap((status) => assignees.map((assignee) => ({
    query: { status, ...assignee, sort: '-created_at', limit: String(INBOX_PAGE_SIZE) }, cursor: null, finished: false,
  })));
}

export const hasMore = (lists: InboxList[]): boolean => lists.some((list) => !list.finished);

/** The next page of every list that has more: the tasks they hold (each once) and the lists moved on past them. */
export async function nextInboxPages(lists: InboxList[], fetchPage: (query: Record<string, string>) => Promise<Page<Task>>): Promise<{ lists: InboxList[]; tasks: Task[] }> {
  const pages = await Promise.all(lists.map((list) => (list.finished ? null : fetchPage({ ...list.query, ...(list.cursor ? { cursor: list.cursor } : {}) }))));
  const moved = lists.map((list, index) => {
    const page = pages[index];
    return page ? { ...list, cursor: page.next_cursor, finished: page.next_cursor === null } : list;
  });
  return { lists: moved, tasks: withoutRepeats([], pages.flatMap((page) => page?.data ?? [])) };
}

/** A task assigned to me and to my role is in two lists; it is shown once. */
export function withoutRepeats(shown: Task[], more: Task[]): Task[] {
  const seen = new Set(shown.map((task) => task.id));
  const added = more.filter((task) => !seen.has(task.id) && seen.add(task.id));
  return [...shown, ...added];
}
