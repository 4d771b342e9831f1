import type { ActionDefinition } from '../action-definition';
import { sendEmail } from '../core-actions/send-email';
import { uuidField } from './input-fields';

interface EmailSubscriptionCustomerInput {
  subscriptionId: string;
  invoiceId: string;
  template: string;
  /** One send per key, e.g. invoice:<id>:issued. */
  dedupeKey: string;
}

/**
 * Emails the subscription's customer about one of its invoices through core.sendEmail (tenant templates, SMTP, one send per
 * dedupe key). The address and name are read here, from the contact, so they never enter the run's history.
 */
export const emailSubscriptionCustomer: ActionDefinition<EmailSubscriptionCustomerInput> = {
  name: 'core.emailSubscriptionCustomer',
  description: "Emails a subscription's customer about an invoice with a template (subscription-invoice, subscription-past-due, …), once per dedupe key.",
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'invoiceId', 'template', 'dedupeKey'],
    additionalProperties: false,
    properties: {
      subscriptionId: uuidField,
      invoiceId: uuidField,
      template: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
      dedupeKey: { type: 'string', minLength: 1, maxLength: 300 },
    },
  },
  async execute(input, context) {
    const tenant = { company_id: context.companyId };
    const invoice = await context.knex('invoices').where({ ...tenant, id: input.invoiceId, subscription_id: input.subscriptionId }).first();
    if (!invoice) throw new Error(`Invoice ${input.invoiceId} of subscription ${input.subscriptionId} is not in this tenant`);
    const contact = await context.knex('contacts').where({ ...tenant, id: invoice.contact_id }).first('name', 'email');
    if (!contact?.email) return { skipped: 'the contact has no email address' };
    const subscription = await context.knex('subscriptions').where({ ...tenant, id: input.subscriptionId }).first('plan_id', 'current_period_start', 'current_period_end');
    const periodLine = await context.knex('invoice_lines').where({ ...tenant, invoice_id: invoice.id, kind: 'subscription' }).first('plan_id', 'period_start', 'period_end');
    const plan = await context.knex('plans').where({ id: periodLine?.plan_id ?? subscription.plan_id }).first('name');
    const data = {
      customerName: contact.name, invoiceNumber: invoice.invoice_number, planName: plan?.name, currency: invoice.currency,
      amountDue: invoice.total_minor - invoice.amount_paid_minor, dueDate: invoice.due_date,
      periodStart: periodLine?.period_start ?? subscription.current_period_start, periodEnd: periodLine?.period_end ?? subscription.current_period_end,
    };
    return sendEmail.execute({ to: contact.email, template: input.template, data, dedupeKey: input.dedupeKey }, context);
  },
};
