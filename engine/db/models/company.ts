import type { RelationMappings } from 'objection';
import { BaseModel } from './tenant-model';
import type { BankAccount } from './bank-account';
import type { CompanyDomain } from './company-domain';
import type { CompanySettings } from './company-settings';
import type { Contact } from './contact';
import type { Integration } from './integration';
import type { JobQueue } from './job-queue';
import type { Kpi } from './kpi';
import type { Notification } from './notification';
import type { Product } from './product';
import type { ReportSchedule } from './report-schedule';
import type { Service } from './service';
import type { Subscription } from './subscription';
import type { TenantSetting } from './tenant-setting';
import type { User } from './user';
import type { WebhookEndpoint } from './webhook-endpoint';

/**
 * A tenant. Not tenant-scoped itself (it is the scope): only sign-up, administration and purge query it directly,
 * and tenant-facing code reads its own company by id. Soft-deleted through deleted_at.
 */
export class Company extends BaseModel {
  static override tableName = 'companies';

  name!: string;
  slug!: string;
  deleted_at!: string | null;

  settings?: CompanySettings | null;
  tenantSettings?: TenantSetting[];
  domains?: CompanyDomain[];
  users?: User[];
  contacts?: Contact[];
  products?: Product[];
  services?: Service[];
  subscriptions?: Subscription[];
  bankAccounts?: BankAccount[];
  integrations?: Integration[];
  webhookEndpoints?: WebhookEndpoint[];
  jobs?: JobQueue[];
  notifications?: Notification[];
  reportSchedules?: ReportSchedule[];
  kpis?: Kpi[];

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'slug'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 63 },
      deleted_at: { type: ['string', 'null'] },
    },
  };

  // Children are tenant rows: eager-load them with the company's own id as the query's tenant, e.g.
  // Company.query(knex).context({ companyId }).findById(companyId).withGraphFetched('users').
  static override relationMappings = (): RelationMappings => ({
    settings: { relation: BaseModel.HasOneRelation, modelClass: 'company-settings', join: { from: 'companies.id', to: 'company_settings.company_id' } },
    tenantSettings: { relation: BaseModel.HasManyRelation, modelClass: 'tenant-setting', join: { from: 'companies.id', to: 'tenant_settings.company_id' } },
    domains: { relation: BaseModel.HasManyRelation, modelClass: 'company-domain', join: { from: 'companies.id', to: 'company_domains.company_id' } },
    users: { relation: BaseModel.HasManyRelation, modelClass: 'user', join: { from: 'companies.id', to: 'users.company_id' } },
    contacts: { relation: BaseModel.HasManyRelation, modelClass: 'contact', join: { from: 'companies.id', to: 'contacts.company_id' } },
    products: { relation: BaseModel.HasManyRelation, modelClass: 'product', join: { from: 'companies.id', to: 'products.company_id' } },
    services: { relation: BaseModel.HasManyRelation, modelClass: 'service', join: { from: 'companies.id', to: 'services.company_id' } },
    subscriptions: { relation: BaseModel.HasManyRelation, modelClass: 'subscription', join: { from: 'companies.id', to: 'subscriptions.company_id' } },
    bankAccounts: { relation: BaseModel.HasManyRelation, modelClass: 'bank-account', join: { from: 'companies.id', to: 'bank_accounts.company_id' } },
    integrations: { relation: BaseModel.HasManyRelation, modelClass: 'integration', join: { from: 'companies.id', to: 'integrations.company_id' } },
    webhookEndpoints: {
      relation: BaseModel.HasManyRelation,
      modelClass: 'webhook-endpoint',
      join: { from: 'companies.id', to: 'webhook_endpoints.company_id' },
    },
    jobs: { relation: BaseModel.HasManyRelation, modelClass: 'job-queue', join: { from: 'companies.id', to: 'job_queue.company_id' } },
    notifications: { relation: BaseModel.HasManyRelation, modelClass: 'notification', join: { from: 'companies.id', to: 'notifications.company_id' } },
    reportSchedules: {
      relation: BaseModel.HasManyRelation,
      modelClass: 'report-schedule',
      join: { from: 'companies.id', to: 'report_schedules.company_id' },
    },
    kpis: { relation: BaseModel.HasManyRelation, modelClass: 'kpi', join: { from: 'companies.id', to: 'kpis.company_id' } },
  });
}
