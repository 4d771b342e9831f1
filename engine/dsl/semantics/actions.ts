/** Every action step must name an action in the catalogue it is checked against. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from '../validation/definition-error';
import type { ActionCatalogue } from './action-catalogue';
import { allSteps } from './step-lists';

export function checkActions(definition: WorkflowDefinition, catalogue: ActionCatalogue): DefinitionError[] {
  return allSteps(definition).flatMap(({ step, pointer }) =>
    step.type === 'action' && !catalogue.has(step.action) ? [{ pointer: pointerJoin(pointer, 'action'), message: catalogue.explainUnknown(step.action) }] : [],
  );
}

export function checkSubflowDefinitions(definition: WorkflowDefinition, definitionKeys: ReadonlySet<string> | undefined): DefinitionError[] {
  if (!definitionKeys) return [];
  return allSteps(definition).flatMap(({ step, pointer }) =>
    step.type === 'subflow' && !definitionKeys.has(step.definition) ? [{ pointer: pointerJoin(pointer, 'definition'), message: `there is no definition with the key "${step.definition}"` }] : [],
  );
}
