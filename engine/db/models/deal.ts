import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { calendarDate, currency, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Contact } from './contact';
import type { Document } from './document';
import type { Task } from './task';
import type { User } from './user';

/** An opportunity with a contact, owned by a user, moving through the pipeline stages. */
export class Deal extends TenantModel {
  static override tableName = 'deals';

  contact_id!: string;
  owner_user_id!: string | null;
  title!: string;
  stage!: 'qualification' | 'proposal' | 'negotiation' | 'won' | 'lost';
  amount_minor!: number;
  currency!: string;
  expected_close_date!: string | null;

  contact?: Contact | null;
  owner?: User | null;
  activities?: Activity[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['title', 'currency'],
    properties: {
      contact_id: uuid,
      owner_user_id: nullable(uuid),
      title: text(200),
      stage: oneOf('qualification', 'proposal', 'negotiation', 'won', 'lost'),
      amount_minor: money,
      currency,
      expected_close_date: nullable(calendarDate),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('deals', 'contact_id', 'contacts', 'id') },
    owner: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('deals', 'owner_user_id', 'users', 'id') },
    activities: { relation: TenantModel.HasManyRelation, modelClass: 'activity', join: tenantJoin('deals', 'id', 'activities', 'deal_id') },
    ...hostAttachments('deal'),
  });
}
