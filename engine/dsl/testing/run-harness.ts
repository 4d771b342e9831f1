/** Drives the interpreter by hand in tests: send events, keep the state, look up the commands. */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { createInterpreter, type StepResult } from '../interpreter/interpreter';
import type { RunCommand, RunEvent } from '../interpreter/run-messages';
import type { RunState } from '../interpreter/run-state';

export const T0 = '2024-01-31T09:00:00.000Z';

type CommandOfType<T extends RunCommand['type']> = Extract<RunCommand, { type: T }>;

export interface RunHarness {
  state: RunState;
  commands: RunCommand[];
  start(input?: unknown, now?: string, timeZone?: string): StepResult;
  send(event: RunEvent): StepResult;
  /** The latest command of a type (optionally for a step), failing the test when there is none. */
  last<T extends RunCommand['type']>(type: T, stepId?: string): CommandOfType<T>;
  all<T extends RunCommand['type']>(type: T, stepId?: string): CommandOfType<T>[];
}

export function runHarness(definition: WorkflowDefinition): RunHarness {
  const interpreter = createInterpreter(definition);
  const harness: RunHarness = {
    state: interpreter.initialState(),
    commands: [],
    start: (input = {}, now = T0, timeZone = 'UTC') => harness.send({ type: 'start', input, now, timeZone }),
    send(event) {
      const result = interpreter.step(harness.state, event);
      harness.state = result.state;
      harness.commands.push(...result.commands);
      return result;
    },
    all<T extends RunCommand['type']>(type: T, stepId?: string) {
      return harness.commands.filter((command): command is CommandOfType<T> => command.type === type && (stepId === undefined || ('stepId' in command && command.stepId === stepId)));
    },
    last<T extends RunCommand['type']>(type: T, stepId?: string) {
      const found = harness.all(type, stepId);
      if (found.length === 0) throw new Error(`no ${type} command${stepId ? ` for ${stepId}` : ''}`);
      return found[found.length - 1];
    },
  };
  return harness;
}
