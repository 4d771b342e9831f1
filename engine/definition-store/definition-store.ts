import { createHash } from 'node:crypto';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { WorkflowDefinition as DefinitionRow } from '../db/models/workflow-definition';
import { WorkflowDefinitionVersion } from '../db/models/workflow-definition-version';
import type { TenantScope } from '../db/tenant-scope';
import type { ActionCatalogue } from '../dsl/semantics/action-catalogue';
import { validateDefinition } from '../dsl/validation/validate-definition';
import { DefinitionInvalidError, DefinitionNotFoundError } from './definition-errors';

export interface PublishedDefinition {
  definitionId: string;
  versionId: string;
  key: string;
  version: number;
  document: WorkflowDefinition;
}

function checksumOf(document: unknown): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex');
}

/** Draft → published → archived, per tenant. Publishing validates; a published version never changes. */
export function definitionStore(scope: TenantScope, catalogue: ActionCatalogue) {
  const definitionRow = (key: string) => scope.query(DefinitionRow).findOne({ key });

  async function definitionKeys(): Promise<Set<string>> {
    return new Set((await scope.query(DefinitionRow).select('key')).map((row) => row.key));
  }

  return {
    /** Creates the definition if new, and saves the document as its draft (replacing an earlier draft). */
    async saveDraft(document: WorkflowDefinition & { description?: string }): Promise<WorkflowDefinitionVersion> {
      return scope.transaction(async (tx) => {
        let definition = await tx.query(DefinitionRow).findOne({ key: document.key });
        definition ??= await tx.query(DefinitionRow).insert({ key: document.key, name: document.name, description: document.description ?? null });
        const draft = await tx.query(WorkflowDefinitionVersion).findOne({ definition_id: definition.id, status: 'draft' });
        const latest = (await tx.query(WorkflowDefinitionVersion).where({ definition_id: definition.id }).max('version as max').first()) as unknown as { max: number | null };
        const version = draft?.version ?? (latest?.max ?? 0) + 1;
        const stored = { ...document, version };
        if (draft) return draft.$query(tx.knex).patchAndFetch({ document: stored, checksum: checksumOf(stored) });
        return tx.query(WorkflowDefinitionVersion).insert({ definition_id: definition.id, version, status: 'draft', document: stored, checksum: checksumOf(stored) });
      });
    },

    /** Validates the draft against the schema and the semantic checks, then publishes it. */
    async publish(key: string, publishedBy?: string): Promise<PublishedDefinition> {
      const definition = await definitionRow(key);
      if (!definition) throw new DefinitionNotFoundError(key);
      const draft = await scope.query(WorkflowDefinitionVersion).findOne({ definition_id: definition.id, status: 'draft' });
      if (!draft) throw new DefinitionNotFoundError(key, 'draft of definition');
      const validation = validateDefinition(draft.document, { actions: catalogue, definitionKeys: await definitionKeys() });
      if (!validation.ok) throw new DefinitionInvalidError(validation.errors);
      await scope.transaction(async (tx) => {
        await tx.query(WorkflowDefinitionVersion).patch({ status: 'published', published_at: new Date().toISOString(), published_by: publishedBy ?? null }).where({ id: draft.id });
        await tx.query(DefinitionRow).patch({ name: validation.definition.name }).where({ id: definition.id });
      });
      return { definitionId: definition.id, versionId: draft.id, key, version: draft.version, document: validation.definition };
    },

    /** The newest published version, or the one asked for. */
    async published(key: string, version?: number): Promise<PublishedDefinition> {
      const definition = await definitionRow(key);
      if (!definition) throw new DefinitionNotFoundError(key);
      const query = scope.query(WorkflowDefinitionVersion).where({ definition_id: definition.id, status: 'published' });
      const row = version ? await query.findOne({ version }) : await query.orderBy('version', 'desc').first();
      if (!row) throw new DefinitionNotFoundError(key, version ? `published version ${version} of` : 'published version of');
      return { definitionId: definition.id, versionId: row.id, key, version: row.version, document: row.document as unknown as WorkflowDefinition };
    },

    async versions(key: string): Promise<WorkflowDefinitionVersion[]> {
      const definition = await definitionRow(key);
      if (!definition) throw new DefinitionNotFoundError(key);
      return scope.query(WorkflowDefinitionVersion).where({ definition_id: definition.id }).orderBy('version');
    },

    async archive(key: string, version: number): Promise<void> {
      const definition = await definitionRow(key);
      if (!definition) throw new DefinitionNotFoundError(key);
      await scope.transaction(async (tx) => {
        await tx.query(WorkflowDefinitionVersion).patch({ status: 'archived', archived_at: new Date().toISOString() }).where({ definition_id: definition.id, version, status: 'published' });
      });
    },
  };
}

export type DefinitionStore = ReturnType<typeof definitionStore>;
