/** The `var` paths a rule in a given step may read, offered by the condition builder's field box. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { allStepIds } from '../editing/definition-edits';

export function fieldSuggestions(definition: WorkflowDefinition, options: { eventFields?: boolean } = {}): string[] {
  const properties = Object.keys(((definition.inputSchema as { properties?: Record<string, unknown> } | undefined)?.properties) ?? {});
  return [
    ...properties.map((name) => `input.${name}`),
    ...Object.keys(definition.variables ?? {}).map((name) => `vars.${name}`),
    ...(options.eventFields ? properties.map((name) => `event.${name}`) : []),
    ...allStepIds(definition).map((id) => `steps.${id}.result`),
    'today',
    'now',
  ];
}
