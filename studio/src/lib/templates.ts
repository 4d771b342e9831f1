/** The built-in flows (definitions/templates/*.json), bundled into the studio so a draft can start from one without the API. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';

/** Drops the `$schema` hint, which points at a file of the repository, not of the tenant's draft. */
const asDraft = ({ $schema: _schema, ...definition }: WorkflowDefinition): WorkflowDefinition => definition as WorkflowDefinition;

/** Templates from JSON modules keyed by path (as Vite's import.meta.glob gives them), sorted by name. */
export function templatesFromModules(modules: Record<string, unknown>): WorkflowDefinition[] {
  return Object.values(modules)
    .map((module) => asDraft(((module as { default?: unknown }).default ?? module) as WorkflowDefinition))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function blankDefinition(): WorkflowDefinition {
  return { key: 'new-flow', name: 'New flow', version: 1, triggers: [{ type: 'manual' }], variables: {}, start: 'done', steps: [{ id: 'done', type: 'succeed' }] };
}
