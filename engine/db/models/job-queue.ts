import type { RelationMappings } from 'objection';
import { instant, integer, jsonObject, nullable, oneOf, text, uuid } from './schema-fields';
import { BaseModel } from './tenant-model';
import type { Company } from './company';

// Jobs may be system-wide (company_id null), so the queue is read across tenants by workers: BaseModel, not TenantModel.
export class JobQueue extends BaseModel {
  static override tableName = 'job_queue';

  company_id!: string | null;
  kind!: string;
  payload!: Record<string, unknown>;
  status!: 'queued' | 'running' | 'succeeded' | 'failed';
  run_at!: string;
  attempts!: number;
  last_error!: string | null;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['kind'],
    properties: {
      company_id: nullable(uuid),
      kind: text(120),
      payload: jsonObject,
      status: oneOf('queued', 'running', 'succeeded', 'failed'),
      run_at: instant,
      attempts: { ...integer, minimum: 0 },
      last_error: nullable(text(undefined, 0)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: BaseModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'job_queue.company_id', to: 'companies.id' } },
  });
}
