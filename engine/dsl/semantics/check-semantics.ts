/** All semantic checks of a definition that already has the schema's shape. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import type { DefinitionError } from '../validation/definition-error';
import type { ActionCatalogue } from './action-catalogue';
import { checkActions, checkSubflowDefinitions } from './actions';
import { checkDurations } from './durations';
import { checkLogic } from './logic-checks';
import { checkLoops } from './loops';
import { checkStepReferences } from './references';
import { checkTriggers } from './triggers';
import { checkInputSchema, checkVariableWrites } from './variables';

export interface SemanticCheckOptions {
  actions: ActionCatalogue;
  /** Keys of definitions a subflow may start; leave out to skip that check. */
  definitionKeys?: ReadonlySet<string>;
}

export function checkDefinitionSemantics(definition: WorkflowDefinition, options: SemanticCheckOptions): DefinitionError[] {
  return [
    ...checkStepReferences(definition),
    ...checkActions(definition, options.actions),
    ...checkSubflowDefinitions(definition, options.definitionKeys),
    ...checkVariableWrites(definition),
    ...checkInputSchema(definition),
    ...checkLogic(definition),
    ...checkLoops(definition),
    ...checkDurations(definition),
    ...checkTriggers(definition),
  ];
}
