import { createActionCatalogue } from '../semantics/action-catalogue';
import { minimalDefinition, TEST_ACTIONS } from '../testing/definition-builders';
import { validateDefinition } from './validate-definition';

const options = { actions: createActionCatalogue(TEST_ACTIONS) };

describe('validateDefinition', () => {
  it('returns the typed definition when schema and semantics pass', () => {
    const result = validateDefinition(minimalDefinition(), options);
    expect(result).toEqual({ ok: true, definition: minimalDefinition(), errors: [] });
  });

  it('stops at schema errors without running semantic checks on a malformed shape', () => {
    const result = validateDefinition({ ...minimalDefinition(), start: 'nowhere', steps: [{ id: 'a', type: 'teleport' }] }, options);
    expect(result.ok).toBe(false);
    expect(result.errors.map((error) => error.pointer)).toEqual(['/steps/0/type']);
  });

  it('reports semantic errors once the shape is right', () => {
    const result = validateDefinition({ ...minimalDefinition(), start: 'nowhere' }, options);
    expect(result.errors).toEqual([
      { pointer: '/start', message: 'starts at "nowhere", but there is no step with that id here' },
    ]);
  });
});
