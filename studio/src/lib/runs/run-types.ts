/** The shapes the runs API answers with (engine/api/routes/engine/run-routes.ts), as the studio reads them. */

export type RunStatus = 'running' | 'completed' | 'failed' | 'canceled' | 'terminated' | 'timed_out';

export interface EntityRef {
  type: string;
  id: string;
}

export interface RunSummary {
  id: string;
  workflow_id: string;
  definition_key: string;
  definition_version: number;
  entity: EntityRef | null;
  trigger: string;
  status: RunStatus;
  started_at: string;
  closed_at: string | null;
}

import type { TimelineEntry } from '../../../../engine/api/routes/engine/timeline-entry';

export type { TimelineEntry };

export type PendingWait =
  | { kind: 'activity'; stepId: string; failedAttempts: number }
  | { kind: 'timer'; stepId: string; fireAt: string }
  | { kind: 'event'; stepId: string; event: string; timeoutAt?: string }
  | { kind: 'child'; stepId: string }
  | { kind: 'approval'; stepId: string; timeoutAt?: string }
  | { kind: 'branches'; frameId: string };

export interface ThreadPosition {
  threadId: string;
  stepId: string;
  stepType: string;
  items: Record<string, unknown>;
  waitingFor: PendingWait | null;
}

export interface RunStateAnswer {
  status: string;
  positions: ThreadPosition[];
  vars: Record<string, unknown>;
  output?: unknown;
  error?: { kind: string; message: string; stepId?: string };
  definitionKey: string;
  definitionVersion: number;
}

export interface RunDetail extends RunSummary {
  execution: { status: string; startTime: string; closeTime?: string; historyLength: number } | null;
  timeline: TimelineEntry[] | null;
  state: RunStateAnswer | null;
  state_unavailable?: string;
  engine: 'connected' | 'unavailable';
  temporal_ui_url?: string;
}
