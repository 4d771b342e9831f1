import fc from 'fast-check';
import { validDefinitionArbitrary } from '../testing/definition-arbitrary';
import { eventPlanArbitrary, plannedEvent, type PlannedEvent } from '../testing/event-plan';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { createInterpreter, type StepResult } from './interpreter';

const START = Date.parse('2024-01-31T09:00:00.000Z');
const TERMINAL = ['succeeded', 'failed', 'cancelled'];

function play(definition: WorkflowDefinition, plan: PlannedEvent[], input: unknown): StepResult[] {
  const interpreter = createInterpreter(definition);
  let nowMs = START;
  let result = interpreter.step(interpreter.initialState(), { type: 'start', input, now: new Date(nowMs).toISOString(), timeZone: 'Europe/Paris' });
  const results = [result];
  for (const planned of plan) {
    nowMs += planned.advanceMinutes * 60_000;
    const wasTerminal = TERMINAL.includes(result.state.status);
    result = interpreter.step(result.state, plannedEvent(result.state, planned, new Date(nowMs).toISOString()));
    if (wasTerminal) expect(result.ignored).toBeDefined();
    results.push(result);
  }
  return results;
}

const inputArbitrary = fc.record({ flag: fc.boolean(), kind: fc.constantFrom('gold', 'silver'), entries: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 4 }) });

describe('interpreter properties', () => {
  it('never throws on generated definitions and event sequences, and keeps its state plain JSON', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary, eventPlanArbitrary, inputArbitrary, (definition, plan, input) => {
        for (const { state, commands } of play(definition, plan, input)) {
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
          expect(state.error?.kind).not.toBe('InternalError');
          expect(['waiting', ...TERMINAL]).toContain(state.status);
          expect(state.status === 'waiting').toBe(Object.keys(state.pending).length > 0 || state.threads.length > 0);
          expect(commands.filter((command) => ['complete', 'fail', 'cancelled'].includes(command.type)).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same states and commands when the same events are replayed', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary, eventPlanArbitrary, inputArbitrary, (definition, plan, input) => {
        expect(play(definition, plan, input)).toEqual(play(definition, plan, input));
      }),
      { numRuns: 50 },
    );
  });

  it('resumes from a JSON copy of its state exactly as from the original, as continue-as-new needs', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary, eventPlanArbitrary, inputArbitrary, fc.nat(40), (definition, plan, input, cut) => {
        const split = Math.min(cut, plan.length);
        const interpreter = createInterpreter(definition);
        const prefix = play(definition, plan.slice(0, split), input).at(-1) as StepResult;
        const carried = JSON.parse(JSON.stringify(prefix.state));
        const nextPlanned = plan[split];
        if (!nextPlanned) return;
        const now = new Date(Date.parse(prefix.state.now) + 60_000).toISOString();
        expect(interpreter.step(carried, plannedEvent(carried, nextPlanned, now))).toEqual(interpreter.step(prefix.state, plannedEvent(prefix.state, nextPlanned, now)));
      }),
      { numRuns: 50 },
    );
  });
});
