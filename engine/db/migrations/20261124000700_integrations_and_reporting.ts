import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, touchUpdatedAt } from '../schema-helpers/tenant-table';

export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'integrations', (t) => {
    t.string('connector', 64).notNullable();
    t.string('name', 120).notNullable();
    t.string('status', 16).notNullable().defaultTo('active');
    t.check(`status IN ('active', 'disabled', 'error')`, [], 'integrations_status_known');
    t.jsonb('config').notNullable().defaultTo('{}');
    t.text('credentials_encrypted');
    t.unique(['company_id', 'name']);
  });

  await createTenantTable(knex, 'webhook_endpoints', (t) => {
    t.string('url', 2048).notNullable();
    t.check(`url ~ '^(http|https)://'`, [], 'webhook_endpoints_url_is_http');
    t.string('description', 300);
    t.jsonb('event_types').notNullable().defaultTo('[]');
    t.check(`jsonb_typeof(event_types) = 'array'`, [], 'webhook_endpoints_event_types_is_list');
    t.text('secret_encrypted').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
  });

  await createTenantTable(knex, 'webhook_deliveries', (t) => {
    t.uuid('webhook_endpoint_id').notNullable();
    t.string('event_type', 120).notNullable();
    t.string('event_id', 128).notNullable();
    t.unique(['company_id', 'webhook_endpoint_id', 'event_id']);
    t.jsonb('payload').notNullable();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.check(`status IN ('pending', 'succeeded', 'failed')`, [], 'webhook_deliveries_status_known');
    t.integer('attempt_count').notNullable().defaultTo(0);
    t.integer('response_status');
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
  });
  await addTenantReference(knex, 'webhook_deliveries', 'webhook_endpoint_id', 'webhook_endpoints', 'CASCADE');

  // Jobs may be system-wide, so company_id is nullable here and the key is a plain one.
  await knex.schema.createTable('job_queue', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('company_id').references('id').inTable('companies').onDelete('RESTRICT');
    t.string('kind', 120).notNullable();
    t.jsonb('payload').notNullable().defaultTo('{}');
    t.string('status', 16).notNullable().defaultTo('queued');
    t.check(`status IN ('queued', 'running', 'succeeded', 'failed')`, [], 'job_queue_status_known');
    t.timestamp('run_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['company_id', 'status', 'run_at']);
  });
  await touchUpdatedAt(knex, 'job_queue');

  await createTenantTable(knex, 'notifications', (t) => {
    t.uuid('user_id').notNullable();
    t.string('kind', 64).notNullable();
    t.string('title', 300).notNullable();
    t.text('body');
    t.timestamp('read_at', { useTz: true });
  });
  await addTenantReference(knex, 'notifications', 'user_id', 'users', 'CASCADE');

  await createTenantTable(knex, 'report_schedules', (t) => {
    t.string('name', 120).notNullable();
    t.string('report_kind', 64).notNullable();
    t.string('cron', 120).notNullable();
    t.string('time_zone', 64).notNullable().defaultTo('UTC');
    t.jsonb('recipients').notNullable().defaultTo('[]');
    t.check(`jsonb_typeof(recipients) = 'array'`, [], 'report_schedules_recipients_is_list');
    t.string('format', 8).notNullable().defaultTo('csv');
    t.check(`format IN ('csv', 'pdf', 'json')`, [], 'report_schedules_format_known');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('last_run_at', { useTz: true });
  });

  await createTenantTable(knex, 'kpis', (t) => {
    t.string('key', 64).notNullable();
    t.string('name', 120).notNullable();
    t.string('unit', 16).notNullable();
    t.check(`unit IN ('money', 'count', 'percent', 'days')`, [], 'kpis_unit_known');
    t.string('currency', 3);
    t.check(`(unit = 'money') = (currency IS NOT NULL) AND (currency IS NULL OR currency ~ '^[A-Z]{3}$')`, [], 'kpis_money_has_currency');
    // Exact decimals: money KPIs in minor units, percentages to four places.
    t.decimal('target_value', 20, 4);
    t.decimal('current_value', 20, 4);
    t.string('period', 16).notNullable().defaultTo('month');
    t.check(`period IN ('day', 'week', 'month', 'quarter', 'year')`, [], 'kpis_period_known');
    t.unique(['company_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  const tables = ['kpis', 'report_schedules', 'notifications', 'job_queue', 'webhook_deliveries', 'webhook_endpoints', 'integrations'];
  for (const table of tables) await knex.schema.dropTable(table);
}
