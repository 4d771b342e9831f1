import type { Knex } from 'knex';
import { findInstallment, isSettled, type InstallmentRow } from './installment-ledger';

/** An installment as a flow sees it: amounts, whether anything is left to collect, and what its emails need. */
export interface InstallmentView {
  installmentId: string;
  contractId: string;
  sequence: number;
  dueDate: string;
  currency: string;
  status: InstallmentRow['status'];
  settled: boolean;
  principalMinor: number;
  feeMinor: number;
  interestMinor: number;
  paidMinor: number;
  amountDueMinor: number;
  overdueSince: string | null;
  chargesAccruedThrough: string | null;
  contractStatus: string;
  /** The customer's address, or null when the contact has none (the flow then sends nothing). */
  email: string | null;
  emailData: { customerName: string; contractNumber: string; sequence: number; dueDate: string; amountDue: number; currency: string };
}

export async function describeInstallment(knex: Knex, companyId: string, installmentId: string): Promise<InstallmentView> {
  const row = await findInstallment(knex, companyId, installmentId);
  const party = await knex('contracts as c')
    .join('contacts as p', function joinContact() {
      this.on('p.company_id', '=', 'c.company_id').andOn('p.id', '=', 'c.contact_id');
    })
    .where({ 'c.company_id': companyId, 'c.id': row.contract_id })
    .first('c.contract_number', 'c.status', 'p.name', 'p.email');
  const amountDueMinor = Math.max(0, row.principal_minor + row.fee_minor + row.interest_minor - row.paid_minor);
  return {
    installmentId: row.id, contractId: row.contract_id, sequence: row.sequence, dueDate: row.due_date, currency: row.currency,
    status: row.status, settled: isSettled(row),
    principalMinor: row.principal_minor, feeMinor: row.fee_minor, interestMinor: row.interest_minor, paidMinor: row.paid_minor, amountDueMinor,
    overdueSince: row.overdue_since, chargesAccruedThrough: row.charges_accrued_through, contractStatus: party.status,
    email: party.email ?? null,
    emailData: { customerName: party.name, contractNumber: party.contract_number, sequence: row.sequence, dueDate: row.due_date, amountDue: amountDueMinor, currency: row.currency },
  };
}
