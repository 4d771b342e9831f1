import type { Knex } from 'knex';

/** Digits an invoice number is padded to, as in the seed's numbers (ACME-INV-0001); longer numbers simply grow. */
const NUMBER_DIGITS = 4;

export interface AllocatedInvoiceNumber {
  sequence: number;
  invoiceNumber: string;
}

/**
 * Takes the tenant's next invoice number. The settings row stays locked until `trx` ends, so concurrent creations queue
 * here, and because the counter moves in the same transaction as the invoice insert, a failed insert gives the number back:
 * numbers are never skipped and never repeated.
 */
export async function allocateInvoiceNumber(trx: Knex, companyId: string): Promise<AllocatedInvoiceNumber> {
  const settings = await trx('company_settings').where({ company_id: companyId }).forUpdate().first('invoice_prefix', 'next_invoice_number');
  if (!settings) throw new Error(`Company ${companyId} has no settings row`);
  const sequence = settings.next_invoice_number as number;
  await trx('company_settings').where({ company_id: companyId }).update({ next_invoice_number: sequence + 1 });
  return { sequence, invoiceNumber: `${settings.invoice_prefix}${String(sequence).padStart(NUMBER_DIGITS, '0')}` };
}

/** Locks the tenant's numbering without taking a number: a creation that may turn out to exist already waits its turn first. */
export async function lockInvoiceNumbering(trx: Knex, companyId: string): Promise<void> {
  await trx('company_settings').where({ company_id: companyId }).forUpdate().first('id');
}
