import type { RelationMappings } from 'objection';
import type { AttachmentHostType } from '../schema-helpers/attachment-hosts';
import { attachmentsOf } from './attachment-relation';

/**
 * The four polymorphic attachment relations every host carries. Activities are `attachedActivities`
 * because contacts and deals also have `activities` through their own contact_id / deal_id columns.
 */
export function hostAttachments(hostType: AttachmentHostType): RelationMappings {
  return {
    documents: attachmentsOf(hostType, 'documents', 'document'),
    calendarEvents: attachmentsOf(hostType, 'calendar_events', 'calendar-event'),
    tasks: attachmentsOf(hostType, 'tasks', 'task'),
    attachedActivities: attachmentsOf(hostType, 'activities', 'activity'),
  };
}
