/**
 * The runs list's filters live in the page's hash query (`#/runs?status=running&definition=dunning`), so a reload or
 * a shared link shows the same list. Here: hash query ↔ filters ↔ the API's query parameters.
 */
import { isRunStatus } from './run-status';
import type { RunStatus } from './run-types';

export interface RunFilters {
  definition?: string;
  status?: RunStatus;
  /** An entity id (a contract's, an invoice's): the data views link to its runs with it. */
  entity?: string;
  /** Start days, UTC, both included. */
  from?: string;
  until?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DEFINITION_KEY = /^[a-z][a-z0-9_.-]{0,63}$/;
const ENTITY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Reads the filters from a hash query, dropping values the API would refuse so a bad link still shows a list. */
export function filtersFromQuery(query: Record<string, string>): RunFilters {
  const filters: RunFilters = {};
  if (query.definition && DEFINITION_KEY.test(query.definition)) filters.definition = query.definition;
  if (isRunStatus(query.status)) filters.status = query.status;
  if (query.entity && ENTITY_ID.test(query.entity)) filters.entity = query.entity;
  if (query.from && DAY.test(query.from)) filters.from = query.from;
  if (query.until && DAY.test(query.until)) filters.until = query.until;
  return filters;
}

/** The hash query for these filters, in a fixed order; empty values are left out. */
export function filtersToQuery(filters: RunFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['definition', 'status', 'entity', 'from', 'until'] as const) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  return query;
}

/** GET /api/runs parameters for these filters. */
export function filtersToApiQuery(filters: RunFilters, limit: number): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.definition) query.definition = filters.definition;
  if (filters.status) query.status = filters.status;
  if (filters.entity) query.entity_id = filters.entity;
  if (filters.from) query.started_from = filters.from;
  if (filters.until) query.started_until = filters.until;
  query.limit = String(limit);
  return query;
}

/** A from day after the until day matches nothing; say so instead of showing an empty list. */
export function filterProblem(filters: RunFilters): string | null {
  if (filters.from && filters.until && filters.from > filters.until) return 'The "from" day is after the "until" day.';
  return null;
}
