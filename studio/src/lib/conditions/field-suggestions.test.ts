import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { fieldSuggestions } from './field-suggestions';

describe('fieldSuggestions', () => {
  it('offers declared variables, step results and the clock; event fields only where an event is read', () => {
    const withInput = { ...ALL_STEP_TYPES, inputSchema: { type: 'object', properties: { invoiceId: { type: 'string' } } } };
    expect(fieldSuggestions(withInput)).toEqual(expect.arrayContaining(['input.invoiceId', 'vars.total', 'steps.charge.result', 'steps.add.result', 'today']));
    expect(fieldSuggestions(withInput)).not.toContain('event.invoiceId');
    expect(fieldSuggestions(withInput, { eventFields: true })).toContain('event.invoiceId');
  });
});
