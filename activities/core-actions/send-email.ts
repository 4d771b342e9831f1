import type { ActionDefinition } from '../action-definition';

interface SendEmailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export const sendEmail: ActionDefinition<SendEmailInput> = {
  name: 'core.sendEmail',
  description: 'Sends an email through the configured SMTP server.',
  inputSchema: {
    type: 'object',
    required: ['to', 'subject', 'text'],
    additionalProperties: false,
    properties: {
      to: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254 },
      subject: { type: 'string', minLength: 1, maxLength: 300 },
      text: { type: 'string', minLength: 1, maxLength: 100_000 },
      html: { type: 'string', maxLength: 500_000 },
    },
  },
  async execute(input, context) {
    // The Message-ID is derived from the step execution, so every retry sends the same message identity.
    const messageId = `<${context.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@ledgerflow>`;
    const sent = await context.mailer.send({ ...input, messageId });
    return { messageId: sent.messageId };
  },
};
