import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { checkRunInput } from './run-input';
import { RunInputError } from './run-errors';

const definition = {
  inputSchema: { type: 'object', required: ['dueDate'], properties: { dueDate: { type: 'string', format: 'date' }, email: { type: 'string', format: 'email' } } },
} as unknown as WorkflowDefinition;

describe('run input', () => {
  it('accepts a real calendar date', () => {
    expect(() => checkRunInput(definition, { dueDate: '2028-02-29' })).not.toThrow();
  });

  it('refuses a date that is not on the calendar, or not a date, at its pointer', () => {
    for (const dueDate of ['2026-02-30', '02/11/2026']) {
      let failure: unknown;
      try {
        checkRunInput(definition, { dueDate });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(RunInputError);
      expect((failure as RunInputError).problems).toEqual([{ pointer: '/dueDate', message: 'must match format "date"' }]);
    }
  });
});
