import type { Knex } from 'knex';

export interface LockedInvoice {
  id: string;
  contact_id: string;
  subscription_id: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  currency: string;
  total_minor: number;
  amount_paid_minor: number;
}

/** Reads the invoice and locks it, so concurrent payments on one invoice settle one after the other. */
export async function lockInvoice(trx: Knex, companyId: string, invoiceId: string): Promise<LockedInvoice | undefined> {
  return trx('invoices')
    .where({ company_id: companyId, id: invoiceId })
    .forUpdate()
    .first('id', 'contact_id', 'subscription_id', 'status', 'currency', 'total_minor', 'amount_paid_minor');
}

export interface Settlement {
  amountPaidMinor: number;
  amountDueMinor: number;
  status: LockedInvoice['status'];
  /** True when this change made the invoice fully paid; false when it reopened it or left its status alone. */
  becamePaid: boolean;
  reopened: boolean;
}

/**
 * Derives amount_paid_minor from the invoice's succeeded payments less their reversals (never incremented, so it always
 * agrees with the rows), then moves the status: fully paid → paid; a paid invoice that is no longer covered → open.
 */
export async function settleInvoice(trx: Knex, companyId: string, invoice: LockedInvoice): Promise<Settlement> {
  const [{ paid }] = await trx('payments')
    .where({ company_id: companyId, invoice_id: invoice.id, status: 'succeeded' })
    .select(trx.raw(`COALESCE(SUM(CASE kind WHEN 'payment' THEN amount_minor ELSE -amount_minor END), 0)::bigint AS paid`));
  const amountPaidMinor = Number(paid);
  const covered = amountPaidMinor >= invoice.total_minor;
  const becamePaid = covered && invoice.status !== 'paid';
  const reopened = !covered && invoice.status === 'paid';
  const status = becamePaid ? 'paid' : reopened ? 'open' : invoice.status;
  await trx('invoices')
    .where({ company_id: companyId, id: invoice.id })
    .update({
      amount_paid_minor: amountPaidMinor,
      status,
      ...(becamePaid ? { paid_at: trx.fn.now() } : {}),
      ...(reopened ? { paid_at: null } : {}),
    });
  return { amountPaidMinor, amountDueMinor: Math.max(0, invoice.total_minor - amountPaidMinor), status, becamePaid, reopened };
}
