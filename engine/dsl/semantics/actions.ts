/** Every action step must name an action in the catalogue it is checked against. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { pointerJoin } from '../pointer';
import type { DefinitionError } from '../validation/definition-error';
import type { ActionCatalogue } from './action-catalogue';
import { allSteps } from './step-lists';

export function checkActions(definition: WorkflowDefinition, catalogue: ActionCatalogue): DefinitionError[] {
  return allSteps(definition).flatMap(({ step, pointer }) => {
    if (step.type !== 'action') return [];
    if (!catalogue.has(step.action)) return [{ pointer: pointerJoin(pointer, 'action'), message: catalogue.explainUnknown(step.action) }];
    return checkInputKeys(step.action, Object.keys(step.input ?? {}), catalogue, pointer);
  });
}

/**
 * An input key the action does not take, or a key it needs that the step never gives, is found here while the draft
 * is edited, rather than by the first run that reaches the step. Values are rules evaluated at run time, so their
 * types are still checked then.
 */
function checkInputKeys(action: string, given: string[], catalogue: ActionCatalogue, stepPointer: string): DefinitionError[] {
  const shape = catalogue.inputShape(action);
  if (!shape) return [];
  const errors: DefinitionError[] = [];
  if (shape.accepted) {
    const accepted = shape.accepted;
    for (const key of given.filter((name) => !accepted.includes(name))) {
      errors.push({ pointer: pointerJoin(stepPointer, 'input', key), message: `${action} takes no input "${key}"; it takes ${accepted.join(', ')}` });
    }
  }
  const missing = shape.required.filter((name) => !given.includes(name));
  if (missing.length > 0) errors.push({ pointer: pointerJoin(stepPointer, 'input'), message: `${action} needs the input ${missing.map((name) => `"${name}"`).join(', ')}` });
  return errors;
}

export function checkSubflowDefinitions(definition: WorkflowDefinition, definitionKeys: ReadonlySet<string> | undefined): DefinitionError[] {
  if (!definitionKeys) return [];
  return allSteps(definition).flatMap(({ step, pointer }) =>
    step.type === 'subflow' && !definitionKeys.has(step.definition) ? [{ pointer: pointerJoin(pointer, 'definition'), message: `there is no definition with the key "${step.definition}"` }] : [],
  );
}
