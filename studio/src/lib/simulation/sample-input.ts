/** A plausible run input made from a definition's input schema, so Simulate works before anyone types JSON. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { dateOfDay } from './simulation-scenario';

type Schema = { type?: string; format?: string; minimum?: number; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };

function sampleFor(name: string, schema: Schema, startDate: string, index: number): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, /amount|total|price/i.test(name) ? 12345 : 1);
    case 'boolean':
      return false;
    case 'array':
      // Three items a month apart, so dated items (installments) spread over a simulated quarter.
      return [0, 1, 2].map((n) => sampleFor(name, schema.items ?? {}, dateOfDay(startDate, 1 + 30 * (n + 1)), n));
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, sampleFor(key, child, startDate, index)]));
    default:
      if (schema.format === 'date' || /date/i.test(name)) return startDate;
      if (/email/i.test(name)) return 'ada@example.com';
      if (/currency/i.test(name)) return 'EUR';
      if (/name$/i.test(name)) return 'Ada Lovelace';
      if (/id$/i.test(name)) return `${name.replace(/id$/i, '').toLowerCase() || 'id'}_${index + 1}`;
      return 'sample';
  }
}

export function sampleInput(definition: WorkflowDefinition, startDate: string): unknown {
  return sampleFor('input', (definition.inputSchema as Schema | undefined) ?? { type: 'object' }, startDate, 0);
}

/** Event names the definition waits for, for the Simulate panel's "event arrives" choices. */
export function awaitedEvents(definition: WorkflowDefinition): string[] {
  const names = new Set<string>();
  JSON.stringify(definition, (key, value) => {
    if (value && typeof value === 'object' && value.type === 'waitForEvent' && typeof value.event === 'string') names.add(value.event);
    return value;
  });
  return [...names];
}
