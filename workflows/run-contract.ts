// Types shared by the run workflow, its activities and the client. Type-only imports keep workflow code free of I/O.
import type { WorkflowDefinition } from '../definitions/generated/definition';
import type { RunState } from '../engine/dsl/interpreter/run-state';

export const RUN_WORKFLOW_TYPE = 'runDefinition';
export const DEFAULT_TASK_QUEUE = 'ledgerflow';

export interface EntityRef {
  type: string;
  id: string;
}

export interface RunDefinitionArgs {
  companyId: string;
  definitionKey: string;
  definitionVersion: number;
  /** The pinned version's document: the run carries it, so publishing a new version never changes a running run. */
  definition: WorkflowDefinition;
  input: unknown;
  timeZone: string;
  entity?: EntityRef;
  /** How the run was started; recorded with the run. Runs started by startRun are recorded before they start. */
  trigger?: RunTrigger;
  /** Interpreter history length after which a waiting run continues as new; defaults to CONTINUE_AS_NEW_HISTORY. */
  historyLimit?: number;
  /** Set by continue-as-new: the interpreter state to carry on from. */
  resume?: { state: RunState; generation: number };
}

export type RunTrigger = 'manual' | 'api' | 'schedule' | 'event' | 'webhook' | 'subflow';

export interface RecordRunStartedArgs {
  companyId: string;
  workflowId: string;
  definitionKey: string;
  definitionVersion: number;
  entity?: EntityRef;
  trigger: RunTrigger;
}

export interface ExecuteActionArgs {
  companyId: string;
  workflowId: string;
  stepId: string;
  token: string;
  action: string;
  input: Record<string, unknown>;
  /** The same for every attempt of one step execution, so side effects can be made idempotent. */
  idempotencyKey: string;
}

export interface LoadDefinitionArgs {
  companyId: string;
  key: string;
  version?: number;
}

export interface LoadedDefinition {
  definition: WorkflowDefinition;
  version: number;
  timeZone: string;
}

export interface CreateApprovalTaskArgs {
  companyId: string;
  workflowId: string;
  token: string;
  stepId: string;
  assignee: { user?: string; role?: string };
  title: string;
  details: Record<string, unknown>;
  timeoutAt?: string;
  entity?: EntityRef;
}

export interface RecordRunClosedArgs {
  companyId: string;
  workflowId: string;
  status: 'completed' | 'failed' | 'canceled';
}

/** The activities the run workflow calls; activities/ implements them with real dependencies. */
export interface RunActivities {
  executeAction(args: ExecuteActionArgs): Promise<unknown>;
  loadPublishedDefinition(args: LoadDefinitionArgs): Promise<LoadedDefinition>;
  createApprovalTask(args: CreateApprovalTaskArgs): Promise<{ taskId: string }>;
  recordRunStarted(args: RecordRunStartedArgs): Promise<void>;
  recordRunClosed(args: RecordRunClosedArgs): Promise<void>;
}

export interface EventSignal {
  name: string;
  payload: unknown;
  eventId: string;
}

export interface ApprovalSignal {
  token: string;
  decision: 'approved' | 'rejected';
  decidedBy: string;
  comment?: string;
}
