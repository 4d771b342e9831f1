import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { InstallmentCollectionRefusedError, InstallmentRecordNotFoundError } from './installment-errors';
import { findInstallment, lockContract, tenantDate, tenantTimeZone } from './installment-ledger';
import { firstOverdueDate } from './late-charges';
import { receiptRow, receiptRows, type ReceiptRow } from './receipt-rows';

export interface InstallmentReversalRequest {
  /** Any row of the receipt: the whole receipt (every installment it paid, and its credit) is reversed. */
  paymentId: string;
  /** At most 100 characters; reversing with the same key again returns the first reversal. */
  idempotencyKey: string;
  /** When the money went back (ISO 8601); defaults to now. Principal counts as open again from the day after. */
  reversedAt?: string;
  externalReference?: string;
}

export interface ReversedInstallmentPayment {
  receiptId: string;
  created: boolean;
  /** The reversal rows, each taking back exactly the fee, interest and principal its payment row still held. */
  rows: ReceiptRow[];
}

/**
 * Reverses a receipt (a bounced transfer, a chargeback): one reversal row per payment row still standing, each with the
 * allocation it takes back, and payment.reversed for each in the same transaction. The database trigger re-derives each
 * installment's paid amount and status; an installment whose due date has passed becomes overdue again, and a completed
 * contract becomes active again (contract.reopened) since it has something to collect.
 */
export async function reverseInstallmentPayment(scope: TenantScope, request: InstallmentReversalRequest): Promise<ReversedInstallmentPayment> {
  if (!request.idempotencyKey || request.idempotencyKey.length > 100) throw new InstallmentCollectionRefusedError('A reversal needs an idempotency key of 1 to 100 characters');
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const payment = await trx('payments').where({ company_id: tx.companyId, id: request.paymentId }).first('id', 'kind', 'installment_id', 'carried_from_payment_id');
    if (!payment || payment.kind !== 'payment') throw new InstallmentRecordNotFoundError('payment', request.paymentId);
    const receiptId: string = payment.carried_from_payment_id ?? payment.id;
    const first = await trx('payments').where({ company_id: tx.companyId, id: receiptId }).first('installment_id');
    if (!first?.installment_id) throw new InstallmentCollectionRefusedError('This payment does not belong to an installment', { paymentId: request.paymentId });
    const contractId = (await findInstallment(trx, tx.companyId, first.installment_id)).contract_id;
    const contract = await lockContract(trx, tx.companyId, contractId);

    const existing = await trx('payments').where({ company_id: tx.companyId, idempotency_key: request.idempotencyKey }).first('id', 'kind', 'reverses_payment_id');
    if (existing) {
      if (existing.kind !== 'reversal') throw new InstallmentCollectionRefusedError('This idempotency key was already used for a payment', { idempotencyKey: request.idempotencyKey });
      const rows = await trx('payments').where({ company_id: tx.companyId, kind: 'reversal' }).where((q) => q.where('idempotency_key', request.idempotencyKey).orWhere('idempotency_key', 'like', `${request.idempotencyKey}#%`));
      return { receiptId, created: false, rows: rows.map(receiptRow) };
    }

    const reversedAt = request.reversedAt ?? new Date().toISOString();
    const reversedOn = tenantDate(reversedAt, await tenantTimeZone(trx, tx.companyId));
    const created: ReceiptRow[] = [];
    for (const row of await receiptRows(trx, tx.companyId, receiptId)) {
      const [taken] = await trx('payments')
        .where({ company_id: tx.companyId, reverses_payment_id: row.paymentId, status: 'succeeded' })
        .select(trx.raw('COALESCE(SUM(amount_minor), 0)::bigint AS amount, COALESCE(SUM(allocated_fee_minor), 0)::bigint AS fee, COALESCE(SUM(allocated_interest_minor), 0)::bigint AS interest, COALESCE(SUM(allocated_principal_minor), 0)::bigint AS principal'));
      const amount = row.amountMinor - Number(taken.amount);
      if (amount <= 0) continue;
      const [reversal] = await trx('payments')
        .insert({
          company_id: tx.companyId, kind: 'reversal', reverses_payment_id: row.paymentId, installment_id: row.installmentId, contact_id: contract.contact_id,
          status: 'succeeded', amount_minor: amount, currency: contract.currency, received_at: reversedAt, external_reference: request.externalReference ?? null,
          allocated_fee_minor: row.installmentId ? row.allocatedFeeMinor - Number(taken.fee) : 0,
          allocated_interest_minor: row.installmentId ? row.allocatedInterestMinor - Number(taken.interest) : 0,
          allocated_principal_minor: row.installmentId ? row.allocatedPrincipalMinor - Number(taken.principal) : 0,
          idempotency_key: created.length === 0 ? request.idempotencyKey : `${request.idempotencyKey}#${created.length}`,
        })
        .returning('*');
      created.push(receiptRow(reversal));
      if (row.installmentId) await reopenIfPastDue(trx, tx.companyId, row.installmentId, reversedOn);
    }
    if (created.length === 0) throw new InstallmentCollectionRefusedError('This payment is already fully reversed', { paymentId: request.paymentId });
    const entity = { type: 'contract', id: contract.id };
    for (const row of created) {
      await emitDomainEvent(trx, tx.companyId, {
        name: 'payment.reversed', entity, eventId: `payment.reversed:${row.paymentId}`,
        payload: { contractId: contract.id, installmentId: row.installmentId, paymentId: row.paymentId, receiptId, amountMinor: row.amountMinor, currency: contract.currency },
      });
    }
    if (contract.status === 'completed') {
      await trx('contracts').where({ company_id: tx.companyId, id: contract.id }).update({ status: 'active' });
      await emitDomainEvent(trx, tx.companyId, { name: 'contract.reopened', entity, eventId: `contract.reopened:${created[0].paymentId}`, payload: { contractId: contract.id } });
    }
    return { receiptId, created: true, rows: created };
  });
}

// A reopened installment whose due date has passed owes again at once: it is overdue from the day after its due date.
async function reopenIfPastDue(trx: Parameters<typeof findInstallment>[0], companyId: string, installmentId: string, reversedOn: string): Promise<void> {
  await trx('contract_installments')
    .where({ company_id: companyId, id: installmentId })
    .whereNull('overdue_since')
    .where('due_date', '<', reversedOn)
    .whereNot('status', 'paid')
    .update({ overdue_since: trx.raw('due_date + 1') });
}
