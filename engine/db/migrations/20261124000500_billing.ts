import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn, moneyColumn, touchUpdatedAt } from '../schema-helpers/tenant-table';

// Bank accounts, plans and subscriptions, invoices, contracts with installments, and payments.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'bank_accounts', (t) => {
    t.string('name', 120).notNullable();
    t.string('bank_name', 120);
    t.string('account_number_last4', 4);
    t.text('iban_encrypted');
    currencyColumn(t);
    moneyColumn(t, 'opening_balance_minor', { nonNegative: false });
    t.boolean('active').notNullable().defaultTo(true);
  });

  // Plans are the platform's global catalogue: the one table besides job_queue without company_id.
  await knex.schema.createTable('plans', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('code', 64).notNullable().unique();
    t.string('name', 120).notNullable();
    currencyColumn(t);
    moneyColumn(t, 'amount_minor');
    t.string('interval_unit', 8).notNullable();
    t.check(`interval_unit IN ('month', 'year')`, [], 'plans_interval_unit_known');
    t.integer('interval_count').notNullable().defaultTo(1);
    t.check('interval_count >= 1', [], 'plans_interval_count_positive');
    t.integer('trial_days').notNullable().defaultTo(0);
    t.check('trial_days >= 0', [], 'plans_trial_days_not_negative');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await touchUpdatedAt(knex, 'plans');

  await createTenantTable(knex, 'subscriptions', (t) => {
    t.uuid('plan_id').notNullable().references('id').inTable('plans').onDelete('RESTRICT');
    t.uuid('contact_id');
    t.string('status', 16).notNullable();
    t.check(`status IN ('trialing', 'active', 'past_due', 'paused', 'canceled', 'unpaid')`, [], 'subscriptions_status_known');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('trial_ends_at', { useTz: true });
    t.date('current_period_start');
    t.date('current_period_end');
    t.boolean('cancel_at_period_end').notNullable().defaultTo(false);
    t.timestamp('canceled_at', { useTz: true });
    t.timestamp('ended_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX subscriptions_company_id_plan_id_idx ON subscriptions (company_id, plan_id)');
  await addTenantReference(knex, 'subscriptions', 'contact_id', 'contacts', 'RESTRICT');
  // Every subscription that has not ended counts as the company's current one; ended ones are history.
  await knex.raw(`CREATE UNIQUE INDEX subscriptions_one_current_per_company ON subscriptions (company_id) WHERE status <> 'canceled'`);

  await createTenantTable(knex, 'invoices', (t) => {
    t.uuid('contact_id').notNullable();
    t.uuid('subscription_id');
    t.string('invoice_number', 64).notNullable();
    t.string('status', 16).notNullable().defaultTo('draft');
    t.check(`status IN ('draft', 'open', 'paid', 'void', 'uncollectible')`, [], 'invoices_status_known');
    currencyColumn(t);
    moneyColumn(t, 'subtotal_minor');
    moneyColumn(t, 'tax_minor');
    moneyColumn(t, 'total_minor');
    t.check('total_minor = subtotal_minor + tax_minor', [], 'invoices_total_is_subtotal_plus_tax');
    moneyColumn(t, 'amount_paid_minor');
    t.date('issue_date').notNullable();
    t.date('due_date').notNullable();
    t.check('due_date >= issue_date', [], 'invoices_due_after_issue');
    t.timestamp('paid_at', { useTz: true });
  });
  await knex.raw('CREATE UNIQUE INDEX invoices_invoice_number_per_company ON invoices (company_id, invoice_number)');
  await addTenantReference(knex, 'invoices', 'contact_id', 'contacts', 'RESTRICT');
  await addTenantReference(knex, 'invoices', 'subscription_id', 'subscriptions', 'SET NULL');

  await createTenantTable(knex, 'contracts', (t) => {
    t.uuid('contact_id').notNullable();
    t.string('contract_number', 64).notNullable();
    t.unique(['company_id', 'contract_number']);
    t.string('title', 200).notNullable();
    t.string('status', 16).notNullable().defaultTo('draft');
    t.check(`status IN ('draft', 'active', 'completed', 'canceled')`, [], 'contracts_status_known');
    currencyColumn(t);
    moneyColumn(t, 'total_minor');
    t.integer('installment_count').notNullable();
    t.check('installment_count >= 1', [], 'contracts_installment_count_positive');
    t.date('first_due_date').notNullable();
    t.string('interval_unit', 8).notNullable().defaultTo('month');
    t.check(`interval_unit IN ('day', 'week', 'month')`, [], 'contracts_interval_unit_known');
    t.integer('interval_count').notNullable().defaultTo(1);
    t.check('interval_count >= 1', [], 'contracts_interval_count_positive');
    t.timestamp('signed_at', { useTz: true });
    t.timestamp('canceled_at', { useTz: true });
  });
  await addTenantReference(knex, 'contracts', 'contact_id', 'contacts', 'RESTRICT');

  await createTenantTable(knex, 'contract_installments', (t) => {
    t.uuid('contract_id').notNullable();
    t.integer('sequence').notNullable();
    t.check('sequence >= 1', [], 'contract_installments_sequence_positive');
    t.unique(['company_id', 'contract_id', 'sequence']);
    t.date('due_date').notNullable();
    currencyColumn(t);
    moneyColumn(t, 'principal_minor');
    moneyColumn(t, 'fee_minor');
    moneyColumn(t, 'interest_minor');
    // Derived from payments by trigger (migration 600): never written by the application.
    moneyColumn(t, 'paid_minor', { nonNegative: false });
    t.string('status', 16).notNullable().defaultTo('open');
    t.check(`status IN ('open', 'partially_paid', 'overdue', 'paid', 'canceled')`, [], 'contract_installments_status_known');
    t.date('overdue_since');
    t.timestamp('settled_at', { useTz: true });
  });
  await addTenantReference(knex, 'contract_installments', 'contract_id', 'contracts', 'RESTRICT');

  await createTenantTable(knex, 'payments', (t) => {
    t.uuid('installment_id');
    t.uuid('invoice_id');
    t.uuid('contact_id');
    t.uuid('bank_account_id');
    t.string('kind', 16).notNullable().defaultTo('payment');
    t.check(`kind IN ('payment', 'reversal')`, [], 'payments_kind_known');
    t.uuid('reverses_payment_id');
    t.check(`(kind = 'reversal') = (reverses_payment_id IS NOT NULL)`, [], 'payments_reversal_names_its_payment');
    t.string('status', 16).notNullable().defaultTo('succeeded');
    t.check(`status IN ('pending', 'succeeded', 'failed')`, [], 'payments_status_known');
    t.bigInteger('amount_minor').notNullable();
    t.check('amount_minor > 0', [], 'payments_amount_positive');
    currencyColumn(t);
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('method', 32);
    t.string('external_reference', 128);
    t.string('idempotency_key', 128);
    t.unique(['company_id', 'idempotency_key']);
  });
  await addTenantReference(knex, 'payments', 'installment_id', 'contract_installments', 'RESTRICT');
  await addTenantReference(knex, 'payments', 'invoice_id', 'invoices', 'RESTRICT');
  await addTenantReference(knex, 'payments', 'contact_id', 'contacts', 'RESTRICT');
  await addTenantReference(knex, 'payments', 'bank_account_id', 'bank_accounts', 'RESTRICT');
  await addTenantReference(knex, 'payments', 'reverses_payment_id', 'payments', 'RESTRICT');
}

export async function down(knex: Knex): Promise<void> {
  const tables = ['payments', 'contract_installments', 'contracts', 'invoices', 'subscriptions', 'plans', 'bank_accounts'];
  for (const table of tables) await knex.schema.dropTable(table);
}
