import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { scheduleInstallments } from '../installment-schedule';
import { parseCollectionTerms, type CollectionTerms } from './collection-terms';
import { InstallmentCollectionRefusedError } from './installment-errors';
import { contractInstallments, lockContract } from './installment-ledger';

export interface ScheduledContract {
  contractId: string;
  currency: string;
  terms: CollectionTerms;
  installments: { id: string; sequence: number; dueDate: string; principalMinor: number }[];
}

/**
 * Makes the contract's installments from its total, count, first due date and interval, stores the collection terms
 * and activates the contract. Idempotent: a retry (or a second call) inserts nothing new and returns the same rows; rows
 * that exist but disagree with the contract's terms are refused rather than silently kept.
 */
export async function createInstallmentSchedule(scope: TenantScope, contractId: string, termsInput: unknown): Promise<ScheduledContract> {
  const requestedTerms = parseCollectionTerms(termsInput);
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const contract = await lockContract(trx, tx.companyId, contractId);
    if (contract.status === 'canceled' || contract.status === 'completed') {
      throw new InstallmentCollectionRefusedError(`Contract ${contract.contract_number} is ${contract.status}: no schedule is made`, { contractId, status: contract.status });
    }
    const terms = await trx('contracts').where({ company_id: tx.companyId, id: contractId }).first('total_minor', 'installment_count', 'first_due_date', 'interval_unit', 'interval_count');
    const planned = scheduleInstallments({
      totalMinor: terms.total_minor, count: terms.installment_count, firstDueDate: terms.first_due_date,
      intervalUnit: terms.interval_unit, intervalCount: terms.interval_count,
    });
    await trx('contract_installments')
      .insert(planned.map((p) => ({ company_id: tx.companyId, contract_id: contractId, sequence: p.sequence, due_date: p.dueDate, currency: contract.currency, principal_minor: p.principalMinor })))
      .onConflict(['company_id', 'contract_id', 'sequence'])
      .ignore();
    const rows = await contractInstallments(trx, tx.companyId, contractId);
    const agrees = rows.length === planned.length && planned.every((p, i) => rows[i].sequence === p.sequence && rows[i].due_date === p.dueDate && rows[i].principal_minor === p.principalMinor);
    if (!agrees) throw new InstallmentCollectionRefusedError(`Contract ${contract.contract_number} already has installments that differ from its terms`, { contractId });
    // Terms are fixed once the schedule exists: a retry with other terms keeps the first ones.
    const storedTerms = contract.collection_terms ? parseCollectionTerms(contract.collection_terms) : requestedTerms;
    if (!contract.collection_terms || contract.status === 'draft') {
      await trx('contracts').where({ company_id: tx.companyId, id: contractId }).update({ collection_terms: JSON.stringify(storedTerms), status: 'active' });
      await emitDomainEvent(trx, tx.companyId, {
        name: 'contract.schedule_created', entity: { type: 'contract', id: contractId }, eventId: `contract.schedule_created:${contractId}`,
        payload: { contractId, installmentCount: rows.length, totalMinor: terms.total_minor, currency: contract.currency },
      });
    }
    return {
      contractId, currency: contract.currency, terms: storedTerms,
      installments: rows.map((row) => ({ id: row.id, sequence: row.sequence, dueDate: row.due_date, principalMinor: row.principal_minor })),
    };
  });
}
