import type { Knex } from 'knex';

/** What a dunning run needs to know about its invoice, without personal data: it lands in the run's history. */
export interface InvoiceDunningFacts {
  invoiceId: string;
  invoiceNumber: string;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  currency: string;
  totalMinor: number;
  amountPaidMinor: number;
  amountDueMinor: number;
  issueDate: string;
  dueDate: string;
  contactId: string;
  subscriptionId: string | null;
  /** Whether the tenant has an active integration of the payment connector the definition retries through. */
  canCharge: boolean;
}

export async function loadInvoiceDunningFacts(knex: Knex, companyId: string, invoiceId: string, paymentConnector?: string): Promise<InvoiceDunningFacts | undefined> {
  const invoice = await knex('invoices')
    .where({ company_id: companyId, id: invoiceId })
    .first('id', 'invoice_number', 'status', 'currency', 'total_minor', 'amount_paid_minor', 'issue_date', 'due_date', 'contact_id', 'subscription_id');
  if (!invoice) return undefined;
  const integration = paymentConnector
    ? await knex('integrations').where({ company_id: companyId, connector: paymentConnector, status: 'active' }).first('id')
    : undefined;
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.invoice_number,
    status: invoice.status,
    currency: invoice.currency,
    totalMinor: invoice.total_minor,
    amountPaidMinor: invoice.amount_paid_minor,
    amountDueMinor: Math.max(0, invoice.total_minor - invoice.amount_paid_minor),
    issueDate: invoice.issue_date,
    dueDate: invoice.due_date,
    contactId: invoice.contact_id,
    subscriptionId: invoice.subscription_id,
    canCharge: integration !== undefined,
  };
}
