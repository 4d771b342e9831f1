/** Copies of a definition under a new key and name: the copy starts its own history at version 1. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { keyFromName } from './definition-key';

/** "Dunning" → "Dunning (copy)"; a copy of a copy counts up: "Dunning (copy 2)". */
export function duplicateName(name: string, takenNames: Iterable<string> = []): string {
  const taken = new Set(takenNames);
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  if (!taken.has(`${base} (copy)`)) return `${base} (copy)`;
  for (let n = 2; ; n += 1) if (!taken.has(`${base} (copy ${n})`)) return `${base} (copy ${n})`;
}

/** "dunning" → "dunning-copy", then "dunning-copy-2"…, never one of `takenKeys`, always within 64 characters. */
export function duplicateKey(key: string, takenKeys: Iterable<string>): string {
  const taken = new Set(takenKeys);
  const base = (key.replace(/-copy(?:-\d+)?$/, '') || keyFromName(key) || 'flow').slice(0, 50);
  if (!taken.has(`${base}-copy`)) return `${base}-copy`;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-copy-${n}`)) return `${base}-copy-${n}`;
}

/** The document saved as the copy's first draft. The source's `$schema` hint and version number do not carry over. */
export function duplicateDocument(source: WorkflowDefinition, key: string, name: string): WorkflowDefinition {
  const { $schema: _schema, ...rest } = source;
  return { ...rest, key, name, version: 1 } as WorkflowDefinition;
}
