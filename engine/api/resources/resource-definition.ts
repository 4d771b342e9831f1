import type { Model, ModelClass } from 'objection';
import type { ApiServices, JsonSchema } from '../routing/route-definition';

/**
 * One row of the resource table: from it come the five CRUD routes, their schemas and their permissions.
 * Filterable and sortable columns must be backed by an index that starts with company_id (a test holds them to it).
 */
export interface ResourceDefinition {
  /** The table, which is also the permission area: `<table>.read`, `<table>.write`. */
  table: string;
  model: ModelClass<Model>;
  tag: string;
  summary: string;
  /** Fields a client may send on create and PATCH; none means the resource is read-only over CRUD. */
  writable?: string[];
  /** False when rows are created by a domain action instead (invoices, numbered by the server): no CRUD create route. */
  creatable?: boolean;
  /** Fields settable on create but fixed afterwards (a row's parent, its plan). */
  createOnly?: string[];
  requiredOnCreate?: string[];
  /** Per-field schema overrides for requests, e.g. a narrower enum than the column allows. */
  requestFieldSchemas?: Record<string, JsonSchema>;
  deletable?: boolean;
  /** Rows are written once and never changed (ledger-like): no PATCH route. */
  immutable?: boolean;
  /** Columns kept out of responses (capability tokens); hashes and ciphertexts are always left out by the models. */
  hidden?: string[];
  /** When set, creates, updates and deletes emit `<entity>.created|updated|deleted` in the same transaction. */
  eventEntity?: string;
  /** Equality filters on indexed columns. */
  filters: string[];
  /** Columns allowed in `sort` besides created_at: non-null and indexed. */
  sortable?: string[];
  /** Body fields naming other rows: field → table. Tenant tables are held to the caller's tenant by the database. */
  references?: Record<string, string>;
  /** A valid create body; reference fields hold placeholders that callers replace with real ids. */
  example?: Record<string, unknown>;
  /** Refuses a PATCH the row's current state does not allow (an issued invoice's amounts); runs on the locked row. */
  checkPatch?(current: Record<string, unknown>, changes: Record<string, unknown>): void;
  /** Refuses a DELETE the row's current state does not allow (an issued invoice); runs on the locked row. */
  checkDelete?(current: Record<string, unknown>): void;
  /** Turns a create body into the row to insert, plus values to show once in the response (a generated secret). */
  prepareCreate?(body: Record<string, unknown>, services: ApiServices): { row: Record<string, unknown>; reveal?: Record<string, unknown> };
}

export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** `contract_installments` → `contract-installments`. */
export function resourcePath(definition: ResourceDefinition): string {
  return `/api/${definition.table.replace(/_/g, '-')}`;
}
