import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { allocatePayment } from './allocate-payment';
import { accrueInstallment, chargeContext } from './accrue-charges';
import { InstallmentCollectionRefusedError } from './installment-errors';
import { contractInstallments, findInstallment, isSettled, lockContract, openParts, readLedger, tenantDate } from './installment-ledger';
import { receiptRow, receiptRows, type ReceiptRow } from './receipt-rows';

export interface InstallmentPaymentRequest {
  installmentId: string;
  amountMinor: number;
  currency: string;
  /** Recording the same key again returns the first recording and changes nothing. At most 100 characters. */
  idempotencyKey: string;
  /** When the cash arrived (ISO 8601); defaults to now. Its date in the tenant's zone is the payment date for charges. */
  receivedAt?: string;
  bankAccountId?: string;
  method?: string;
  externalReference?: string;
}

export interface RecordedInstallmentPayment {
  /** The receipt's first row; the other rows name it in carried_from_payment_id. */
  receiptId: string;
  created: boolean;
  rows: ReceiptRow[];
  /** Cash left after the contract's last installment: kept as a credit row for the contact. */
  creditMinor: number;
}

function checkRequest(request: InstallmentPaymentRequest): void {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    throw new InstallmentCollectionRefusedError(`A payment amount must be a positive whole number of minor units, not ${request.amountMinor}`);
  }
  if (!request.idempotencyKey || request.idempotencyKey.length > 100) {
    throw new InstallmentCollectionRefusedError('A payment needs an idempotency key of 1 to 100 characters');
  }
  if (request.receivedAt !== undefined && Number.isNaN(Date.parse(request.receivedAt))) {
    throw new InstallmentCollectionRefusedError(`receivedAt must be an ISO 8601 instant, not ${request.receivedAt}`);
  }
}

/**
 * Records cash received for an installment. Charges are first accrued to the payment date, then the cash fills the
 * installment's open parts in the contract's allocation order (default fee → interest → principal). Cash left over is
 * carried to the following unsettled installments, one payment row each, and what remains after the last one is kept as
 * a credit row (no installment) for the contact; every row names the receipt's first row. Each row emits
 * payment.received, bound to the contract so its collecting run is signalled, in the same transaction.
 */
export async function recordInstallmentPayment(scope: TenantScope, request: InstallmentPaymentRequest): Promise<RecordedInstallmentPayment> {
  checkRequest(request);
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const target = await findInstallment(trx, tx.companyId, request.installmentId);
    const contract = await lockContract(trx, tx.companyId, target.contract_id);
    const existing = await trx('payments').where({ company_id: tx.companyId, idempotency_key: request.idempotencyKey }).first('id', 'kind', 'amount_minor', 'currency');
    if (existing) return replayed(trx, tx.companyId, existing, request);
    if (contract.status === 'canceled') throw new InstallmentCollectionRefusedError(`Contract ${contract.contract_number} is canceled`, { contractId: contract.id });
    if (request.currency !== contract.currency) {
      throw new InstallmentCollectionRefusedError(`The payment is in ${request.currency} but contract ${contract.contract_number} is in ${contract.currency}`, { contractId: contract.id });
    }
    const context = await chargeContext(trx, tx.companyId, contract);
    const receivedAt = request.receivedAt ?? new Date().toISOString();
    const paidOn = tenantDate(receivedAt, context.timeZone);
    const candidates = (await contractInstallments(trx, tx.companyId, contract.id)).filter((row) => row.sequence >= target.sequence && !isSettled(row));
    if (candidates.length === 0) {
      throw new InstallmentCollectionRefusedError(`Nothing is left to pay on installment ${target.sequence} or after it`, { installmentId: target.id });
    }
    const base = {
      company_id: tx.companyId, contact_id: contract.contact_id, bank_account_id: request.bankAccountId ?? null, kind: 'payment', status: 'succeeded',
      currency: request.currency, received_at: receivedAt, method: request.method ?? null, external_reference: request.externalReference ?? null,
    };
    const rows: ReceiptRow[] = [];
    let rest = request.amountMinor;
    for (const candidate of candidates) {
      if (rest === 0) break;
      const installment = await accrueInstallment(context, candidate, paidOn);
      const ledger = await readLedger(trx, tx.companyId, installment.id, context.timeZone);
      const { allocated, restMinor } = allocatePayment(rest, openParts(installment, ledger), context.terms.allocationOrder);
      if (restMinor === rest) continue;
      const [row] = await trx('payments')
        .insert({
          ...base, installment_id: installment.id, amount_minor: rest - restMinor,
          allocated_fee_minor: allocated.fee, allocated_interest_minor: allocated.interest, allocated_principal_minor: allocated.principal,
          idempotency_key: rows.length === 0 ? request.idempotencyKey : `${request.idempotencyKey}#carry-${installment.sequence}`,
          carried_from_payment_id: rows[0]?.paymentId ?? null,
        })
        .returning('*');
      rows.push(receiptRow(row));
      rest = restMinor;
    }
    if (rows.length === 0) throw new InstallmentCollectionRefusedError('Nothing is left to pay on this contract', { contractId: contract.id });
    if (rest > 0) {
      const [credit] = await trx('payments')
        .insert({ ...base, installment_id: null, amount_minor: rest, idempotency_key: `${request.idempotencyKey}#credit`, carried_from_payment_id: rows[0].paymentId })
        .returning('*');
      rows.push(receiptRow(credit));
    }
    for (const row of rows) {
      await emitDomainEvent(trx, tx.companyId, {
        name: 'payment.received', entity: { type: 'contract', id: contract.id }, eventId: `payment.received:${row.paymentId}`,
        payload: {
          contractId: contract.id, installmentId: row.installmentId, paymentId: row.paymentId, receiptId: rows[0].paymentId, amountMinor: row.amountMinor,
          currency: request.currency, allocatedFeeMinor: row.allocatedFeeMinor, allocatedInterestMinor: row.allocatedInterestMinor, allocatedPrincipalMinor: row.allocatedPrincipalMinor,
        },
      });
    }
    return { receiptId: rows[0].paymentId, created: true, rows, creditMinor: rest };
  });
}

async function replayed(
  trx: Parameters<typeof receiptRows>[0],
  companyId: string,
  existing: { id: string; kind: string; currency: string },
  request: InstallmentPaymentRequest,
): Promise<RecordedInstallmentPayment> {
  const rows = existing.kind === 'payment' ? await receiptRows(trx, companyId, existing.id) : [];
  const total = rows.reduce((sum, row) => sum + row.amountMinor, 0);
  if (total !== request.amountMinor || existing.currency !== request.currency) {
    throw new InstallmentCollectionRefusedError('This idempotency key was already used for a different payment', { idempotencyKey: request.idempotencyKey });
  }
  const credit = rows.find((row) => row.installmentId === null);
  return { receiptId: existing.id, created: false, rows, creditMinor: credit?.amountMinor ?? 0 };
}
