import fc from 'fast-check';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { createActionCatalogue } from '../semantics/action-catalogue';
import { allSteps } from '../semantics/step-lists';
import { validDefinitionArbitrary } from '../testing/definition-arbitrary';
import { TEST_ACTIONS } from '../testing/definition-builders';
import { parentPointer, resolvePointer } from '../testing/json-pointer';
import { validateDefinition } from './validate-definition';

const options = { actions: createActionCatalogue(TEST_ACTIONS), definitionKeys: new Set(['child-flow']) };

type Mutation = (definition: Record<string, unknown>, pick: number) => void;

const stepAt = (definition: Record<string, unknown>, pick: number) => {
  const steps = allSteps(definition as unknown as WorkflowDefinition);
  return steps[pick % steps.length].step as unknown as Record<string, unknown>;
};

const MUTATIONS: Record<string, Mutation> = {
  dropRequiredField: (definition, pick) => delete definition[['key', 'name', 'version', 'triggers', 'start', 'steps'][pick % 6]],
  unknownStepType: (definition, pick) => (stepAt(definition, pick).type = 'teleport'),
  badStepId: (definition, pick) => (stepAt(definition, pick).id = '9 bad id'),
  unknownStart: (definition) => (definition.start = 'missingStep'),
  extraStepField: (definition, pick) => (stepAt(definition, pick).colour = 'red'),
  danglingNext: (definition, pick) => (stepAt(definition, pick).next = 'nowhere'),
  badVersion: (definition, pick) => (definition.version = pick % 2 ? -1 : '1'),
  unknownOperation: (definition) => (definition.steps as unknown[]).push({ id: 'zzz', type: 'set', assign: { count: { eval: 'x' } } }),
  duplicateStep: (definition, pick) => (definition.steps as unknown[]).push({ ...stepAt(definition, pick) }),
  badDuration: (definition) => (definition.steps as unknown[]).unshift({ id: 'pause', type: 'wait', duration: '3 days', next: definition.start }),
};

describe('definition validation properties', () => {
  it('accepts every generated valid definition without throwing', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary, (definition) => {
        expect(validateDefinition(definition, options).errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects every mutated definition with errors that name a place in it', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(1000), (definition, mutation, pick) => {
        const candidate = JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
        MUTATIONS[mutation](candidate, pick);
        const result = validateDefinition(candidate, options);
        expect(result.ok).toBe(false);
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.message.length).toBeGreaterThan(0);
          expect(resolvePointer(candidate, parentPointer(error.pointer)).found).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary JSON, and every error has a pointer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (candidate) => {
        const result = validateDefinition(candidate, options);
        expect(result.ok).toBe(false);
        for (const error of result.errors) expect(error.pointer === '' || error.pointer.startsWith('/')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
