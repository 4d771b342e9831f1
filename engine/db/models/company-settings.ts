import type { RelationMappings } from 'objection';
import { currency, integer, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** The one settings row every company has (the database checks it at commit). */
export class CompanySettings extends TenantModel {
  static override tableName = 'company_settings';

  time_zone!: string;
  default_currency!: string;
  locale!: string;
  invoice_prefix!: string;
  next_invoice_number!: number;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['default_currency'],
    properties: {
      time_zone: text(64),
      default_currency: currency,
      locale: text(16),
      invoice_prefix: text(16, 0),
      next_invoice_number: { ...integer, minimum: 1 },
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'company_settings.company_id', to: 'companies.id' } },
  });
}
