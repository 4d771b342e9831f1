import type { ActionDefinition } from '../action-definition';
import { loadInvoiceDunningFacts, type InvoiceDunningFacts } from '../../engine/billing/dunning';
import { InvoiceNotFoundError } from '../../engine/billing/invoice-payments';
import { uuidField } from './input-fields';

interface LoadInvoiceInput {
  invoiceId: string;
  /** The connector slug payment retries go through; the result says whether the tenant has it connected. */
  paymentConnector?: string;
}

export const loadInvoice: ActionDefinition<LoadInvoiceInput> = {
  name: 'core.loadDunningInvoice',
  description: 'Reads the invoice a dunning run is about: status, amounts due and paid, due date, contact and subscription ids (no personal data).',
  inputSchema: {
    type: 'object',
    required: ['invoiceId'],
    additionalProperties: false,
    properties: { invoiceId: uuidField, paymentConnector: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 } },
  },
  async execute(input, context): Promise<InvoiceDunningFacts> {
    const facts = await loadInvoiceDunningFacts(context.knex, context.companyId, input.invoiceId, input.paymentConnector);
    if (!facts) throw new InvoiceNotFoundError('invoice', input.invoiceId);
    return facts;
  },
};
