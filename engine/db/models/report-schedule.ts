import type { RelationMappings } from 'objection';
import { boolean, instant, jsonArray, nullable, oneOf, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** A report run on a cron schedule in a time zone and sent to its recipients. */
export class ReportSchedule extends TenantModel {
  static override tableName = 'report_schedules';

  name!: string;
  report_kind!: string;
  cron!: string;
  time_zone!: string;
  recipients!: string[];
  format!: 'csv' | 'pdf' | 'json';
  active!: boolean;
  last_run_at!: string | null;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'report_kind', 'cron'],
    properties: {
      name: text(120),
      report_kind: text(64),
      cron: text(120),
      time_zone: text(64),
      recipients: { ...jsonArray, items: { type: 'string' } },
      format: oneOf('csv', 'pdf', 'json'),
      active: boolean,
      last_run_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'report_schedules.company_id', to: 'companies.id' } },
  });
}
