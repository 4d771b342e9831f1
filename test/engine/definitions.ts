import type { Step, WorkflowDefinition } from '../../definitions/generated/definition';

/** A published-ready definition around the given steps; the first step is the start. */
export function flow(key: string, steps: unknown[], extra: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return { key, name: key, version: 1, triggers: [{ type: 'manual' }], start: (steps[0] as Step).id, steps: steps as WorkflowDefinition['steps'], ...extra };
}

export const logic = (rule: unknown) => ({ type: 'logic', rule });
export const literal = (value: unknown) => ({ type: 'static', value });
