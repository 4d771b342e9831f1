/* eslint-disable */
/**
 * Generated from definitions/schema/definition.schema.json, do not edit.
 * Regenerate with: npx tsx definitions/generate-types.ts
 */

export type DefinitionKey = string;
export type Trigger = ManualTrigger | ApiTrigger | ScheduleTrigger | DomainEventTrigger | WebhookTrigger;
/**
 * ISO 8601 duration, e.g. P1D, PT2H30M, P1Y2M10DT2H30M or P2W.
 */
export type Duration = string;
/**
 * A templated value: a static literal or a json-logic rule evaluated at run time.
 */
export type InputTransform = StaticTransform | LogicTransform;
/**
 * A json-logic rule: JSON where an object with one key is an operation. See definitions/README.md for operations and namespaces.
 */
export type JsonLogicRule = unknown;
export type EventName = string;
/**
 * A JSON Schema (2020-12) object describing what a run receives as input.
 */
export type RunInputSchema = Record<string, unknown>;
export type StepId = string;
export type Step =
  | ActionStep
  | WaitStep
  | WaitForEventStep
  | ChoiceStep
  | SetStep
  | ForEachStep
  | ParallelStep
  | SubflowStep
  | ApprovalStep
  | SucceedStep
  | FailStep;
export type ActionName = string;
export type ErrorKind = string;
export type VariableName = string;
export type TimeOfDay = string;

/**
 * A Ledgerflow workflow definition: triggers, input, variables and a graph of steps. See definitions/README.md.
 */
export interface WorkflowDefinition {
  $schema?: string;
  key: DefinitionKey;
  name: string;
  description?: string;
  /**
   * Version of this definition; a run pins the version it started with.
   */
  version: number;
  triggers: Trigger[];
  inputSchema?: RunInputSchema;
  /**
   * Declared variables, read as vars.<name> in logic.
   */
  variables?: {
    [k: string]: VariableDeclaration;
  };
  start: StepId;
  /**
   * @minItems 1
   */
  steps: [Step, ...Step[]];
}
export interface ManualTrigger {
  type: 'manual';
}
export interface ApiTrigger {
  type: 'api';
}
export interface ScheduleTrigger {
  type: 'schedule';
  /**
   * Five-field cron: minute hour day-of-month month day-of-week.
   */
  cron: string;
  /**
   * IANA time zone, e.g. Europe/Paris.
   */
  timeZone: string;
  overlapPolicy: 'skip' | 'bufferOne' | 'bufferAll' | 'cancelOther' | 'terminateOther' | 'allowAll';
  catchupWindow: Duration;
  input?: TransformMap;
}
export interface TransformMap {
  [k: string]: InputTransform;
}
export interface StaticTransform {
  type: 'static';
  /**
   * Any JSON value, used as is.
   */
  value: unknown;
}
export interface LogicTransform {
  type: 'logic';
  rule: JsonLogicRule;
}
export interface DomainEventTrigger {
  type: 'domainEvent';
  event: EventName;
  filter?: JsonLogicRule;
  entity?: JsonLogicRule;
  input?: TransformMap;
}
export interface WebhookTrigger {
  type: 'webhook';
  connector: string;
  event?: string;
  input?: TransformMap;
}
export interface VariableDeclaration {
  /**
   * The value the variable holds when a run starts.
   */
  initial: unknown;
  description?: string;
}
export interface ActionStep {
  id: StepId;
  type: 'action';
  name?: string;
  description?: string;
  action: ActionName;
  input?: TransformMap;
  retry?: RetryPolicy;
  timeout?: Duration;
  onError?: StepId;
  resultVariable?: VariableName;
  next?: StepId;
}
export interface RetryPolicy {
  maximumAttempts?: number;
  initialInterval?: Duration;
  backoffCoefficient?: number;
  maximumInterval?: Duration;
  nonRetryableErrorTypes?: ErrorKind[];
}
export interface WaitStep {
  id: StepId;
  type: 'wait';
  name?: string;
  description?: string;
  duration?: Duration;
  until?: WaitUntil;
  next?: StepId;
}
/**
 * Wait until a date computed by logic (YYYY-MM-DD in the tenant's time zone), at an optional time of day (default 00:00).
 */
export interface WaitUntil {
  date: JsonLogicRule;
  time?: TimeOfDay;
}
export interface WaitForEventStep {
  id: StepId;
  type: 'waitForEvent';
  name?: string;
  description?: string;
  event: EventName;
  match?: JsonLogicRule;
  timeout?: Duration;
  onTimeout?: StepId;
  resultVariable?: VariableName;
  next?: StepId;
}
export interface ChoiceStep {
  id: StepId;
  type: 'choice';
  name?: string;
  description?: string;
  /**
   * @minItems 1
   */
  when: [ChoiceBranch, ...ChoiceBranch[]];
  default: StepId;
}
export interface ChoiceBranch {
  condition: JsonLogicRule;
  next: StepId;
}
export interface SetStep {
  id: StepId;
  type: 'set';
  name?: string;
  description?: string;
  assign: {
    [k: string]: JsonLogicRule;
  };
  next?: StepId;
}
export interface ForEachStep {
  id: StepId;
  type: 'forEach';
  name?: string;
  description?: string;
  items: JsonLogicRule;
  itemVariable: VariableName;
  indexVariable?: VariableName;
  mode: 'sequential' | 'concurrent';
  maxConcurrency?: number;
  body: StepList;
  resultVariable?: VariableName;
  next?: StepId;
}
export interface StepList {
  name?: string;
  start: StepId;
  /**
   * @minItems 1
   */
  steps: [Step, ...Step[]];
}
export interface ParallelStep {
  id: StepId;
  type: 'parallel';
  name?: string;
  description?: string;
  /**
   * @minItems 2
   * @maxItems 20
   */
  branches: [StepList, StepList, ...StepList[]];
  join: 'all' | 'any';
  resultVariable?: VariableName;
  next?: StepId;
}
export interface SubflowStep {
  id: StepId;
  type: 'subflow';
  name?: string;
  description?: string;
  definition: DefinitionKey;
  /**
   * Pin a version; without it the child runs the latest published version.
   */
  version?: number;
  input?: TransformMap;
  /**
   * Wait for the child to finish (default true).
   */
  await?: boolean;
  resultVariable?: VariableName;
  onError?: StepId;
  next?: StepId;
}
export interface ApprovalStep {
  id: StepId;
  type: 'approval';
  name?: string;
  description?: string;
  assignee: ApprovalAssignee;
  title: string;
  details?: TransformMap;
  timeout?: Duration;
  onApproved: StepId;
  onRejected: StepId;
  onTimeout?: StepId;
  resultVariable?: VariableName;
}
export interface ApprovalAssignee {
  user?: string;
  role?: string;
}
export interface SucceedStep {
  id: StepId;
  type: 'succeed';
  name?: string;
  description?: string;
  output?: TransformMap;
}
export interface FailStep {
  id: StepId;
  type: 'fail';
  name?: string;
  description?: string;
  error: FailError;
}
export interface FailError {
  kind: ErrorKind;
  message: string;
}
