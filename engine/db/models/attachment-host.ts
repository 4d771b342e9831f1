import { ATTACHMENT_HOSTS, type AttachmentHostType } from '../schema-helpers/attachment-hosts';
import type { TenantScope } from '../tenant-scope';
import * as models from './index';
import type { TenantModel } from './tenant-model';

const modelsByTable = new Map(Object.values(models).map((model) => [model.tableName, model as unknown as typeof TenantModel]));

/** The model behind each entity_type, found through its table, so a host added to ATTACHMENT_HOSTS needs no edit here. */
export const ATTACHMENT_HOST_MODELS = Object.fromEntries(
  Object.entries(ATTACHMENT_HOSTS).map(([type, table]) => [type, modelsByTable.get(table)]),
) as Record<AttachmentHostType, typeof TenantModel>;

export interface Attachment {
  entity_type: string;
  entity_id: string;
}

/**
 * The host row an attachment (document, activity, calendar event, task) belongs to, read in the scope's tenant.
 * Polymorphic rows have no single BelongsTo relation, so this is the inverse of each host's attachment relations.
 */
export async function fetchAttachmentHost(scope: TenantScope, attachment: Attachment): Promise<TenantModel | undefined> {
  const model = ATTACHMENT_HOST_MODELS[attachment.entity_type as AttachmentHostType];
  if (!model) throw new TypeError(`${attachment.entity_type} is not an attachment host type`);
  return scope.query(model).findById(attachment.entity_id);
}
