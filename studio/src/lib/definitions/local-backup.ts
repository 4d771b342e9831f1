/**
 * A copy of unsaved edits in this browser, per definition id, so a closed tab or an invalid draft the API will not
 * save yet is not lost. It is dropped once the API has the same draft.
 */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';

export type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Backup {
  definition: WorkflowDefinition;
  savedAt: string;
}

const PREFIX = 'ledgerflow.studio.backup.';
export const backupKey = (definitionId: string) => `${PREFIX}${definitionId}`;

export function readBackup(storage: BackupStorage, definitionId: string): Backup | null {
  const text = storage.getItem(backupKey(definitionId));
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Backup;
    return parsed && typeof parsed.definition === 'object' && parsed.definition !== null ? parsed : null;
  } catch {
    storage.removeItem(backupKey(definitionId));
    return null;
  }
}

/** Keeps `definition` unless it is what the server holds, in which case any older backup goes. */
export function keepBackup(storage: BackupStorage, definitionId: string, definition: WorkflowDefinition, serverDocument: WorkflowDefinition | null, now = new Date()): void {
  if (serverDocument && sameDocument(definition, serverDocument)) storage.removeItem(backupKey(definitionId));
  else storage.setItem(backupKey(definitionId), JSON.stringify({ definition, savedAt: now.toISOString() } satisfies Backup));
}

export function dropBackup(storage: BackupStorage, definitionId: string): void {
  storage.removeItem(backupKey(definitionId));
}

/** Two documents are the same draft when they differ in nothing but the version number the server assigns. */
export function sameDocument(a: WorkflowDefinition, b: WorkflowDefinition): boolean {
  return canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });
}

/** JSON with object keys sorted, so key order (which the JSON view may change) does not count as an edit. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
