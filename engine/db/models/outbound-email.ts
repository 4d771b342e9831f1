import { instant, integer, nullable, oneOf, text } from './schema-fields';
import { TenantModel } from './tenant-model';

/** An email a flow sent (or is sending), keyed by its dedupe key so it is never sent twice. */
export class OutboundEmail extends TenantModel {
  static override tableName = 'outbound_emails';

  dedupe_key!: string;
  workflow_id!: string | null;
  template!: string | null;
  recipient!: string;
  subject!: string;
  message_id!: string;
  status!: 'sending' | 'sent';
  attempts!: number;
  sent_at!: string | null;

  static override jsonSchema = {
    type: 'object',
    required: ['dedupe_key', 'recipient', 'subject', 'message_id'],
    properties: {
      dedupe_key: text(300),
      workflow_id: nullable(text(255)),
      template: nullable(text(64)),
      recipient: text(254),
      subject: text(300),
      message_id: text(300),
      status: oneOf('sending', 'sent'),
      attempts: { ...integer, minimum: 0 },
      sent_at: nullable(instant),
    },
  };
}
