/**
 * The actions the studio offers until the API serves each tenant's catalogue: the core actions and the card
 * charge the installment template uses. Validation uses the same list, so a draft is checked as the engine would.
 */
import type { TransformMap } from '../../../../definitions/generated/definition';

export interface PaletteAction {
  name: string;
  label: string;
  /** A starting input, so a dropped action is close to valid. */
  input: TransformMap;
}

const logic = (rule: unknown) => ({ type: 'logic' as const, rule });
const literal = (value: unknown) => ({ type: 'static' as const, value });

export const PALETTE_ACTIONS: PaletteAction[] = [
  { name: 'core.sendEmail', label: 'Send email', input: { to: logic({ var: 'input.customerEmail' }), subject: literal('Reminder'), text: literal('Please pay your invoice.') } },
  { name: 'core.createTask', label: 'Create task', input: { title: literal('Follow up'), entityType: literal('invoice'), entityId: logic({ var: 'input.invoiceId' }), kind: literal('collection') } },
  { name: 'core.notify', label: 'Notify user', input: { userId: literal(''), title: literal('Heads up') } },
  { name: 'core.httpRequest', label: 'HTTP request', input: { method: literal('POST'), url: literal('https://example.com/hook') } },
  { name: 'stripe@2.chargeCard', label: 'Charge card (Stripe v2)', input: { amount: logic({ var: 'input.amountDue' }) } },
];

export const KNOWN_ACTION_NAMES = PALETTE_ACTIONS.map((action) => action.name);
