import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { backupKey, dropBackup, keepBackup, readBackup, sameDocument, type BackupStorage } from './local-backup';

/** An in-memory Storage with the browser's getItem/setItem/removeItem semantics. */
function memoryStorage(): BackupStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

const saved = { key: 'k', name: 'K', version: 2, triggers: [{ type: 'manual' }], start: 'done', steps: [{ id: 'done', type: 'succeed' }] } as WorkflowDefinition;

describe('local backups of unsaved edits', () => {
  it('keeps an edit the server does not have yet, per definition id, with the time it was kept', () => {
    const storage = memoryStorage();
    keepBackup(storage, 'def-1', { ...saved, name: 'Edited' }, saved, new Date('2026-11-24T22:00:00Z'));
    expect(readBackup(storage, 'def-1')).toEqual({ definition: { ...saved, name: 'Edited' }, savedAt: '2026-11-24T22:00:00.000Z' });
    expect(readBackup(storage, 'def-2')).toBeNull();
  });

  it('drops the backup once the draft is the same as the server\'s, whatever the key order or version number', () => {
    const storage = memoryStorage();
    keepBackup(storage, 'def-1', { ...saved, name: 'Edited' }, saved);
    const reordered = { steps: saved.steps, start: saved.start, triggers: saved.triggers, version: 3, name: saved.name, key: saved.key } as WorkflowDefinition;
    keepBackup(storage, 'def-1', reordered, saved);
    expect(storage.items.has(backupKey('def-1'))).toBe(false);
  });

  it('forgets a backup that is not readable instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem(backupKey('def-1'), '{not json');
    expect(readBackup(storage, 'def-1')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('is dropped on request', () => {
    const storage = memoryStorage();
    keepBackup(storage, 'def-1', { ...saved, name: 'Edited' }, null);
    dropBackup(storage, 'def-1');
    expect(readBackup(storage, 'def-1')).toBeNull();
  });

  it('tells a real edit from a reordering', () => {
    expect(sameDocument(saved, { ...saved, name: 'Other' })).toBe(false);
  });
});
