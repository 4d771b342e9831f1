import type { EmailTemplate } from '../../email/default-templates';

/**
 * The balance campaign's email, a sensible default a tenant overrides like any other template
 * (tenant_settings `email.template.overdue-balance`). {{balances}} is one line per currency at or above its threshold.
 */
export const OVERDUE_BALANCE_TEMPLATE_NAME = 'overdue-balance';

export const OVERDUE_BALANCE_TEMPLATE: EmailTemplate = {
  subject: 'Your account has an overdue balance',
  text: 'Hello {{customerName}},\n\nThe following amounts on your account are past due:\n\n{{balances}}\n\nPlease pay them at your earliest convenience.',
};
