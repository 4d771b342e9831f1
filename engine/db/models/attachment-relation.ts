import type { RelationMapping } from 'objection';
import { ATTACHMENT_HOSTS, type AttachmentHostType } from '../schema-helpers/attachment-hosts';
import { TenantModel } from './tenant-model';

/** A host's polymorphic attachments (documents, activities, calendar events, tasks), filtered by entity_type. */
export function attachmentsOf(hostType: AttachmentHostType, table: string, modelClass: string): RelationMapping<TenantModel> {
  const hostTable = ATTACHMENT_HOSTS[hostType];
  return {
    relation: TenantModel.HasManyRelation,
    modelClass,
    filter: (query) => query.where(`${table}.entity_type`, hostType),
    beforeInsert: (model) => {
      (model as TenantModel & { entity_type: string }).entity_type = hostType;
    },
    join: { from: [`${hostTable}.company_id`, `${hostTable}.id`], to: [`${table}.company_id`, `${table}.entity_id`] },
  };
}
