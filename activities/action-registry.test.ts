import { ActionInputError } from './action-errors';
import { createActionRegistry } from './action-registry';
import { CORE_ACTIONS } from './core-actions';

const registry = createActionRegistry(CORE_ACTIONS);

describe('action registry', () => {
  it('names the unexpected input key when an action does not take it', () => {
    let failure: unknown;
    try {
      registry.checkInput('core.sendEmail', { to: 'ada@example.com', template: 'invoice-reminder', invoiceId: 'INV-7' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ActionInputError);
    expect((failure as Error).message).toContain('(input) has "invoiceId", which the action does not take');
  });

  it('lists every action with its input schema, in name order, for the definition checks', () => {
    const signatures = registry.signatures();
    expect(signatures.map((signature) => signature.name)).toEqual(registry.names());
    expect(signatures.find((signature) => signature.name === 'core.sendEmail')?.inputSchema).toMatchObject({ required: ['to'], additionalProperties: false });
  });
});
