import type { Knex } from 'knex';
import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import type { CollectionTerms } from './collection-terms';
import { contractInstallments, isSettled, lockContract, readLedger, termsOf, tenantTimeZone, type InstallmentRow, type LockedContract } from './installment-ledger';
import { chargesApply, daysLate, firstOverdueDate, interestThroughMinor, lateFeeMinor } from './late-charges';

export interface ChargeContext {
  trx: Knex;
  companyId: string;
  contract: LockedContract;
  terms: CollectionTerms;
  timeZone: string;
}

function laterDate(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/**
 * Brings one installment up to date as of `asOf` (a date in the tenant's calendar), inside the caller's transaction with
 * the contract locked: unpaid after its due date → overdue since the day after; more than graceDays late → the late fee
 * once, and interest recomputed from the payment history through `asOf` (never lowered, never counted to an earlier day).
 * Returns the row as it now stands.
 */
export async function accrueInstallment(context: ChargeContext, installment: InstallmentRow, asOf: string): Promise<InstallmentRow> {
  const { trx, companyId, contract, terms } = context;
  if (isSettled(installment) || daysLate(installment.due_date, asOf) <= 0) return installment;
  const updates: Partial<InstallmentRow> = {};
  if (!installment.overdue_since) updates.overdue_since = firstOverdueDate(installment.due_date);
  if (chargesApply(installment.due_date, asOf, terms.graceDays)) {
    const through = laterDate(asOf, installment.charges_accrued_through);
    const ledger = await readLedger(trx, companyId, installment.id, context.timeZone);
    const interest = interestThroughMinor({
      principalMinor: installment.principal_minor, dueDate: installment.due_date, through,
      monthlyInterestPercent: terms.monthlyInterestPercent, movements: ledger.movements,
    });
    if (installment.charges_accrued_through === null) updates.fee_minor = installment.fee_minor + lateFeeMinor(installment.principal_minor, terms.lateFeePercent);
    updates.interest_minor = Math.max(installment.interest_minor, interest);
    updates.charges_accrued_through = through;
  }
  if (Object.keys(updates).length === 0) return installment;
  const [row]: InstallmentRow[] = await trx('contract_installments').where({ company_id: companyId, id: installment.id }).update(updates).returning('*');
  const entity = { type: 'contract', id: contract.id };
  if (updates.overdue_since) {
    await emitDomainEvent(trx, companyId, {
      name: 'installment.overdue', entity, eventId: `installment.overdue:${installment.id}`,
      payload: { contractId: contract.id, installmentId: installment.id, overdueSince: updates.overdue_since },
    });
  }
  if (row.fee_minor !== installment.fee_minor || row.interest_minor !== installment.interest_minor) {
    await emitDomainEvent(trx, companyId, {
      name: 'installment.charges_accrued', entity, eventId: `installment.charges_accrued:${installment.id}:${row.charges_accrued_through}:${row.fee_minor}:${row.interest_minor}`,
      payload: { contractId: contract.id, installmentId: installment.id, feeMinor: row.fee_minor, interestMinor: row.interest_minor, through: row.charges_accrued_through, currency: row.currency },
    });
  }
  return row;
}

export async function chargeContext(trx: Knex, companyId: string, contract: LockedContract): Promise<ChargeContext> {
  return { trx, companyId, contract, terms: termsOf(contract), timeZone: await tenantTimeZone(trx, companyId) };
}

export interface ContractAccrual {
  contractId: string;
  asOf: string;
  installments: { installmentId: string; sequence: number; status: string; feeMinor: number; interestMinor: number; chargesAccruedThrough: string | null }[];
}

/** Accrues every unsettled installment of the contract that is past due as of `asOf`; a canceled or completed contract accrues nothing. */
export async function accrueContractCharges(scope: TenantScope, contractId: string, asOf: string): Promise<ContractAccrual> {
  return scope.transaction(async (tx) => {
    const contract = await lockContract(tx.knex, tx.companyId, contractId);
    if (contract.status === 'canceled' || contract.status === 'completed') return { contractId, asOf, installments: [] };
    const context = await chargeContext(tx.knex, tx.companyId, contract);
    const accrued: ContractAccrual['installments'] = [];
    for (const installment of await contractInstallments(tx.knex, tx.companyId, contractId)) {
      if (isSettled(installment) || installment.due_date >= asOf) continue;
      const row = await accrueInstallment(context, installment, asOf);
      accrued.push({ installmentId: row.id, sequence: row.sequence, status: row.status, feeMinor: row.fee_minor, interestMinor: row.interest_minor, chargesAccruedThrough: row.charges_accrued_through });
    }
    return { contractId, asOf, installments: accrued };
  });
}
