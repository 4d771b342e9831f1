import { ActionInputError } from '../action-errors';
import type { ActionContext, ActionDefinition } from '../action-definition';
import { DEFAULT_EMAIL_TEMPLATES, type EmailTemplate } from '../../engine/email/default-templates';
import { renderTemplate } from '../../engine/email/render-template';

interface SendEmailInput {
  to: string;
  subject?: string;
  text?: string;
  template?: string;
  data?: Record<string, unknown>;
  /** Sends with the same key happen once, e.g. `invoice:<id>:reminder:2`; defaults to the step execution. */
  dedupeKey?: string;
}

async function templateFor(name: string, context: ActionContext): Promise<EmailTemplate> {
  const override = await context.knex('tenant_settings').where({ company_id: context.companyId, key: `email.template.${name}` }).first('value');
  const template = (override?.value as EmailTemplate | undefined) ?? DEFAULT_EMAIL_TEMPLATES[name];
  if (!template?.subject || !template?.text) throw new ActionInputError('core.sendEmail', [`/template there is no email template named "${name}"`]);
  return template;
}

export const sendEmail: ActionDefinition<SendEmailInput> = {
  name: 'core.sendEmail',
  description: 'Sends an email through the configured SMTP server, from a subject and text or from a named template. Never sends the same dedupeKey twice.',
  inputSchema: {
    type: 'object',
    required: ['to'],
    additionalProperties: false,
    oneOf: [{ required: ['subject', 'text'] }, { required: ['template'] }],
    properties: {
      to: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 },
      subject: { type: 'string', minLength: 1, maxLength: 300 },
      text: { type: 'string', minLength: 1, maxLength: 100_000 },
      template: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
      data: { type: 'object' },
      dedupeKey: { type: 'string', minLength: 1, maxLength: 300 },
    },
  },
  async execute(input, context) {
    const content = input.template ? renderTemplate(await templateFor(input.template, context), input.data ?? {}) : { subject: input.subject as string, text: input.text as string };
    const dedupeKey = input.dedupeKey ?? context.idempotencyKey;
    // The Message-ID follows the dedupe key, so even a resend after a crash mid-send carries the same identity.
    const messageId = `<${dedupeKey.replace(/[^A-Za-z0-9.-]/g, '.')}.${context.companyId.slice(0, 8)}@ledgerflow>`;
    const emails = () => context.knex('outbound_emails').where({ company_id: context.companyId, dedupe_key: dedupeKey });
    await context
      .knex('outbound_emails')
      .insert({ company_id: context.companyId, dedupe_key: dedupeKey, workflow_id: context.workflowId, template: input.template ?? null, recipient: input.to, subject: content.subject, message_id: messageId })
      .onConflict(['company_id', 'dedupe_key'])
      .ignore();
    const record = await emails().first('status', 'message_id');
    if (record.status === 'sent') return { messageId: record.message_id, deduplicated: true };
    await emails().increment('attempts', 1);
    await context.mailer.send({ to: input.to, subject: content.subject, text: content.text, messageId: record.message_id });
    await emails().update({ status: 'sent', sent_at: context.knex.fn.now() });
    return { messageId: record.message_id, deduplicated: false };
  },
};
