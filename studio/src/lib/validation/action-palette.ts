/**
 * The general-purpose actions the palette offers with a starting input. Every other action of the catalogue
 * (the built-in flows' actions, connector verbs) can be chosen in the inspector.
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
];
