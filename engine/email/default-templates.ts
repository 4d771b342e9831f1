/**
 * The messages Ledgerflow's built-in flows send, with a sensible default for each. A tenant overrides any of them
 * with a tenant_settings row `email.template.<name>` = { "subject": …, "text": … }.
 * Placeholders: {{field}} inserts data.field; {{field|money}} formats minor units in data.currency.
 */
export interface EmailTemplate {
  subject: string;
  text: string;
}

export const DEFAULT_EMAIL_TEMPLATES: Record<string, EmailTemplate> = {
  'installment-reminder': {
    subject: 'Installment {{sequence}} of contract {{contractNumber}} is due on {{dueDate}}',
    text: 'Hello {{customerName}},\n\nInstallment {{sequence}} of contract {{contractNumber}}, {{amountDue|money}}, is due on {{dueDate}}.\n\nThank you.',
  },
  'installment-overdue': {
    subject: 'Installment {{sequence}} of contract {{contractNumber}} is overdue',
    text: 'Hello {{customerName}},\n\nInstallment {{sequence}} of contract {{contractNumber}} was due on {{dueDate}} and {{amountDue|money}} is still open. Late fees and interest may apply.',
  },
  'invoice-reminder': {
    subject: 'Reminder: invoice {{invoiceNumber}} is overdue',
    text: 'Hello {{customerName}},\n\nInvoice {{invoiceNumber}} for {{amountDue|money}} was due on {{dueDate}}. Please pay at your earliest convenience.',
  },
  'invoice-final-notice': {
    subject: 'Final notice: invoice {{invoiceNumber}}',
    text: 'Hello {{customerName}},\n\nInvoice {{invoiceNumber}} for {{amountDue|money}} remains unpaid. Without payment we will take further action.',
  },
  'subscription-invoice': {
    subject: 'Your invoice {{invoiceNumber}} for {{planName}}',
    text: 'Hello {{customerName}},\n\nYour invoice {{invoiceNumber}} for {{planName}} ({{periodStart}} to {{periodEnd}}) is {{amountDue|money}}, due on {{dueDate}}.',
  },
  'subscription-past-due': {
    subject: 'Your subscription to {{planName}} is past due',
    text: 'Hello {{customerName}},\n\nWe could not collect {{amountDue|money}} for invoice {{invoiceNumber}}. Please update your payment details.',
  },
};
