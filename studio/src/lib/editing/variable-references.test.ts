import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { ENGINE_ACTIONS } from '../validation/engine-catalogue.fixture';
import { validateDraft } from '../validation/error-locations';
import { renameVariable } from './definition-settings';
import { countVariableReferences, renameInRule, renameVariablePath, renameVariableReferences } from './variable-references';
import { findStep } from './definition-edits';
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';

describe('renaming a variable\'s references', () => {
  it('renames vars.<name> and its sub-paths, and leaves longer names and other namespaces alone', () => {
    expect(renameVariablePath('vars.total', 'total', 'sum')).toBe('vars.sum');
    expect(renameVariablePath('vars.total.net', 'total', 'sum')).toBe('vars.sum.net');
    expect(renameVariablePath('vars.totals', 'total', 'sum')).toBe('vars.totals');
    expect(renameVariablePath('input.total', 'total', 'sum')).toBe('input.total');
    expect(renameVariablePath('total', 'total', 'sum')).toBe('total');
  });

  it('rewrites var reads with a default, missing and missing_some inside nested and/or rules', () => {
    const rule = { and: [{ '<': [{ var: ['vars.total', 0] }, 3] }, { '!': { missing: ['vars.total', 'input.id'] } }, { missing_some: [1, ['vars.total.net']] }] };
    expect(renameInRule(rule, 'total', 'sum')).toEqual({ and: [{ '<': [{ var: ['vars.sum', 0] }, 3] }, { '!': { missing: ['vars.sum', 'input.id'] } }, { missing_some: [1, ['vars.sum.net']] }] });
  });

  it('renames reads in choices, forEach bodies and logic transforms, assign keys and resultVariable, and keeps the draft valid', () => {
    const definition: WorkflowDefinition = {
      ...ALL_STEP_TYPES,
      steps: ALL_STEP_TYPES.steps.map((step) => (step.id === 'charge' ? { ...step, resultVariable: 'total' } : step)) as WorkflowDefinition['steps'],
    };
    const renamed = renameVariable(definition, 'total', 'sum');
    expect(renamed.variables).toEqual({ sum: { initial: 0 } });
    expect(findStep(renamed, 'charge')).toMatchObject({ resultVariable: 'sum' });
    expect(findStep(renamed, 'decide')).toMatchObject({ when: [{ condition: { '>': [{ var: 'vars.sum' }, 3] }, next: 'ask' }, { condition: true, next: 'each' }] });
    expect(findStep(renamed, 'add')).toMatchObject({ assign: { sum: { '+': [{ var: 'vars.sum' }, { var: 'item.n' }] } } });
    expect(findStep(renamed, 'done')).toMatchObject({ output: { total: { type: 'logic', rule: { var: 'vars.sum' } } } });
    expect(JSON.stringify(renamed)).not.toContain('vars.total');
    expect(validateDraft(renamed, ENGINE_ACTIONS)).toEqual([]);
    // The original is untouched: each rename is an undoable edit of its own.
    expect((findStep(definition, 'decide') as { when: Array<{ condition: unknown }> }).when[0].condition).toEqual({ '>': [{ var: 'vars.total' }, 3] });
  });

  it('leaves a static value that happens to look like a rule as the data it is', () => {
    const definition: WorkflowDefinition = {
      ...ALL_STEP_TYPES,
      steps: ALL_STEP_TYPES.steps.map((step) => (step.id === 'charge' ? { ...step, input: { note: { type: 'static', value: { var: 'vars.total' } } } } : step)) as WorkflowDefinition['steps'],
    };
    expect(findStep(renameVariableReferences(definition, 'total', 'sum'), 'charge')).toMatchObject({ input: { note: { type: 'static', value: { var: 'vars.total' } } } });
  });

  it('counts the uses a rename changes: three reads and one assignment of total in the fixture, none of an unused name', () => {
    expect(countVariableReferences(ALL_STEP_TYPES, 'total')).toBe(4);
    expect(countVariableReferences(ALL_STEP_TYPES, 'unused')).toBe(0);
  });
});
