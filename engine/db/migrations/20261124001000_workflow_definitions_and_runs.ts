import type { Knex } from 'knex';
import { addTenantReference, createTenantTable } from '../schema-helpers/tenant-table';

// Definitions are versioned: draft → published → archived. A published version never changes, so a run pinned to it
// always replays the same steps. Runs are recorded here too, so entity-bound runs stay unique past Temporal's retention.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'workflow_definitions', (t) => {
    t.string('key', 64).notNullable();
    t.check(`key ~ '^[a-z][a-z0-9_.-]*$'`, [], 'workflow_definitions_key_format');
    t.string('name', 200).notNullable();
    t.text('description');
    t.unique(['company_id', 'key']);
  });

  await createTenantTable(knex, 'workflow_definition_versions', (t) => {
    t.uuid('definition_id').notNullable();
    t.integer('version').notNullable();
    t.check('version >= 1', [], 'workflow_definition_versions_version_positive');
    t.string('status', 16).notNullable().defaultTo('draft');
    t.check(`status IN ('draft', 'published', 'archived')`, [], 'workflow_definition_versions_status_known');
    t.jsonb('document').notNullable();
    t.string('checksum', 64).notNullable();
    t.timestamp('published_at', { useTz: true });
    t.uuid('published_by');
    t.timestamp('archived_at', { useTz: true });
    t.unique(['company_id', 'definition_id', 'version']);
  });
  await addTenantReference(knex, 'workflow_definition_versions', 'definition_id', 'workflow_definitions', 'RESTRICT');
  await addTenantReference(knex, 'workflow_definition_versions', 'published_by', 'users', 'SET NULL');
  await knex.raw(`CREATE UNIQUE INDEX workflow_definition_versions_one_draft ON workflow_definition_versions (company_id, definition_id) WHERE status = 'draft'`);
  await knex.raw(`
    CREATE FUNCTION ledgerflow_guard_definition_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_definition_versions_published_immutable',
            TABLE = 'workflow_definition_versions', MESSAGE = format('version %s is %s and cannot be deleted', OLD.version, OLD.status);
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status <> 'draft' AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.version <> OLD.version OR NEW.definition_id <> OLD.definition_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_definition_versions_published_immutable',
          TABLE = 'workflow_definition_versions', MESSAGE = format('version %s is %s and cannot be changed', OLD.version, OLD.status);
      END IF;
      IF NOT (NEW.status = OLD.status OR (OLD.status = 'draft' AND NEW.status = 'published') OR (OLD.status = 'published' AND NEW.status = 'archived')) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'workflow_definition_versions_lifecycle',
          TABLE = 'workflow_definition_versions', MESSAGE = format('a version cannot go from %s to %s', OLD.status, NEW.status);
      END IF;
      RETURN NEW;
    END $$`);
  await knex.raw(`CREATE TRIGGER workflow_definition_versions_guard BEFORE UPDATE OR DELETE ON workflow_definition_versions
    FOR EACH ROW EXECUTE FUNCTION ledgerflow_guard_definition_version()`);

  await createTenantTable(knex, 'workflow_runs', (t) => {
    t.string('workflow_id', 255).notNullable().unique();
    t.uuid('definition_id').notNullable();
    t.uuid('definition_version_id').notNullable();
    t.string('definition_key', 64).notNullable();
    t.integer('definition_version').notNullable();
    t.string('entity_type', 32);
    t.string('entity_id', 64);
    t.check('(entity_type IS NULL) = (entity_id IS NULL)', [], 'workflow_runs_entity_pair');
    t.string('trigger_kind', 16).notNullable();
    t.check(`trigger_kind IN ('manual', 'api', 'schedule', 'event', 'webhook', 'subflow')`, [], 'workflow_runs_trigger_kind_known');
    t.string('status', 16).notNullable().defaultTo('running');
    t.check(`status IN ('running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out')`, [], 'workflow_runs_status_known');
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('closed_at', { useTz: true });
  });
  await addTenantReference(knex, 'workflow_runs', 'definition_id', 'workflow_definitions', 'RESTRICT');
  await addTenantReference(knex, 'workflow_runs', 'definition_version_id', 'workflow_definition_versions', 'RESTRICT');
  // One run per (definition, entity), whatever Temporal still remembers.
  await knex.raw(`CREATE UNIQUE INDEX workflow_runs_one_per_entity ON workflow_runs (company_id, definition_key, entity_type, entity_id) WHERE entity_id IS NOT NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('workflow_runs');
  await knex.raw('DROP TRIGGER workflow_definition_versions_guard ON workflow_definition_versions');
  await knex.raw('DROP FUNCTION ledgerflow_guard_definition_version()');
  await knex.schema.dropTable('workflow_definition_versions');
  await knex.schema.dropTable('workflow_definitions');
}
