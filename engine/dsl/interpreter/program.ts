/** A definition indexed for the interpreter: steps by id (ids are unique across all lists) and the events it listens for. */
import type { Step, WorkflowDefinition } from '../../../definitions/generated/definition';
import { allSteps } from '../semantics/step-lists';

export interface Program {
  definition: WorkflowDefinition;
  steps: ReadonlyMap<string, Step>;
  listenedEvents: ReadonlySet<string>;
}

/** Expects a definition that passed validateDefinition. */
export function compileProgram(definition: WorkflowDefinition): Program {
  const steps = new Map(allSteps(definition).map(({ step }) => [step.id, step]));
  const listenedEvents = new Set([...steps.values()].flatMap((step) => (step.type === 'waitForEvent' ? [step.event] : [])));
  return { definition, steps, listenedEvents };
}
