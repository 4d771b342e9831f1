import type { Knex } from 'knex';

// Frozen copy of the host list as of this migration; later migrations extend it, the constant in code moves on.
const ATTACHMENT_HOSTS = {
  contact: 'contacts', deal: 'deals', invoice: 'invoices', contract: 'contracts', contract_installment: 'contract_installments',
  payment: 'payments', sale: 'sales', product: 'products', service: 'services', subscription: 'subscriptions', expense: 'expenses',
  bank_account: 'bank_accounts',
} as const;
const ATTACHMENT_TABLES = ['documents', 'activities', 'calendar_events', 'tasks'] as const;

// Rules that span rows, checked at commit (deferred) so a company and its settings can be written in one transaction.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION ledgerflow_assert_company_has_settings(company uuid) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM companies WHERE id = company)
         AND NOT EXISTS (SELECT 1 FROM company_settings WHERE company_id = company) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'company_settings_exactly_one', TABLE = 'company_settings',
          MESSAGE = format('company %s must have exactly one company_settings row', company);
      END IF;
    END $$`);
  await knex.raw(`CREATE FUNCTION ledgerflow_new_company_needs_settings() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM ledgerflow_assert_company_has_settings(NEW.id); RETURN NULL; END $$`);
  await knex.raw(`CREATE FUNCTION ledgerflow_company_keeps_settings() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM ledgerflow_assert_company_has_settings(OLD.company_id); RETURN NULL; END $$`);
  await knex.raw(`CREATE CONSTRAINT TRIGGER companies_have_settings AFTER INSERT ON companies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledgerflow_new_company_needs_settings()`);
  await knex.raw(`CREATE CONSTRAINT TRIGGER company_settings_stay AFTER DELETE OR UPDATE OF company_id ON company_settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledgerflow_company_keeps_settings()`);

  await knex.raw(`
    CREATE FUNCTION ledgerflow_require_one_primary_domain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE company uuid := COALESCE(NEW.company_id, OLD.company_id); primaries int; total int;
    BEGIN
      SELECT count(*) FILTER (WHERE is_primary), count(*) INTO primaries, total FROM company_domains WHERE company_id = company;
      IF total > 0 AND primaries <> 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'company_domains_exactly_one_primary', TABLE = 'company_domains',
          MESSAGE = format('a company with domains must have exactly one primary domain, found %s', primaries);
      END IF;
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE CONSTRAINT TRIGGER company_domains_one_primary_at_commit AFTER INSERT OR UPDATE OR DELETE ON company_domains
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledgerflow_require_one_primary_domain()`);

  // Attachments go with their host: deleting a contact removes its documents, activities, events and tasks.
  const deletes = ATTACHMENT_TABLES.map(
    (table) => `DELETE FROM ${table} WHERE company_id = OLD.company_id AND entity_type = TG_ARGV[0] AND entity_id = OLD.id;`,
  ).join('\n');
  await knex.raw(`CREATE FUNCTION ledgerflow_delete_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN ${deletes} RETURN NULL; END $$`);
  for (const [type, table] of Object.entries(ATTACHMENT_HOSTS)) {
    await knex.raw(`CREATE TRIGGER ?? AFTER DELETE ON ?? FOR EACH ROW EXECUTE FUNCTION ledgerflow_delete_attachments('${type}')`, [
      `${table}_delete_attachments`,
      table,
    ]);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of Object.values(ATTACHMENT_HOSTS)) await knex.raw('DROP TRIGGER ?? ON ??', [`${table}_delete_attachments`, table]);
  await knex.raw('DROP FUNCTION ledgerflow_delete_attachments()');
  await knex.raw('DROP TRIGGER company_domains_one_primary_at_commit ON company_domains');
  await knex.raw('DROP FUNCTION ledgerflow_require_one_primary_domain()');
  await knex.raw('DROP TRIGGER company_settings_stay ON company_settings');
  await knex.raw('DROP TRIGGER companies_have_settings ON companies');
  await knex.raw('DROP FUNCTION ledgerflow_company_keeps_settings()');
  await knex.raw('DROP FUNCTION ledgerflow_new_company_needs_settings()');
  await knex.raw('DROP FUNCTION ledgerflow_assert_company_has_settings(uuid)');
}
