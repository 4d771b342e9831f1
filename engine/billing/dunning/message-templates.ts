import type { Knex } from 'knex';
import { DEFAULT_EMAIL_TEMPLATES, type EmailTemplate } from '../../email/default-templates';
import { renderTemplate } from '../../email/render-template';
import { OVERDUE_BALANCE_TEMPLATE, OVERDUE_BALANCE_TEMPLATE_NAME } from './balance-reminder-template';
import { DataError } from '../../db/errors/tenant-errors';

/** A ladder step names a template that neither the tenant nor the defaults define; retrying cannot help. */
export class UnknownMessageTemplateError extends DataError {
  constructor(name: string) {
    super(`There is no message template named "${name}"`, 422, 'unknown_message_template', { name });
  }
}

const DUNNING_DEFAULTS: Record<string, EmailTemplate> = { ...DEFAULT_EMAIL_TEMPLATES, [OVERDUE_BALANCE_TEMPLATE_NAME]: OVERDUE_BALANCE_TEMPLATE };

/**
 * Renders a named message for any channel (an email's subject and text, a notification's title and body, a task's title
 * and description): the tenant's override (tenant_settings `email.template.<name>`) first, then the default.
 */
export async function renderDunningMessage(knex: Knex, companyId: string, name: string, data: Record<string, unknown>): Promise<EmailTemplate> {
  const override = await knex('tenant_settings').where({ company_id: companyId, key: `email.template.${name}` }).first('value');
  const template = (override?.value as EmailTemplate | undefined) ?? DUNNING_DEFAULTS[name];
  if (!template?.subject || !template?.text) throw new UnknownMessageTemplateError(name);
  return renderTemplate(template, data);
}

/** The active users holding a role: who an in-app dunning notification goes to. */
export async function activeUsersWithRole(knex: Knex, companyId: string, roleKey: string): Promise<string[]> {
  return knex('user_permissions as up')
    .join('user_roles as r', function joinRole() {
      this.on('r.company_id', 'up.company_id').andOn('r.id', 'up.role_id');
    })
    .join('users as u', function joinUser() {
      this.on('u.company_id', 'up.company_id').andOn('u.id', 'up.user_id');
    })
    .where({ 'up.company_id': companyId, 'r.key': roleKey, 'u.status': 'active' })
    .orderBy('u.id')
    .pluck('u.id');
}
