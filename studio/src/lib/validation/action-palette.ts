/**
 * The actions the palette offers: the general-purpose ones with a starting input, and every connector verb of the
 * engine's catalogue (`<connector>@<major>.<verb>`). The built-in flows' own actions can be chosen in the inspector.
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

export interface ConnectorPaletteAction {
  name: string;
  /** The verb, then the connector it belongs to, e.g. "charge (http-payments@1)". */
  label: string;
  description?: string;
}

const CONNECTOR_ACTION = /^([a-z][a-z0-9-]*@\d+)\.([A-Za-z][A-Za-z0-9]*)$/;

/**
 * The connector verbs of a catalogue, sorted by label. They start with an empty input: what a verb requires differs
 * per connector, and the validator names each missing key on the new node.
 */
export function connectorPaletteActions(catalogue: ReadonlyArray<{ name: string; description?: string }>): ConnectorPaletteAction[] {
  return catalogue
    .flatMap((entry) => {
      const match = CONNECTOR_ACTION.exec(entry.name);
      return match ? [{ name: entry.name, label: `${match[2]} (${match[1]})`, ...(entry.description ? { description: entry.description } : {}) }] : [];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
