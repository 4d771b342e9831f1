/** What the definitions API answers (engine/api/routes/engine/definition-routes.ts), as the studio reads it. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';

export type VersionStatus = 'draft' | 'published' | 'archived';

export interface VersionSummary {
  id: string;
  version: number;
  status: VersionStatus;
  published_at: string | null;
  published_by?: string | null;
  published_by_name?: string | null;
  archived_at: string | null;
  created_at: string;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  latest_version: VersionSummary | null;
}

export interface DefinitionDetail extends Omit<DefinitionSummary, 'latest_version'> {
  versions: Array<VersionSummary & { document: WorkflowDefinition }>;
}

export interface SavedDraft extends Omit<DefinitionSummary, 'latest_version'> {
  draft: { id: string; version: number; status: 'draft' };
}

export interface PublishResult {
  id: string;
  key: string;
  version: number;
  version_id: string;
}

export interface DiffChange {
  pointer: string;
  before?: unknown;
  after?: unknown;
}

export interface DiffAnswer {
  from: number | null;
  to: number | null;
  changes: DiffChange[];
}

export interface ServerValidation {
  valid: boolean;
  errors: Array<{ in?: string; pointer: string; message: string }>;
}
