/** A contract's installments as the contract view lists them, and what a payment on one would settle. */
import type { ContractInstallment } from './data-types';

export interface InstallmentRow {
  id: string;
  number: number;
  dueDate: string;
  currency: string;
  /** Principal plus any late fee and interest charged so far. */
  amountMinor: number;
  paidMinor: number;
  /** What is still to pay; never below zero (an overpayment is carried forward by the API). */
  openMinor: number;
  status: string;
  statusLabel: string;
  /** A payment form makes sense only while something is open. */
  payable: boolean;
}

const STATUS_WORDS: Record<string, string> = {
  open: 'Open',
  partially_paid: 'Partially paid',
  overdue: 'Overdue',
  paid: 'Paid',
  canceled: 'Canceled',
};

export const installmentStatusLabel = (status: string): string => STATUS_WORDS[status] ?? status;

export function installmentRows(installments: ContractInstallment[]): InstallmentRow[] {
  return [...installments]
    .sort((a, b) => a.sequence - b.sequence)
    .map((installment) => {
      const amountMinor = installment.principal_minor + installment.fee_minor + installment.interest_minor;
      const openMinor = Math.max(0, amountMinor - installment.paid_minor);
      return {
        id: installment.id,
        number: installment.sequence,
        dueDate: installment.due_date,
        currency: installment.currency,
        amountMinor,
        paidMinor: installment.paid_minor,
        openMinor,
        status: installment.status,
        statusLabel: installmentStatusLabel(installment.status),
        payable: openMinor > 0 && installment.status !== 'canceled',
      };
    });
}

/** The first installment still to pay: the one a collector is most likely recording a payment for. */
export function nextPayable(rows: InstallmentRow[]): InstallmentRow | undefined {
  return rows.find((row) => row.payable);
}
