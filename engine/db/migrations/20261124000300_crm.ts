import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn, moneyColumn } from '../schema-helpers/tenant-table';

// Frozen copy of the host list as of this migration; later migrations extend it, the constant in code moves on.
const ATTACHMENT_HOSTS = {
  contact: 'contacts', deal: 'deals', invoice: 'invoices', contract: 'contracts', contract_installment: 'contract_installments',
  payment: 'payments', sale: 'sales', product: 'products', service: 'services', subscription: 'subscriptions', expense: 'expenses',
  bank_account: 'bank_accounts',
} as const;
const ATTACHMENT_TABLES = ['documents', 'activities', 'calendar_events', 'tasks'] as const;

const hostTypes = Object.keys(ATTACHMENT_HOSTS);
const hostTypeList = hostTypes.map((type) => `'${type}'`).join(', ');

export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'contacts', (t) => {
    t.string('kind', 16).notNullable().defaultTo('person');
    t.check(`kind IN ('person', 'organization')`, [], 'contacts_kind_known');
    t.string('name', 200).notNullable();
    t.string('email', 254);
    t.string('phone', 40);
    t.string('tax_id', 64);
    t.jsonb('address');
    t.string('status', 16).notNullable().defaultTo('active');
    t.check(`status IN ('lead', 'active', 'archived')`, [], 'contacts_status_known');
  });

  await createTenantTable(knex, 'deals', (t) => {
    t.uuid('contact_id').notNullable();
    t.uuid('owner_user_id');
    t.string('title', 200).notNullable();
    t.string('stage', 32).notNullable().defaultTo('qualification');
    t.check(`stage IN ('qualification', 'proposal', 'negotiation', 'won', 'lost')`, [], 'deals_stage_known');
    moneyColumn(t, 'amount_minor');
    currencyColumn(t);
    t.date('expected_close_date');
  });
  await addTenantReference(knex, 'deals', 'contact_id', 'contacts', 'RESTRICT');
  await addTenantReference(knex, 'deals', 'owner_user_id', 'users', 'SET NULL');

  await knex.raw(`
    CREATE FUNCTION ledgerflow_attachment_host_table(entity_type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE entity_type ${hostTypes.map((type) => `WHEN '${type}' THEN '${ATTACHMENT_HOSTS[type as keyof typeof ATTACHMENT_HOSTS]}'`).join(' ')} END
    $$`);
  // Polymorphic rows cannot carry a real foreign key, so a trigger checks that the host exists in the same tenant.
  await knex.raw(`
    CREATE FUNCTION ledgerflow_check_attachment_host() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE host_exists boolean;
    BEGIN
      -- An unknown entity_type is left to the CHECK constraint, which names the rule.
      IF ledgerflow_attachment_host_table(NEW.entity_type) IS NULL THEN RETURN NEW; END IF;
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE company_id = $1 AND id = $2)', ledgerflow_attachment_host_table(NEW.entity_type))
        INTO host_exists USING NEW.company_id, NEW.entity_id;
      IF NOT host_exists THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_TABLE_NAME || '_entity_fkey', TABLE = TG_TABLE_NAME,
          MESSAGE = format('%s %s does not exist in this tenant', NEW.entity_type, NEW.entity_id);
      END IF;
      RETURN NEW;
    END $$`);

  await createTenantTable(knex, 'activities', (t) => {
    attachmentColumns(t);
    t.uuid('contact_id');
    t.uuid('deal_id');
    t.uuid('actor_user_id');
    t.string('kind', 32).notNullable();
    t.check(`kind IN ('note', 'call', 'email', 'meeting', 'status_change', 'system')`, [], 'activities_kind_known');
    t.string('subject', 300).notNullable();
    t.text('body');
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await addTenantReference(knex, 'activities', 'contact_id', 'contacts', 'CASCADE');
  await addTenantReference(knex, 'activities', 'deal_id', 'deals', 'CASCADE');
  await addTenantReference(knex, 'activities', 'actor_user_id', 'users', 'SET NULL');

  await createTenantTable(knex, 'documents', (t) => {
    attachmentColumns(t);
    t.string('file_name', 255).notNullable();
    t.string('content_type', 127).notNullable();
    t.bigInteger('size_bytes').notNullable();
    t.check('size_bytes >= 0', [], 'documents_size_not_negative');
    t.string('storage_key', 512).notNullable();
    t.uuid('uploaded_by');
  });
  await addTenantReference(knex, 'documents', 'uploaded_by', 'users', 'SET NULL');

  await createTenantTable(knex, 'calendar_events', (t) => {
    attachmentColumns(t);
    t.string('title', 300).notNullable();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.check('ends_at >= starts_at', [], 'calendar_events_end_after_start');
    t.uuid('created_by');
  });
  await addTenantReference(knex, 'calendar_events', 'created_by', 'users', 'SET NULL');

  await createTenantTable(knex, 'tasks', (t) => {
    attachmentColumns(t);
    t.string('kind', 16).notNullable().defaultTo('todo');
    t.check(`kind IN ('todo', 'approval', 'collection')`, [], 'tasks_kind_known');
    t.string('title', 300).notNullable();
    t.text('description');
    t.string('status', 16).notNullable().defaultTo('open');
    t.check(`status IN ('open', 'done', 'canceled')`, [], 'tasks_status_known');
    t.date('due_date');
    t.uuid('assigned_to');
    t.string('assigned_role_key', 64);
    t.string('decision', 16);
    t.check(`decision IS NULL OR decision IN ('approved', 'rejected')`, [], 'tasks_decision_known');
    t.timestamp('decided_at', { useTz: true });
  });
  await addTenantReference(knex, 'tasks', 'assigned_to', 'users', 'SET NULL');

  for (const table of ATTACHMENT_TABLES) {
    await knex.raw('CREATE INDEX ?? ON ?? (company_id, entity_type, entity_id)', [`${table}_host_idx`, table]);
    await knex.raw(
      `CREATE TRIGGER ?? BEFORE INSERT OR UPDATE OF company_id, entity_type, entity_id ON ?? FOR EACH ROW EXECUTE FUNCTION ledgerflow_check_attachment_host()`,
      [`${table}_check_host`, table],
    );
  }

  function attachmentColumns(t: Knex.CreateTableBuilder): void {
    t.string('entity_type', 32).notNullable();
    t.check(`entity_type IN (${hostTypeList})`, [], 'entity_type_is_known_host');
    t.uuid('entity_id').notNullable();
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['tasks', 'calendar_events', 'documents', 'activities', 'deals', 'contacts']) await knex.schema.dropTable(table);
  await knex.raw('DROP FUNCTION ledgerflow_check_attachment_host()');
  await knex.raw('DROP FUNCTION ledgerflow_attachment_host_table(text)');
}
