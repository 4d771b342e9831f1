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

/** Steps at every depth (forEach bodies and parallel branches included). */
export function countSteps(definition: WorkflowDefinition): number {
  const inList = (list: { steps?: unknown[] } | undefined): number =>
    (list?.steps ?? []).reduce<number>((total, raw) => {
      const step = raw as { body?: { steps?: unknown[] }; branches?: Array<{ steps?: unknown[] }> };
      return total + 1 + inList(step.body) + (step.branches ?? []).reduce((sum, branch) => sum + inList(branch), 0);
    }, 0);
  return inList(definition as { steps?: unknown[] });
}

/** A template as the first draft of a new definition under the admin's key and name, at version 1. */
export function draftFromTemplate(template: WorkflowDefinition, key: string, name: string): WorkflowDefinition {
  return { ...structuredClone(template), key, name, version: 1 };
}
