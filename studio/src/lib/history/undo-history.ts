/** Undo and redo as a plain stack of snapshots: each edit pushes, undo steps back, a new edit forgets the redo side. */
export interface UndoHistory<T> {
  past: T[];
  present: T;
  future: T[];
}

/** Enough for a long editing session without keeping every keystroke forever. */
export const HISTORY_LIMIT = 200;

export const createHistory = <T>(present: T): UndoHistory<T> => ({ past: [], present, future: [] });

export function record<T>(history: UndoHistory<T>, next: T): UndoHistory<T> {
  if (Object.is(next, history.present)) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo<T>(history: UndoHistory<T>): UndoHistory<T> {
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [history.present, ...history.future] };
}

export function redo<T>(history: UndoHistory<T>): UndoHistory<T> {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}

export const canUndo = (history: UndoHistory<unknown>) => history.past.length > 0;
export const canRedo = (history: UndoHistory<unknown>) => history.future.length > 0;
