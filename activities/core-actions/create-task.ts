import type { ActionDefinition } from '../action-definition';
import { ATTACHMENT_HOSTS } from '../../engine/db/schema-helpers/attachment-hosts';

interface CreateTaskInput {
  title: string;
  description?: string;
  entityType: string;
  entityId: string;
  dueDate?: string;
  assignedTo?: string;
  assignedRole?: string;
  kind?: 'todo' | 'collection';
}

export const createTask: ActionDefinition<CreateTaskInput> = {
  name: 'core.createTask',
  description: 'Creates a task on an entity (a contact, an invoice, …), for a user or a role.',
  inputSchema: {
    type: 'object',
    required: ['title', 'entityType', 'entityId'],
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 300 },
      description: { type: 'string', maxLength: 10_000 },
      entityType: { enum: Object.keys(ATTACHMENT_HOSTS) },
      entityId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
      dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      assignedTo: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
      assignedRole: { type: 'string', maxLength: 64 },
      kind: { enum: ['todo', 'collection'] },
    },
  },
  async execute(input, context) {
    // One task per step execution: a retried activity finds the task it already created.
    const existing = await context.knex('tasks').where({ company_id: context.companyId, source_key: context.idempotencyKey }).first('id');
    if (existing) return { taskId: existing.id };
    const [task] = await context
      .knex('tasks')
      .insert({
        company_id: context.companyId, entity_type: input.entityType, entity_id: input.entityId, title: input.title,
        description: input.description ?? null, due_date: input.dueDate ?? null, assigned_to: input.assignedTo ?? null,
        assigned_role_key: input.assignedRole ?? null, kind: input.kind ?? 'todo', source_key: context.idempotencyKey,
      })
      .onConflict(['company_id', 'source_key'])
      .ignore()
      .returning('id');
    if (task) return { taskId: task.id };
    const raced = await context.knex('tasks').where({ company_id: context.companyId, source_key: context.idempotencyKey }).first('id');
    return { taskId: raced.id };
  },
};
