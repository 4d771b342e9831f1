import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { TenantScope } from '../../db/tenant-scope';
import type { DefinitionStore } from '../../definition-store/definition-store';
import { emitDomainEvent } from '../../events';
import { startRun, type RunEngine, type StartedRun } from '../../runs/start-run';
import { InstallmentCollectionRefusedError } from './installment-errors';
import { contractInstallments, isSettled, lockContract } from './installment-ledger';

/** The built-in definition; a tenant may publish its own copy under another key. */
export const INSTALLMENT_SCHEDULE_DEFINITION = 'installment-schedule';

/** Starts collecting a contract: one run per contract, however often it is asked for. */
export async function startInstallmentSchedule(
  scope: TenantScope,
  store: DefinitionStore,
  engine: RunEngine,
  contractId: string,
  definitionKey = INSTALLMENT_SCHEDULE_DEFINITION,
): Promise<StartedRun> {
  return startRun(scope, store, engine, { definitionKey, input: { contractId }, entity: { type: 'contract', id: contractId }, trigger: 'api' });
}

export interface ContractSettlement {
  completed: boolean;
  openInstallments: number;
}

/** Completes the contract (contract.completed) once every installment is settled; otherwise says how many are open. */
export async function completeContractIfSettled(scope: TenantScope, contractId: string): Promise<ContractSettlement> {
  return scope.transaction(async (tx) => {
    const contract = await lockContract(tx.knex, tx.companyId, contractId);
    if (contract.status === 'completed') return { completed: true, openInstallments: 0 };
    const open = (await contractInstallments(tx.knex, tx.companyId, contractId)).filter((row) => !isSettled(row)).length;
    if (open > 0 || contract.status === 'canceled') return { completed: false, openInstallments: open };
    await tx.knex('contracts').where({ company_id: tx.companyId, id: contractId }).update({ status: 'completed' });
    await emitDomainEvent(tx.knex, tx.companyId, {
      name: 'contract.completed', entity: { type: 'contract', id: contractId }, eventId: `contract.completed:${contractId}`, payload: { contractId },
    });
    return { completed: true, openInstallments: 0 };
  });
}

/**
 * Cancels the contract (status canceled, contract.canceled) and then its running collection runs (Temporal cancel).
 * Installments stay exactly as they are: open ones stay open, nothing is written off. Cancelling twice is harmless.
 */
export async function cancelInstallmentSchedule(scope: TenantScope, client: Client, contractId: string): Promise<{ canceledRuns: string[] }> {
  await scope.transaction(async (tx) => {
    const contract = await lockContract(tx.knex, tx.companyId, contractId);
    if (contract.status === 'canceled') return;
    if (contract.status === 'completed') throw new InstallmentCollectionRefusedError(`Contract ${contract.contract_number} is completed and cannot be canceled`, { contractId });
    await tx.knex('contracts').where({ company_id: tx.companyId, id: contractId }).update({ status: 'canceled', canceled_at: tx.knex.fn.now() });
    await emitDomainEvent(tx.knex, tx.companyId, {
      name: 'contract.canceled', entity: { type: 'contract', id: contractId }, eventId: `contract.canceled:${contractId}`, payload: { contractId },
    });
  });
  // After the commit: a run cancelled first would otherwise look at a contract that is still active.
  const runs: string[] = await scope.knex('workflow_runs')
    .where({ company_id: scope.companyId, entity_type: 'contract', entity_id: contractId, status: 'running' })
    .pluck('workflow_id');
  for (const workflowId of runs) {
    try {
      await client.workflow.getHandle(workflowId).cancel();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  return { canceledRuns: runs };
}
