import type { Knex } from 'knex';
import { insertReturningId as insert } from './insert-returning-id';
import { DEFAULT_ROLES } from '../../auth/permissions';
import type { DemoTenant } from './demo-tenants';

export interface SeededPeople {
  userIds: string[];
  contactIds: string[];
}

/** Company domains, settings overrides, roles, users and the CRM records: contacts, deals and their timeline. */
export async function seedIdentityAndCrm(trx: Knex.Transaction, companyId: string, tenant: DemoTenant, passwordHash: string): Promise<SeededPeople> {
  const row = (extra: Record<string, unknown>) => ({ company_id: companyId, ...extra });
  for (const [index, domain] of tenant.domains.entries()) {
    await trx('company_domains').insert(row({ domain_name: domain, is_primary: index === 0, verified_at: '2026-01-02T09:00:00Z' }));
  }
  await trx('tenant_settings').insert([
    row({ key: 'dunning.grace_days', value: JSON.stringify(3) }),
    row({ key: 'reminders.days_before_due', value: JSON.stringify([7, 1]) }),
  ]);

  const roleIds: Record<string, string> = {};
  // The same roles and permissions a tenant gets at sign-up.
  for (const role of DEFAULT_ROLES) {
    roleIds[role.key] = await insert(trx, 'user_roles', row({ key: role.key, name: role.name, permissions: JSON.stringify(role.permissions) }));
  }
  const userIds: string[] = [];
  for (const user of tenant.users) {
    const userId = await insert(trx, 'users', row({ email: user.email, name: user.name, password_hash: passwordHash, email_verified_at: '2026-01-02T09:00:00Z' }));
    await trx('user_permissions').insert(row({ user_id: userId, role_id: roleIds[user.role] }));
    userIds.push(userId);
  }

  const contactIds: string[] = [];
  for (const contact of tenant.contacts) contactIds.push(await insert(trx, 'contacts', row({ ...contact, status: 'active' })));

  const stages = ['proposal', 'negotiation', 'won'] as const;
  for (const [index, stage] of stages.entries()) {
    const dealId = await insert(trx, 'deals', row({
      contact_id: contactIds[index],
      owner_user_id: userIds[index % userIds.length],
      title: `${tenant.contacts[index].name}: ${stage === 'won' ? 'renewal' : 'expansion'}`,
      stage,
      amount_minor: 250_000 * (index + 1),
      currency: tenant.currency,
      expected_close_date: `2026-12-${String(10 + index * 5).padStart(2, '0')}`,
    }));
    await trx('activities').insert(row({ entity_type: 'deal', entity_id: dealId, deal_id: dealId, contact_id: contactIds[index], actor_user_id: userIds[0], kind: 'call', subject: 'Discovery call', occurred_at: '2026-10-05T14:00:00Z' }));
    await trx('tasks').insert(row({ entity_type: 'deal', entity_id: dealId, title: 'Send proposal', assigned_to: userIds[index % userIds.length], due_date: '2026-12-01' }));
    await trx('calendar_events').insert(row({ entity_type: 'deal', entity_id: dealId, title: 'Proposal review', starts_at: '2026-12-02T10:00:00Z', ends_at: '2026-12-02T11:00:00Z', created_by: userIds[0] }));
  }
  await trx('documents').insert(row({ entity_type: 'contact', entity_id: contactIds[0], file_name: 'kyc-certificate.pdf', content_type: 'application/pdf', size_bytes: 48_213, storage_key: `${tenant.slug}/kyc/certificate.pdf`, uploaded_by: userIds[0] }));
  await trx('notifications').insert(row({ user_id: userIds[0], kind: 'welcome', title: `Welcome to ${tenant.name}` }));
  return { userIds, contactIds };
}
