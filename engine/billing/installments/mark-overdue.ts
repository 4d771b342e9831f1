import type { TenantScope } from '../../db/tenant-scope';
import { accrueInstallment, chargeContext } from './accrue-charges';
import { describeInstallment, type InstallmentView } from './describe-installment';
import { findInstallment, lockContract } from './installment-ledger';

/**
 * As of `asOf`: an unpaid installment past its due date is marked overdue since the day after it (and charged at once
 * when the grace period is already over). A settled installment, or one not yet late, is left alone.
 */
export async function markInstallmentOverdue(scope: TenantScope, installmentId: string, asOf: string): Promise<InstallmentView> {
  return scope.transaction(async (tx) => {
    const { contract_id: contractId } = await findInstallment(tx.knex, tx.companyId, installmentId);
    const contract = await lockContract(tx.knex, tx.companyId, contractId);
    if (contract.status !== 'canceled' && contract.status !== 'completed') {
      await accrueInstallment(await chargeContext(tx.knex, tx.companyId, contract), await findInstallment(tx.knex, tx.companyId, installmentId), asOf);
    }
    return describeInstallment(tx.knex, tx.companyId, installmentId);
  });
}
