import type { Knex } from 'knex';

/** One payment row of a receipt of cash: the part applied to one installment, or the rest kept as credit. */
export interface ReceiptRow {
  paymentId: string;
  /** Null for the credit row. */
  installmentId: string | null;
  amountMinor: number;
  allocatedFeeMinor: number;
  allocatedInterestMinor: number;
  allocatedPrincipalMinor: number;
}

interface PaymentRecord {
  id: string;
  installment_id: string | null;
  amount_minor: number;
  allocated_fee_minor: number;
  allocated_interest_minor: number;
  allocated_principal_minor: number;
}

export function receiptRow(row: PaymentRecord): ReceiptRow {
  return {
    paymentId: row.id, installmentId: row.installment_id, amountMinor: row.amount_minor,
    allocatedFeeMinor: row.allocated_fee_minor, allocatedInterestMinor: row.allocated_interest_minor, allocatedPrincipalMinor: row.allocated_principal_minor,
  };
}

/** The rows of the receipt whose first row is `firstPaymentId`, first row first (carried rows in installment order, credit last). */
export async function receiptRows(trx: Knex, companyId: string, firstPaymentId: string): Promise<ReceiptRow[]> {
  const rows: PaymentRecord[] = await trx('payments as p')
    .leftJoin('contract_installments as i', function joinInstallment() {
      this.on('i.company_id', '=', 'p.company_id').andOn('i.id', '=', 'p.installment_id');
    })
    .where('p.company_id', companyId)
    .where((q) => q.where('p.id', firstPaymentId).orWhere('p.carried_from_payment_id', firstPaymentId))
    .where('p.kind', 'payment')
    .orderByRaw('p.carried_from_payment_id IS NOT NULL, i.sequence NULLS LAST')
    .select('p.id', 'p.installment_id', 'p.amount_minor', 'p.allocated_fee_minor', 'p.allocated_interest_minor', 'p.allocated_principal_minor');
  return rows.map(receiptRow);
}
