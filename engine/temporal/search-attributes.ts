import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Visibility keys for listing runs per tenant. They hold ids only (tenant uuid, definition key, entity type:uuid),
 * never names, emails or amounts: search attributes are not encrypted and are visible to anyone with namespace access.
 */
export const TENANT_ATTRIBUTE = defineSearchAttributeKey('LedgerflowTenant', SearchAttributeType.KEYWORD);
export const DEFINITION_ATTRIBUTE = defineSearchAttributeKey('LedgerflowDefinition', SearchAttributeType.KEYWORD);
export const ENTITY_ATTRIBUTE = defineSearchAttributeKey('LedgerflowEntity', SearchAttributeType.KEYWORD);

/** What `temporal server start-dev --search-attribute` registers at start. */
export const DEV_SERVER_SEARCH_ATTRIBUTES = {
  LedgerflowTenant: 'Keyword',
  LedgerflowDefinition: 'Keyword',
  LedgerflowEntity: 'Keyword',
} as const;
