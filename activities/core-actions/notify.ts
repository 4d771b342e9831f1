import type { ActionDefinition } from '../action-definition';

interface NotifyInput {
  userId: string;
  title: string;
  body?: string;
  kind?: string;
}

export const notify: ActionDefinition<NotifyInput> = {
  name: 'core.notify',
  description: 'Shows an in-app notification to a user of the tenant.',
  inputSchema: {
    type: 'object',
    required: ['userId', 'title'],
    additionalProperties: false,
    properties: {
      userId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
      title: { type: 'string', minLength: 1, maxLength: 300 },
      body: { type: 'string', maxLength: 10_000 },
      kind: { type: 'string', maxLength: 64 },
    },
  },
  async execute(input, context) {
    await context
      .knex('notifications')
      .insert({ company_id: context.companyId, user_id: input.userId, kind: input.kind ?? 'flow', title: input.title, body: input.body ?? null, source_key: context.idempotencyKey })
      .onConflict(['company_id', 'source_key'])
      .ignore();
    const row = await context.knex('notifications').where({ company_id: context.companyId, source_key: context.idempotencyKey }).first('id');
    return { notificationId: row.id };
  },
};
