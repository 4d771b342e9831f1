import type { Client } from '@temporalio/client';
import type { TenantScope } from '../db/tenant-scope';
import { DataError } from '../db/errors/tenant-errors';
import { approvalSignal } from '../../workflows/run-messages';

export class ApprovalTaskError extends DataError {}

/**
 * Records a decision on an approval task and signals it to the waiting run. The task row is updated first and only
 * once: a second decision on a decided task is refused, so the run never hears two different answers.
 */
export async function decideApproval(
  scope: TenantScope,
  client: Client,
  decision: { taskId: string; decision: 'approved' | 'rejected'; decidedBy: string; comment?: string },
): Promise<void> {
  const task = await scope.transaction(async (tx) => {
    const row = await tx.knex('tasks').where({ company_id: scope.companyId, id: decision.taskId, kind: 'approval' }).forUpdate().first();
    if (!row) throw new ApprovalTaskError(`No approval task ${decision.taskId} in this tenant`, 404, 'approval_not_found');
    if (row.status !== 'open') throw new ApprovalTaskError(`Approval task ${decision.taskId} was already decided (${row.decision ?? row.status})`, 409, 'approval_already_decided');
    await tx.knex('tasks').where({ id: row.id }).update({ status: 'done', decision: decision.decision, decided_at: tx.knex.fn.now() });
    return row as { workflow_id: string; approval_token: string };
  });
  await client.workflow.getHandle(task.workflow_id).signal(approvalSignal, {
    token: task.approval_token,
    decision: decision.decision,
    decidedBy: decision.decidedBy,
    ...(decision.comment ? { comment: decision.comment } : {}),
  });
}
