import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { WorkflowDefinition as DefinitionRow } from '../db/models/workflow-definition';
import type { TenantScope } from '../db/tenant-scope';
import type { DefinitionStore } from './definition-store';

const TEMPLATES = path.join(__dirname, '..', '..', 'definitions', 'templates');

/**
 * The business flows every tenant starts with, in publish order (flows that others start come first). The other
 * files in definitions/templates are examples for the studio's template picker, not installed.
 */
export const BUILT_IN_DEFINITION_KEYS = ['dunning', 'dunning-balance', 'overdue-invoices', 'installment-schedule', 'subscription-lifecycle'] as const;

export function loadBuiltInDefinition(key: string): WorkflowDefinition {
  return JSON.parse(fs.readFileSync(path.join(TEMPLATES, `${key}.json`), 'utf8')) as WorkflowDefinition;
}

/**
 * Gives a tenant its own published copy of each built-in flow, which it can then edit and republish as new versions.
 * A tenant that already has a definition with a built-in's key keeps its own; running this again changes nothing.
 */
export async function installBuiltInDefinitions(scope: TenantScope, store: DefinitionStore): Promise<string[]> {
  const existing = new Set((await scope.query(DefinitionRow).select('key')).map((row) => row.key));
  const installed: string[] = [];
  for (const key of BUILT_IN_DEFINITION_KEYS) {
    if (existing.has(key)) continue;
    const { $schema: _schema, ...definition } = loadBuiltInDefinition(key) as WorkflowDefinition & { $schema?: string };
    await store.saveDraft(definition);
    await store.publish(key);
    installed.push(key);
  }
  return installed;
}
