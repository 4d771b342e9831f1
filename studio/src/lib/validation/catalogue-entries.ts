/** What the studio needs to know of an action: its catalogue name and what it does. */
export interface CatalogueEntry {
  name: string;
  description: string;
}

/**
 * The installment-collection template pins a Stripe charge, an example connector this repository does not hold;
 * it stays in the catalogue so that template validates in the studio as it does in definitions/templates' test.
 */
export const EXAMPLE_CONNECTOR_ACTIONS: CatalogueEntry[] = [{ name: 'stripe@2.chargeCard', description: 'Charges a card (example connector).' }];

export function catalogueEntries(actions: ReadonlyArray<{ name: string; description?: string }>): CatalogueEntry[] {
  const entries = [...actions.map(({ name, description }) => ({ name, description: description ?? '' })), ...EXAMPLE_CONNECTOR_ACTIONS];
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
