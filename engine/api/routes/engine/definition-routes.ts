import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { coreActionCatalogue } from '../../../definition-store/core-catalogue';
import { DefinitionInvalidError } from '../../../definition-store/definition-errors';
import type { DefinitionError } from '../../../dsl/validation/definition-error';
import { validateDefinition } from '../../../dsl/validation/validate-definition';
import type { TenantScope } from '../../../db/tenant-scope';
import { syncSchedules } from '../../../schedules';
import { notFound, ProblemError, type FieldError } from '../../http/problem';
import type { RouteDefinition } from '../../routing/route-definition';
import { closedObject, idParams, OK_OBJECT } from '../../routing/schema-helpers';
import { diffDocuments } from './definition-diff';
import { storeFor } from './engine-services';

const READ = { permission: 'definitions.read' };
const WRITE = { permission: 'definitions.write' };
const PUBLISH = { permission: 'definitions.publish' };

/** The definition travels wrapped, so the API's closed-body rule holds; the definition language checks the inside. */
const definitionBody = closedObject({ definition: { type: 'object' } }, ['definition']);
/** Creating may ask to refuse an existing key (the studio's "new definition"), instead of saving a draft of that definition. */
const createBody = closedObject({ definition: { type: 'object' }, create_only: { type: 'boolean' } }, ['definition']);
export const EXAMPLE_DEFINITION = {
  key: 'welcome-call',
  name: 'Welcome call',
  version: 1,
  triggers: [{ type: 'manual' }],
  start: 'pause',
  steps: [
    { id: 'pause', type: 'wait', duration: 'P1D', next: 'done' },
    { id: 'done', type: 'succeed' },
  ],
};
const versionQuery = { type: 'string', pattern: '^[1-9][0-9]{0,5}$' };

interface DefinitionRow { id: string; key: string; name: string; description: string | null; created_at: Date; updated_at: Date }
interface VersionRow { id: string; definition_id: string; version: number; status: string; document: unknown; published_at: Date | null; published_by: string | null; published_by_name?: string | null; archived_at: Date | null; created_at: Date }

async function definitionById(scope: TenantScope, id: string): Promise<DefinitionRow> {
  const row = await scope.knex('workflow_definitions').where({ company_id: scope.companyId, id }).first();
  if (!row) throw notFound('definition');
  return row;
}

/** Versions with the name of whoever published each (joined within the tenant: a user id never reaches across). */
const versionsOf = (scope: TenantScope, definitionId: string): Promise<VersionRow[]> =>
  scope.knex('workflow_definition_versions as v')
    .leftJoin('users as u', (join) => join.on('u.id', 'v.published_by').andOn('u.company_id', 'v.company_id'))
    .where({ 'v.company_id': scope.companyId, 'v.definition_id': definitionId })
    .orderBy('v.version')
    .select('v.*', 'u.name as published_by_name');

const summary = (row: DefinitionRow) => ({ id: row.id, key: row.key, name: row.name, description: row.description, created_at: row.created_at, updated_at: row.updated_at });
const versionSummary = (row: VersionRow) => ({
  id: row.id, version: row.version, status: row.status, published_at: row.published_at, published_by: row.published_by ?? null, published_by_name: row.published_by_name ?? null, archived_at: row.archived_at, created_at: row.created_at,
});

function invalid(errors: DefinitionError[]): ProblemError {
  const fieldErrors: FieldError[] = errors.map((error) => ({ in: 'body', pointer: `#/definition${error.pointer === '/' ? '' : error.pointer}`, message: error.message }));
  return new ProblemError(422, 'definition_invalid', `The definition has ${errors.length} problem(s)`, fieldErrors);
}

async function checkDefinition(scope: TenantScope, document: unknown): Promise<DefinitionError[]> {
  const keys = new Set<string>(await scope.knex('workflow_definitions').where({ company_id: scope.companyId }).pluck('key'));
  if (typeof document === 'object' && document !== null && typeof (document as { key?: unknown }).key === 'string') keys.add((document as { key: string }).key);
  const result = validateDefinition(document, { actions: coreActionCatalogue(), definitionKeys: keys });
  return result.ok ? [] : result.errors;
}

/** Saves a draft only once it passes the schema and semantic checks, so every draft can be published as is. */
async function saveCheckedDraft(scope: TenantScope, document: unknown) {
  const errors = await checkDefinition(scope, document);
  if (errors.length) throw invalid(errors);
  const saved = await storeFor(scope).saveDraft(document as WorkflowDefinition);
  const definition = await definitionById(scope, saved.definition_id);
  return { ...summary(definition), draft: { id: saved.id, version: saved.version, status: saved.status } };
}

/** Definitions: drafts (save, replace, discard), validation, publishing (with schedule sync), versions, diff and archiving. */
export function definitionRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'listDefinitions', method: 'get', path: '/api/definitions', summary: "List the tenant's workflow definitions with their newest version", tag: 'Definitions', access: READ,
      responses: { 200: { description: 'Definitions', schema: OK_OBJECT } },
      handler: async ({ scope }) => {
        const rows: DefinitionRow[] = await scope!.knex('workflow_definitions').where({ company_id: scope!.companyId }).orderBy('key');
        const versions: VersionRow[] = await scope!.knex('workflow_definition_versions').where({ company_id: scope!.companyId }).orderBy('version');
        const latest = new Map(versions.map((version) => [version.definition_id, versionSummary(version)]));
        return { body: { data: rows.map((row) => ({ ...summary(row), latest_version: latest.get(row.id) ?? null })) } };
      },
    },
    {
      operationId: 'getDefinition', method: 'get', path: '/api/definitions/:id', summary: 'A definition with all its versions and their documents', tag: 'Definitions', access: READ,
      params: idParams, resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'The definition', schema: OK_OBJECT } },
      handler: async ({ scope, params }) => {
        const row = await definitionById(scope!, params.id);
        const versions = await versionsOf(scope!, row.id);
        return { body: { ...summary(row), versions: versions.map((version) => ({ ...versionSummary(version), document: version.document })) } };
      },
    },
    {
      operationId: 'createDefinitionDraft', method: 'post', path: '/api/definitions', summary: 'Save a definition as a draft (creating the definition when its key is new); invalid documents are a 422 listing each problem by pointer', tag: 'Definitions', access: WRITE,
      body: createBody, bodyExample: { definition: EXAMPLE_DEFINITION },
      responses: { 201: { description: 'Draft saved', schema: OK_OBJECT }, 409: { description: '`create_only` and the key is taken' }, 422: { description: 'The definition is invalid' } },
      handler: async ({ scope, body }) => {
        const { definition, create_only: createOnly } = body as { definition: unknown; create_only?: boolean };
        const key = (definition as { key?: unknown }).key;
        if (createOnly && typeof key === 'string' && (await scope!.knex('workflow_definitions').where({ company_id: scope!.companyId, key }).first('id'))) {
          throw new ProblemError(409, 'key_taken', `A definition with the key "${key}" already exists; choose another key`, [{ in: 'body', pointer: '#/definition/key', message: `"${key}" is already used by another definition` }]);
        }
        return { status: 201, body: await saveCheckedDraft(scope!, definition) };
      },
    },
    {
      operationId: 'updateDefinitionDraft', method: 'patch', path: '/api/definitions/:id', summary: "Replace the definition's draft (its key must stay the same)", tag: 'Definitions', access: WRITE,
      params: idParams, body: definitionBody, resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'Draft saved', schema: OK_OBJECT }, 422: { description: 'The definition is invalid' } },
      handler: async ({ scope, params, body }) => {
        const row = await definitionById(scope!, params.id);
        const document = (body as { definition: Record<string, unknown> }).definition;
        if (document.key !== row.key) throw invalid([{ pointer: '/key', message: `must stay "${row.key}"` }]);
        return { body: await saveCheckedDraft(scope!, document) };
      },
    },
    {
      operationId: 'discardDefinitionDraft', method: 'delete', path: '/api/definitions/:id/draft', summary: "Discard the definition's draft; a definition that was never published goes with it", tag: 'Definitions', access: WRITE,
      params: idParams, resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'Discarded; `definition_deleted` says whether the definition went too', schema: OK_OBJECT }, 409: { description: 'The definition has no draft' } },
      handler: async ({ scope, params }) => {
        const row = await definitionById(scope!, params.id);
        const result = await scope!.transaction(async (tx) => {
          const [discarded] = await tx.knex('workflow_definition_versions').where({ company_id: tx.companyId, definition_id: row.id, status: 'draft' }).delete().returning(['id', 'version']);
          if (!discarded) throw new ProblemError(409, 'no_draft', `Definition ${row.key} has no draft to discard`);
          // Published versions are history that runs point at; only a definition that never had one is removed.
          const remaining = await tx.knex('workflow_definition_versions').where({ company_id: tx.companyId, definition_id: row.id }).first('id');
          if (!remaining) await tx.knex('workflow_definitions').where({ company_id: tx.companyId, id: row.id }).delete();
          return { discarded_version_id: discarded.id as string, discarded_version: discarded.version as number, definition_deleted: !remaining };
        });
        return { body: { id: row.id, key: row.key, ...result } };
      },
    },
    {
      operationId: 'validateDefinition', method: 'post', path: '/api/definitions/validate', summary: 'Check a definition against the schema and the semantic rules without saving it', tag: 'Definitions', access: READ,
      body: definitionBody, bodyExample: { definition: EXAMPLE_DEFINITION },
      responses: { 200: { description: '`valid` and the problems found', schema: OK_OBJECT } },
      handler: async ({ scope, body }) => {
        const errors = await checkDefinition(scope!, (body as { definition: unknown }).definition);
        return { body: { valid: errors.length === 0, errors: invalid(errors).errors ?? [] } };
      },
    },
    {
      operationId: 'publishDefinition', method: 'post', path: '/api/definitions/:id/publish', summary: "Publish the definition's draft as its next version, then sync its schedules with Temporal", tag: 'Definitions', access: PUBLISH,
      params: idParams, resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'Published', schema: OK_OBJECT }, 422: { description: 'No draft, or the draft is invalid' } },
      handler: async ({ scope, params, caller, services }) => {
        const row = await definitionById(scope!, params.id);
        const store = storeFor(scope!);
        const draft = await scope!.knex('workflow_definition_versions').where({ company_id: scope!.companyId, definition_id: row.id, status: 'draft' }).first('id');
        if (!draft) throw new ProblemError(422, 'no_draft', `Definition ${row.key} has no draft to publish`);
        let published;
        try {
          published = await store.publish(row.key, caller?.userId);
        } catch (error) {
          if (error instanceof DefinitionInvalidError) throw invalid(error.errors);
          throw error;
        }
        const temporal = services.temporal;
        const schedules = temporal ? await syncSchedules(scope!, store, temporal.client, temporal.taskQueue, row.key, { searchAttributes: temporal.searchAttributes }) : null;
        return { body: { id: row.id, key: row.key, version: published.version, version_id: published.versionId, schedules } };
      },
    },
    {
      operationId: 'listDefinitionVersions', method: 'get', path: '/api/definitions/:id/versions', summary: "The definition's versions, oldest first", tag: 'Definitions', access: READ,
      params: idParams, resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'Versions', schema: OK_OBJECT } },
      handler: async ({ scope, params }) => {
        const row = await definitionById(scope!, params.id);
        return { body: { data: (await versionsOf(scope!, row.id)).map(versionSummary) } };
      },
    },
    {
      operationId: 'diffDefinitionVersions', method: 'get', path: '/api/definitions/:id/diff', summary: 'What changed between two versions (default: the newest and the one before it), as a list of {pointer, before, after}', tag: 'Definitions', access: READ,
      params: idParams, query: closedObject({ from: versionQuery, to: versionQuery }), resourceTable: 'workflow_definitions',
      responses: { 200: { description: 'Changes', schema: OK_OBJECT } },
      handler: async ({ scope, params, query }) => {
        const row = await definitionById(scope!, params.id);
        const versions = await versionsOf(scope!, row.id);
        const newest = versions.at(-1)?.version ?? 0;
        const to = query.to ? Number(query.to) : newest;
        const from = query.from ? Number(query.from) : Math.max(1, to - 1);
        const pick = (version: number) => {
          const found = versions.find((candidate) => candidate.version === version);
          if (!found) throw new ProblemError(404, 'not_found', `Definition ${row.key} has no version ${version}`);
          return found;
        };
        if (!versions.length) return { body: { from: null, to: null, changes: [] } };
        return { body: { from, to, changes: diffDocuments(pick(from).document, pick(to).document) } };
      },
    },
    {
      operationId: 'archiveDefinitionVersion', method: 'post', path: '/api/definition-versions/:id/archive', summary: 'Archive a published version: no new runs start on it (running ones keep it); schedules follow the newest published version', tag: 'Definitions', access: PUBLISH,
      params: idParams, resourceTable: 'workflow_definition_versions',
      responses: { 200: { description: 'Archived', schema: OK_OBJECT }, 409: { description: 'The version is not published' } },
      handler: async ({ scope, params, services }) => {
        const version: VersionRow | undefined = await scope!.knex('workflow_definition_versions').where({ company_id: scope!.companyId, id: params.id }).first();
        if (!version) throw notFound('definition version');
        if (version.status !== 'published') throw new ProblemError(409, 'conflict', `Only a published version can be archived; this one is ${version.status}`);
        const row = await definitionById(scope!, version.definition_id);
        const store = storeFor(scope!);
        await store.archive(row.key, version.version);
        const temporal = services.temporal;
        if (temporal) await syncSchedules(scope!, store, temporal.client, temporal.taskQueue, row.key, { searchAttributes: temporal.searchAttributes });
        return { body: { id: version.id, key: row.key, version: version.version, status: 'archived' } };
      },
    },
  ];
}
