/** The diff API's {pointer, before, after} changes as table rows a tenant admin can read. */
import type { DiffChange } from './definition-types';
import { locatePointer } from '../validation/error-locations';

export interface DiffRow {
  pointer: string;
  /** Where the change is, in words: "step awaitPayment · timeout", or the definition's own field. */
  place: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
}

const ABSENT = '—';

/** A value in one line: strings as they are, everything else as compact JSON, shortened past `max` characters. */
export function formatValue(value: unknown, max = 160): string {
  if (value === undefined) return ABSENT;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Pointers name steps by index; with the two documents at hand the place names them by id, read in the newer one
 * (or, for something removed, in the older one, where it still is).
 */
export function diffRows(changes: DiffChange[], documents: { before?: unknown; after?: unknown } = {}): DiffRow[] {
  return changes.map((change) => {
    const hasBefore = 'before' in change && change.before !== undefined;
    const hasAfter = 'after' in change && change.after !== undefined;
    return {
      pointer: change.pointer,
      place: placeOf(change.pointer, hasAfter ? documents.after : documents.before),
      kind: hasBefore && hasAfter ? 'changed' : hasAfter ? 'added' : 'removed',
      before: formatValue(change.before),
      after: formatValue(change.after),
    };
  });
}

function placeOf(pointer: string, document: unknown): string {
  if (document === undefined) return pointer;
  const { nodeId, field } = locatePointer(document, pointer);
  if (nodeId === null) return field || 'definition';
  if (nodeId.startsWith('#')) return field;
  return field ? `step ${nodeId} · ${field}` : `step ${nodeId}`;
}
