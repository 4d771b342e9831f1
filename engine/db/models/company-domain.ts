import type { RelationMappings } from 'objection';
import { boolean, instant, nullable, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** A domain a tenant answers on; a company with domains has exactly one primary (checked at commit). */
export class CompanyDomain extends TenantModel {
  static override tableName = 'company_domains';

  domain_name!: string;
  is_primary!: boolean;
  verified_at!: string | null;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['domain_name'],
    properties: {
      domain_name: text(253),
      is_primary: boolean,
      verified_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'company_domains.company_id', to: 'companies.id' } },
  });
}
