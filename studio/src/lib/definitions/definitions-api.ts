/** The definitions endpoints, each one call through the shared API client. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { api, queryString } from '../api/api-client';
import type { DefinitionDetail, DefinitionSummary, DiffAnswer, PublishResult, SavedDraft, ServerValidation, VersionSummary } from './definition-types';

const path = (id: string) => `/api/definitions/${encodeURIComponent(id)}`;

export const definitionsApi = {
  list: async () => (await api.get<{ data: DefinitionSummary[] }>('/api/definitions')).data,
  get: (id: string) => api.get<DefinitionDetail>(path(id)),
  /** A new definition: `create_only` makes a taken key a 409 problem on the key instead of a draft of that definition. */
  create: (definition: WorkflowDefinition) => api.post<SavedDraft>('/api/definitions', { definition, create_only: true }),
  saveDraft: (id: string, definition: WorkflowDefinition) => api.patch<SavedDraft>(path(id), { definition }),
  validate: (definition: WorkflowDefinition) => api.post<ServerValidation>('/api/definitions/validate', { definition }),
  publish: (id: string) => api.post<PublishResult>(`${path(id)}/publish`),
  versions: async (id: string) => (await api.get<{ data: VersionSummary[] }>(`${path(id)}/versions`)).data,
  diff: (id: string, from: number, to: number) => api.get<DiffAnswer>(`${path(id)}/diff${queryString({ from, to })}`),
  archive: (versionId: string) => api.post<{ id: string; version: number; status: 'archived' }>(`/api/definition-versions/${encodeURIComponent(versionId)}/archive`),
};
