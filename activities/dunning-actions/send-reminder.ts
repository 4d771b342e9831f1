import type { ActionContext, ActionDefinition } from '../action-definition';
import { createTask } from '../core-actions/create-task';
import { notify } from '../core-actions/notify';
import { sendEmail } from '../core-actions/send-email';
import { activeUsersWithRole, dunningKeys, loadInvoiceDunningFacts, recordDunningAttempt, renderDunningMessage, type InvoiceDunningFacts } from '../../engine/billing/dunning';
import { InvoiceNotFoundError } from '../../engine/billing/invoice-payments';
import { daysBetween, dateAddDays } from '../../engine/dsl/logic/date-operations';
import { emitDomainEvent } from '../../engine/events';
import { calendarDateField, indexField, roleKeyField, templateNameField, uuidField } from './input-fields';

type ReminderChannel = 'email' | 'notification' | 'webhook' | 'task';

interface SendReminderInput {
  invoiceId: string;
  stepIndex: number;
  channel: ReminderChannel;
  template: string;
  /** Today in the tenant's calendar, by the run's clock. */
  on: string;
  notifyRole?: string;
  collectionsRole?: string;
  taskDueInDays?: number;
}

interface ChannelResult {
  outcome: 'sent' | 'failed';
  detail?: string;
}

interface ReminderContext {
  input: SendReminderInput;
  facts: InvoiceDunningFacts;
  dedupeKey: string;
  context: ActionContext;
  data: Record<string, unknown>;
}

export const WEBHOOK_EVENT = 'invoice.dunning_reminder';

// Each channel reuses the core action, with the business key as its idempotency key: one send per invoice and step.
const CHANNELS: Record<ReminderChannel, (reminder: ReminderContext, email: string | null) => Promise<ChannelResult>> = {
  async email({ input, dedupeKey, context, data }, email) {
    if (!email) return { outcome: 'failed', detail: 'the contact has no email address' };
    await sendEmail.execute({ to: email, template: input.template, data, dedupeKey }, context);
    return { outcome: 'sent' };
  },
  async notification({ input, dedupeKey, context, data }) {
    const role = input.notifyRole ?? 'finance';
    const users = await activeUsersWithRole(context.knex, context.companyId, role);
    if (users.length === 0) return { outcome: 'failed', detail: `no active user holds the role ${role}` };
    const message = await renderDunningMessage(context.knex, context.companyId, input.template, data);
    for (const userId of users) {
      await notify.execute({ userId, title: message.subject, body: message.text, kind: 'dunning' }, { ...context, idempotencyKey: `${dedupeKey}:user:${userId}` });
    }
    return { outcome: 'sent', detail: `${users.length} user(s) with role ${role}` };
  },
  // The outbox, not a direct HTTP call: the event commits durably and once (its id is the dedupe key), other flows can
  // trigger on it, and the tenant's webhook endpoints subscribe to it by name, signed with their own secrets.
  async webhook({ input, facts, dedupeKey, context, data }) {
    await emitDomainEvent(context.knex, context.companyId, {
      name: WEBHOOK_EVENT, entity: { type: 'invoice', id: facts.invoiceId }, eventId: dedupeKey,
      payload: { invoiceId: facts.invoiceId, stepIndex: input.stepIndex, template: input.template, daysOverdue: data.daysOverdue as number, amountDueMinor: facts.amountDueMinor, currency: facts.currency, dueDate: facts.dueDate },
    });
    return { outcome: 'sent', detail: WEBHOOK_EVENT };
  },
  async task({ input, facts, dedupeKey, context, data }) {
    const message = await renderDunningMessage(context.knex, context.companyId, input.template, data);
    const role = input.collectionsRole ?? 'collections';
    await createTask.execute(
      { title: message.subject, description: message.text, entityType: 'invoice', entityId: facts.invoiceId, kind: 'collection', assignedRole: role, dueDate: dateAddDays(input.on, input.taskDueInDays ?? 3) },
      { ...context, idempotencyKey: dedupeKey },
    );
    return { outcome: 'sent', detail: `collection task for ${role}` };
  },
};

/**
 * One rung of the ladder: reaches the customer (email) or the team (notification, task, webhook) about the invoice, once
 * per invoice and step, and records the attempt. An invoice that is no longer open is skipped and nothing is sent.
 * Addresses and names are read here, so they never enter the run's history.
 */
export const sendReminder: ActionDefinition<SendReminderInput> = {
  name: 'core.sendDunningReminder',
  description: 'Sends one dunning step (email, in-app notification, webhook event or collector task) for an open invoice, never twice per invoice and step.',
  inputSchema: {
    type: 'object',
    required: ['invoiceId', 'stepIndex', 'channel', 'template', 'on'],
    additionalProperties: false,
    properties: {
      invoiceId: uuidField, stepIndex: indexField, channel: { enum: Object.keys(CHANNELS) }, template: templateNameField, on: calendarDateField,
      notifyRole: roleKeyField, collectionsRole: roleKeyField, taskDueInDays: { type: 'integer', minimum: 0, maximum: 365 },
    },
  },
  async execute(input, context) {
    const facts = await loadInvoiceDunningFacts(context.knex, context.companyId, input.invoiceId);
    if (!facts) throw new InvoiceNotFoundError('invoice', input.invoiceId);
    if (facts.status !== 'open') return { outcome: 'skipped', invoiceStatus: facts.status };
    const contact = await context.knex('contacts').where({ company_id: context.companyId, id: facts.contactId }).first('name', 'email');
    const dedupeKey = dunningKeys.reminder(facts.invoiceId, input.stepIndex);
    const data = {
      invoiceNumber: facts.invoiceNumber, amountDue: facts.amountDueMinor, currency: facts.currency, dueDate: facts.dueDate,
      customerName: contact?.name ?? '', daysOverdue: daysBetween(facts.dueDate, input.on),
    };
    const result = await CHANNELS[input.channel]({ input, facts, dedupeKey, context, data }, contact?.email ?? null);
    await recordDunningAttempt(context.knex, context.companyId, {
      invoiceId: facts.invoiceId, contactId: facts.contactId, kind: 'reminder', sequence: input.stepIndex, channel: input.channel, outcome: result.outcome,
      attemptedOn: input.on, amountDueMinor: facts.amountDueMinor, currency: facts.currency, workflowId: context.workflowId, dedupeKey,
      ...(result.detail ? { detail: result.detail } : {}),
    });
    return { outcome: result.outcome, channel: input.channel, amountDueMinor: facts.amountDueMinor, ...(result.detail ? { detail: result.detail } : {}) };
  },
};
