/** Small builders for definitions in tests: a valid minimal definition, and one with given steps. */
import type { Step, WorkflowDefinition } from '../../../definitions/generated/definition';

export function definitionWith(steps: Step[], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    key: 'test-flow',
    name: 'Test flow',
    version: 1,
    triggers: [{ type: 'manual' }],
    start: steps[0]?.id ?? 'done',
    steps: steps as WorkflowDefinition['steps'],
    ...extra,
  };
}

export const minimalDefinition = (): WorkflowDefinition => definitionWith([{ id: 'done', type: 'succeed' }]);

export const TEST_ACTIONS = ['core.sendEmail', 'core.httpRequest', 'core.createInvoice', 'stripe@2.createRefund', 'stripe@2.chargeCard'];
