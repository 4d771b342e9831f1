import type { Connection } from '@temporalio/client';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../temporal/search-attributes';

// temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD; every Ledgerflow attribute is a Keyword.
const KEYWORD = 2;

export type SearchAttributeOutcome = { ok: true; added: string[] } | { ok: false; reason: string };

/**
 * Registers Ledgerflow's search attributes on an existing cluster (the dev server gets them at start). Temporal
 * Cloud refuses this call to API-key clients; the caller then tells the operator how to add them by hand.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<SearchAttributeOutcome> {
  const wanted = Object.keys(DEV_SERVER_SEARCH_ATTRIBUTES);
  try {
    const missing = await missingAttributes(connection, namespace, wanted);
    if (missing.length === 0) return { ok: true, added: [] };
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])) });
    return { ok: true, added: missing };
  } catch (error) {
    // Another process (the api beside the worker) may have added them a moment earlier.
    const stillMissing = await missingAttributes(connection, namespace, wanted).catch(() => wanted);
    if (stillMissing.length === 0) return { ok: true, added: [] };
    return { ok: false, reason: `${error instanceof Error ? error.message : String(error)}; add ${stillMissing.map((name) => `${name} (Keyword)`).join(', ')} to namespace ${namespace}` };
  }
}

async function missingAttributes(connection: Connection, namespace: string, wanted: string[]): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  return wanted.filter((name) => !(customAttributes && name in customAttributes));
}
