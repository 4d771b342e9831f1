import type { ActionSignature } from '../../../../engine/dsl/semantics/action-catalogue';

/** What the studio needs to know of an action: its catalogue name, what it does, and which input keys it takes. */
export interface CatalogueEntry extends ActionSignature {
  description: string;
}

/**
 * The installment-collection template pins a Stripe charge, an example connector this repository does not hold;
 * it stays in the catalogue so that template validates in the studio as it does in definitions/templates' test.
 */
export const EXAMPLE_CONNECTOR_ACTIONS: CatalogueEntry[] = [{ name: 'stripe@2.chargeCard', description: 'Charges a card (example connector).' }];

interface ActionLike {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
}

/** Only the parts of an input schema the draft checks read (required keys, accepted keys), to keep the bundle small. */
function inputKeysOf(schema: Record<string, unknown> | undefined): ActionSignature['inputSchema'] {
  if (!schema) return undefined;
  const properties = Object.fromEntries(Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}).map((key) => [key, {}]));
  return { required: (schema.required as string[] | undefined) ?? [], properties, additionalProperties: schema.additionalProperties === false ? false : true };
}

export function catalogueEntries(actions: ReadonlyArray<ActionLike>): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [
    ...actions.map(({ name, description, inputSchema }) => {
      const keys = inputKeysOf(inputSchema);
      return { name, description: description ?? '', ...(keys ? { inputSchema: keys } : {}) };
    }),
    ...EXAMPLE_CONNECTOR_ACTIONS,
  ];
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
