import type { Knex } from 'knex';
import { calendarDateAt } from '../../dsl/time/zoned-date';
import type { MoneyParts } from './allocate-payment';
import { parseCollectionTerms, type CollectionTerms } from './collection-terms';
import { InstallmentCollectionRefusedError, InstallmentRecordNotFoundError } from './installment-errors';
import type { PrincipalMovement } from './late-charges';

export interface LockedContract {
  id: string;
  contact_id: string;
  contract_number: string;
  status: 'draft' | 'active' | 'completed' | 'canceled';
  currency: string;
  collection_terms: Record<string, unknown> | null;
}

export interface InstallmentRow {
  id: string;
  contract_id: string;
  sequence: number;
  due_date: string;
  currency: string;
  principal_minor: number;
  fee_minor: number;
  interest_minor: number;
  paid_minor: number;
  status: 'open' | 'partially_paid' | 'overdue' | 'paid' | 'canceled';
  overdue_since: string | null;
  charges_accrued_through: string | null;
}

/** What the installment's succeeded payment rows put into each part (reversals taken off), and when principal moved. */
export interface InstallmentLedger {
  allocated: MoneyParts;
  movements: PrincipalMovement[];
}

const CONTRACT_COLUMNS = ['id', 'contact_id', 'contract_number', 'status', 'currency', 'collection_terms'];

/** Locks the contract: every payment, reversal and accrual on its installments runs one after the other. */
export async function lockContract(trx: Knex, companyId: string, contractId: string): Promise<LockedContract> {
  const contract = await trx('contracts').where({ company_id: companyId, id: contractId }).forUpdate().first(CONTRACT_COLUMNS);
  if (!contract) throw new InstallmentRecordNotFoundError('contract', contractId);
  return contract;
}

export async function findInstallment(trx: Knex, companyId: string, installmentId: string): Promise<InstallmentRow> {
  const row = await trx('contract_installments').where({ company_id: companyId, id: installmentId }).first();
  if (!row) throw new InstallmentRecordNotFoundError('installment', installmentId);
  return row;
}

export async function contractInstallments(trx: Knex, companyId: string, contractId: string): Promise<InstallmentRow[]> {
  return trx('contract_installments').where({ company_id: companyId, contract_id: contractId }).orderBy('sequence');
}

export function termsOf(contract: LockedContract): CollectionTerms {
  if (!contract.collection_terms) {
    throw new InstallmentCollectionRefusedError(`Contract ${contract.contract_number} has no collection terms yet: start its installment schedule first`, { contractId: contract.id });
  }
  return parseCollectionTerms(contract.collection_terms);
}

export async function tenantTimeZone(trx: Knex, companyId: string): Promise<string> {
  const settings = await trx('company_settings').where({ company_id: companyId }).first('time_zone');
  return settings?.time_zone ?? 'UTC';
}

/** The tenant's calendar date of an instant (a Date from pg, or ISO text). */
export function tenantDate(instant: Date | string, timeZone: string): string {
  return calendarDateAt(instant instanceof Date ? instant.toISOString() : new Date(instant).toISOString(), timeZone);
}

export function isSettled(installment: Pick<InstallmentRow, 'status'>): boolean {
  return installment.status === 'paid' || installment.status === 'canceled';
}

export async function readLedger(trx: Knex, companyId: string, installmentId: string, timeZone: string): Promise<InstallmentLedger> {
  const rows: { kind: string; received_at: Date; allocated_fee_minor: number; allocated_interest_minor: number; allocated_principal_minor: number }[] = await trx(
    'payments',
  )
    .where({ company_id: companyId, installment_id: installmentId, status: 'succeeded' })
    .orderBy('received_at')
    .select('kind', 'received_at', 'allocated_fee_minor', 'allocated_interest_minor', 'allocated_principal_minor');
  const allocated: MoneyParts = { fee: 0, interest: 0, principal: 0 };
  const movements: PrincipalMovement[] = [];
  for (const row of rows) {
    const sign = row.kind === 'payment' ? 1 : -1;
    allocated.fee += sign * row.allocated_fee_minor;
    allocated.interest += sign * row.allocated_interest_minor;
    allocated.principal += sign * row.allocated_principal_minor;
    if (row.allocated_principal_minor > 0) movements.push({ on: tenantDate(row.received_at, timeZone), principalMinor: sign * row.allocated_principal_minor });
  }
  return { allocated, movements };
}

/** What is still owed on each part. */
export function openParts(installment: InstallmentRow, ledger: InstallmentLedger): MoneyParts {
  return {
    fee: installment.fee_minor - ledger.allocated.fee,
    interest: installment.interest_minor - ledger.allocated.interest,
    principal: installment.principal_minor - ledger.allocated.principal,
  };
}
