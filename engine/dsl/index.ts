/** The pure half of the engine: validation, semantic checks, json-logic with Ledgerflow operations, and the interpreter core. */
export type { DefinitionError } from './validation/definition-error';
export { validateDefinitionSchema, hasDefinitionShape } from './validation/schema-validator';
export { validateDefinition, type DefinitionValidation } from './validation/validate-definition';
export { checkDefinitionSemantics, type SemanticCheckOptions } from './semantics/check-semantics';
export { createActionCatalogue, type ActionCatalogue } from './semantics/action-catalogue';

export { evaluateLogic, isTruthy } from './logic/logic-engine';
export { CUSTOM_OPERATIONS } from './logic/custom-operations';
export { ROUNDING_MODES, type RoundingMode } from './logic/rounding';
export { LogicOperationError } from './logic/money-operations';

export { parseIsoDuration, addDurationToDate, addDurationToInstant, fixedDurationMs, type IsoDuration } from './time/iso-duration';
export { calendarDateAt, instantAtDateTime } from './time/zoned-date';

export { step, createInterpreter, initialRunState, STEPS_PER_EVENT_LIMIT, type Interpreter, type StepResult } from './interpreter/interpreter';
export { compileProgram, type Program } from './interpreter/program';
export type { RunEvent, RunCommand, ResolvedRetryPolicy, ActivityFailure } from './interpreter/run-messages';
export type { RunState, RunStatus, RunError, RunThread, RunFrame, PendingWait } from './interpreter/run-state';
export { describeRun, shouldContinueAsNew, type RunDescription } from './interpreter/describe-run';
export { resolveRetryPolicy, retryDelayMs } from './interpreter/retry-defaults';
export { simulateRun, type SimulationScript, type SimulationResult } from './simulator/simulate-run';
