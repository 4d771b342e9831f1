/** The tasks inbox: which tasks are the signed-in user's, in which order, and what each offers to do. */
import type { Task } from './data-types';

export type TaskFilter = 'open' | 'done';

export interface Assignee {
  userId: string | null;
  /** The user's role keys, as /api/auth/me names them. */
  roleKeys: string[];
}

/**
 * Mine: assigned to me, or to one of my roles. The inbox already asks the API for only these; the check keeps the
 * inbox showing nothing else, whatever list it is handed.
 */
export function isMine(task: Task, me: Assignee): boolean {
  if (task.assigned_to) return task.assigned_to === me.userId;
  if (task.assigned_role_key) return me.roleKeys.includes(task.assigned_role_key);
  return false;
}

/** Done covers decided and canceled tasks too: nothing is left to do on them. */
export const matchesFilter = (task: Task, filter: TaskFilter): boolean => (filter === 'open' ? task.status === 'open' : task.status !== 'open');

/** Soonest due first, undated last, then by title so the order is stable between refreshes. */
export function inboxOrder(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => {
    if (a.due_date !== b.due_date) {
      if (!a.due_date) return 1;
      if (!b.due_date) return -1;
      return a.due_date < b.due_date ? -1 : 1;
    }
    return a.title.localeCompare(b.title);
  });
}

export function inboxTasks(tasks: Task[], me: Assignee, filter: TaskFilter): Task[] {
  return inboxOrder(tasks.filter((task) => isMine(task, me) && matchesFilter(task, filter)));
}

/** What the task offers: approvals are decided (POST decision), other open tasks are marked done (PATCH status). */
export function taskAction(task: Task): 'decide' | 'mark-done' | null {
  if (task.status !== 'open') return null;
  return task.kind === 'approval' ? 'decide' : 'mark-done';
}

/** An approval's description is `{ stepId, details }` written by the run; anything else is shown as text. */
export function approvalDetails(task: Task): { stepId?: string; details?: unknown } | null {
  if (task.kind !== 'approval' || !task.description) return null;
  try {
    const parsed = JSON.parse(task.description) as { stepId?: string; details?: unknown };
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export function taskStatusWords(task: Task): string {
  if (task.decision) return task.decision === 'approved' ? 'Approved' : 'Rejected';
  return { open: 'Open', done: 'Done', canceled: 'Canceled' }[task.status] ?? task.status;
}
