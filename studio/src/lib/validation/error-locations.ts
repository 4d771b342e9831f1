/** Validates a draft with the engine and says, for each error, which graph node and which field it belongs to. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { createActionCatalogue, type ActionSignature } from '../../../../engine/dsl/semantics/action-catalogue';
import { validateDefinition } from '../../../../engine/dsl/validation/validate-definition';
import { START_NODE_ID, branchNodeId } from '../graph/graph-types';

export interface LocatedError {
  pointer: string;
  message: string;
  /** The graph node the error is drawn on; null for definition-level errors (key, triggers, variables…). */
  nodeId: string | null;
  /** The path inside that step, e.g. `duration` or `when/0/condition`; empty when the step itself is wrong. */
  field: string;
}

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Follows the pointer through steps, forEach bodies and parallel branches to the innermost step it names. */
export function locatePointer(definition: unknown, pointer: string): { nodeId: string | null; field: string } {
  const segments = pointer.split('/').slice(1).map(unescape);
  if (segments[0] === 'start') return { nodeId: START_NODE_ID, field: 'start' };
  if (segments[0] !== 'steps') return { nodeId: null, field: segments.join('/') };
  let list: unknown = definition;
  let nodeId: string | null = null;
  let rest = segments;
  while (rest[0] === 'steps' && rest.length >= 2) {
    const step = ((list as { steps?: unknown[] })?.steps ?? [])[Number(rest[1])] as Record<string, unknown> | undefined;
    if (!step || typeof step.id !== 'string') return { nodeId, field: rest.join('/') };
    nodeId = step.id;
    rest = rest.slice(2);
    if (rest[0] === 'body' && rest[1] === 'steps' && rest.length >= 3) {
      list = step.body;
      rest = rest.slice(1);
    } else if (rest[0] === 'branches' && rest[2] === 'steps' && rest.length >= 4) {
      list = (step.branches as unknown[])?.[Number(rest[1])];
      rest = rest.slice(2);
    } else if (rest[0] === 'branches' && rest.length >= 2) {
      return { nodeId: branchNodeId(step.id, Number(rest[1])), field: rest.slice(2).join('/') };
    }
  }
  return { nodeId, field: rest.join('/') };
}

const catalogues = new WeakMap<readonly (string | ActionSignature)[], ReturnType<typeof createActionCatalogue>>();

/**
 * `catalogue` is the tenant's: the core actions and connector verbs a definition may call, by name or with their
 * input keys (then a key an action does not take is marked on its field while editing, as publishing would refuse it).
 */
export function validateDraft(definition: WorkflowDefinition, catalogue: readonly (string | ActionSignature)[]): LocatedError[] {
  if (!catalogues.has(catalogue)) catalogues.set(catalogue, createActionCatalogue(catalogue));
  const actions = catalogues.get(catalogue)!;
  return validateDefinition(definition, { actions }).errors.map((error) => ({ ...error, ...locatePointer(definition, error.pointer) }));
}

/** Errors grouped by node id, for drawing them on the graph. */
export function errorsByNode(errors: LocatedError[]): Map<string, LocatedError[]> {
  const grouped = new Map<string, LocatedError[]>();
  for (const error of errors) {
    if (error.nodeId === null) continue;
    grouped.set(error.nodeId, [...(grouped.get(error.nodeId) ?? []), error]);
  }
  return grouped;
}
