import type { Knex } from 'knex';
import type { SecretBox } from '../../security/secret-box';
import type { DemoTenant } from './demo-tenants';
import type { SeededPeople } from './seed-identity-crm';

/** Webhook endpoints (signing secrets sealed), an integration, scheduled reports, KPIs and a queued job. */
export async function seedIntegrationsAndReporting(trx: Knex.Transaction, companyId: string, tenant: DemoTenant, people: SeededPeople, secrets: SecretBox): Promise<void> {
  const row = (extra: Record<string, unknown>) => ({ company_id: companyId, ...extra });
  const [endpoint] = await trx('webhook_endpoints').insert(row({
    url: `https://hooks.${tenant.slug}.example/ledgerflow`, description: 'ERP sync', event_types: JSON.stringify(['invoice.paid', 'payment.received']),
    secret_encrypted: secrets.seal(`whsec_demo_${tenant.slug}`),
  })).returning('id');
  await trx('webhook_deliveries').insert(row({
    webhook_endpoint_id: endpoint.id, event_type: 'invoice.paid', event_id: `evt_${tenant.slug}_0001`, payload: JSON.stringify({ invoice_number: `${tenant.slug.toUpperCase()}-INV-0001` }),
    status: 'succeeded', attempt_count: 1, response_status: 200, delivered_at: '2026-10-31T08:00:05Z',
  }));
  await trx('integrations').insert(row({ connector: 'smtp', name: 'Outgoing mail', config: JSON.stringify({ host: 'localhost', port: 2525 }), credentials_encrypted: secrets.seal(JSON.stringify({ username: 'demo', password: 'demo' })) }));
  await trx('report_schedules').insert([
    row({ name: 'Monthly receivables', report_kind: 'receivables_aging', cron: '0 8 1 * *', time_zone: tenant.timeZone, recipients: JSON.stringify([tenant.users[0].email]), format: 'pdf' }),
    row({ name: 'Weekly cash position', report_kind: 'cash_position', cron: '0 7 * * 1', time_zone: tenant.timeZone, recipients: JSON.stringify([tenant.users[0].email]), format: 'csv' }),
  ]);
  await trx('kpis').insert([
    row({ key: 'mrr', name: 'Monthly recurring revenue', unit: 'money', currency: tenant.currency, target_value: '1500000', current_value: '990000', period: 'month' }),
    row({ key: 'dso', name: 'Days sales outstanding', unit: 'days', target_value: '30', current_value: '41.5', period: 'month' }),
    row({ key: 'collection_rate', name: 'Collection rate', unit: 'percent', target_value: '98', current_value: '94.25', period: 'quarter' }),
  ]);
  await trx('job_queue').insert({ company_id: companyId, kind: 'report.render', payload: JSON.stringify({ report: 'receivables_aging' }), run_at: '2026-12-01T08:00:00Z' });
  await trx('notifications').insert(row({ user_id: people.userIds[0], kind: 'report.ready', title: 'Your receivables report is ready' }));
}
