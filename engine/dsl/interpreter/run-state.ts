/** The whole state of one run, plain JSON so it can be queried, logged and carried across continue-as-new. */

export type RunStatus = 'created' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';

export interface RunError {
  kind: string;
  message: string;
  stepId?: string;
}

/** An execution pointer: the root list has one; each forEach iteration and parallel branch gets its own. */
export interface RunThread {
  id: string;
  stepId: string;
  /** The forEach or parallel frame this thread belongs to; absent for the root thread. */
  frameId?: string;
  /** Iteration index (forEach) or branch index (parallel) within the frame. */
  slot?: number;
  /** The item namespace: item and index variables of every enclosing forEach. */
  items: Record<string, unknown>;
  waitingOn?: { kind: 'pending'; token: string } | { kind: 'frame'; frameId: string };
}

export interface ForEachFrame {
  id: string;
  kind: 'forEach';
  stepId: string;
  parentThreadId: string;
  items: unknown[];
  nextIndex: number;
  running: number;
  finished: number;
  maxConcurrency: number;
  results: unknown[];
}

export interface ParallelFrame {
  id: string;
  kind: 'parallel';
  stepId: string;
  parentThreadId: string;
  join: 'all' | 'any';
  branchCount: number;
  finished: number;
  results: unknown[];
}

export type RunFrame = ForEachFrame | ParallelFrame;

interface PendingBase {
  token: string;
  threadId: string;
  stepId: string;
}

export type PendingWait =
  | (PendingBase & { kind: 'activity'; failedAttempts: number })
  | (PendingBase & { kind: 'timer'; fireAt: string })
  | (PendingBase & { kind: 'event'; event: string; timeoutAt?: string })
  | (PendingBase & { kind: 'child' })
  | (PendingBase & { kind: 'approval'; timeoutAt?: string });

export interface BufferedEvent {
  name: string;
  payload: unknown;
  eventId: string;
}

export interface StepOutcomeRecord {
  result?: unknown;
  error?: RunError;
}

export interface RunState {
  status: RunStatus;
  timeZone: string;
  /** The last clock reading an event brought in; the interpreter has no clock of its own. */
  now: string;
  input: unknown;
  vars: Record<string, unknown>;
  /** Readable in logic as steps.<id>.result and steps.<id>.error. */
  steps: Record<string, StepOutcomeRecord>;
  threads: RunThread[];
  frames: Record<string, RunFrame>;
  pending: Record<string, PendingWait>;
  /** Events that arrived while no step waited for them, kept for a later waitForEvent (oldest first). */
  inbox: BufferedEvent[];
  /** Recent event ids, so an event delivered twice is processed once. */
  seenEventIds: string[];
  /** Counter behind every token, thread id and frame id, so ids are the same on every replay. */
  sequence: number;
  /** Events handled plus commands emitted: a proxy for Temporal history size, to decide on continue-as-new. */
  historyLength: number;
  output?: unknown;
  error?: RunError;
}
