import { ApplicationFailure } from '@temporalio/activity';
import type { Knex } from 'knex';
import type { WorkflowDefinition } from '../definitions/generated/definition';
import type { RunActivities } from '../workflows/run-contract';
import type { ActionRegistry } from './action-registry';
import { toActivityFailure } from './failure-mapping';
import type { Mailer } from './mailer';
import type { SecretBox } from '../engine/security/secret-box';

export interface ActivityDependencies {
  knex: Knex;
  mailer: Mailer;
  actions: ActionRegistry;
  secrets?: SecretBox;
}

/** The run workflow's activities, wired to real dependencies. The worker bootstrap is the one caller. */
export function createActivities({ knex, mailer, actions, secrets }: ActivityDependencies): RunActivities {
  return {
    async executeAction({ companyId, workflowId, stepId, action, input, idempotencyKey }) {
      try {
        actions.checkInput(action, input);
        return await actions.get(action).execute(input as never, { companyId, workflowId, stepId, idempotencyKey, knex, mailer, secrets });
      } catch (error) {
        throw toActivityFailure(error);
      }
    },

    async loadPublishedDefinition({ companyId, key, version }) {
      const query = knex('workflow_definition_versions as v')
        .join('workflow_definitions as d', function joinDefinition() {
          this.on('d.id', 'v.definition_id').andOn('d.company_id', 'v.company_id');
        })
        .where({ 'd.company_id': companyId, 'd.key': key, 'v.status': 'published' })
        .select('v.document', 'v.version');
      const row = version ? await query.andWhere('v.version', version).first() : await query.orderBy('v.version', 'desc').first();
      if (!row) {
        throw ApplicationFailure.create({ message: `No published definition ${key}${version ? ` version ${version}` : ''} in this tenant`, type: 'DefinitionNotFound', nonRetryable: true });
      }
      const settings = await knex('company_settings').where({ company_id: companyId }).first('time_zone');
      return { definition: row.document as WorkflowDefinition, version: row.version, timeZone: settings?.time_zone ?? 'UTC' };
    },

    async createApprovalTask({ companyId, workflowId, token, stepId, assignee, title, details, timeoutAt, entity }) {
      // A run bound to an entity files its approvals on that entity; any other run files them on its own run record.
      const runRecord = entity ? undefined : await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId }).first('id');
      if (!entity && !runRecord) {
        throw ApplicationFailure.create({ message: `Run ${workflowId} has no record in workflow_runs`, type: 'RunNotRecorded', nonRetryable: true });
      }
      const host = entity ?? { type: 'workflow_run', id: runRecord.id };
      const sourceKey = `${workflowId}:${token}`;
      await knex('tasks')
        .insert({
          company_id: companyId, kind: 'approval', entity_type: host.type, entity_id: host.id, title,
          description: JSON.stringify({ stepId, details }), assigned_to: assignee.user ?? null, assigned_role_key: assignee.role ?? null,
          due_date: timeoutAt ? timeoutAt.slice(0, 10) : null, workflow_id: workflowId, approval_token: token, source_key: sourceKey,
        })
        .onConflict(['company_id', 'source_key'])
        .ignore();
      const task = await knex('tasks').where({ company_id: companyId, source_key: sourceKey }).first('id');
      return { taskId: task.id };
    },

    async recordRunStarted({ companyId, workflowId, definitionKey, definitionVersion, entity, trigger }) {
      const inserted = await knex.raw(
        `INSERT INTO workflow_runs (company_id, workflow_id, definition_id, definition_version_id, definition_key, definition_version, entity_type, entity_id, trigger_kind)
         SELECT d.company_id, ?, d.id, v.id, d.key, v.version, ?, ?, ?
         FROM workflow_definitions d JOIN workflow_definition_versions v ON v.company_id = d.company_id AND v.definition_id = d.id
         WHERE d.company_id = ? AND d.key = ? AND v.version = ?
         ON CONFLICT DO NOTHING RETURNING id`,
        [workflowId, entity?.type ?? null, entity?.id ?? null, trigger, companyId, definitionKey, definitionVersion],
      );
      if (inserted.rows.length > 0) return;
      const existing = await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId }).first('id');
      if (!existing) {
        throw ApplicationFailure.create({ message: `Run ${workflowId} could not be recorded: ${definitionKey} version ${definitionVersion} is not in this tenant, or its entity already has another run`, type: 'DefinitionNotFound', nonRetryable: true });
      }
    },

    async recordRunClosed({ companyId, workflowId, status }) {
      await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId }).update({ status, closed_at: knex.fn.now() });
    },
  };
}
