/**
 * The host entities that documents, activities, calendar events and tasks may attach to,
 * as entity_type → table. The database checks entity_type against this list and the host row's tenant.
 */
export const ATTACHMENT_HOSTS = {
  contact: 'contacts',
  deal: 'deals',
  invoice: 'invoices',
  contract: 'contracts',
  contract_installment: 'contract_installments',
  payment: 'payments',
  sale: 'sales',
  product: 'products',
  service: 'services',
  subscription: 'subscriptions',
  expense: 'expenses',
  bank_account: 'bank_accounts',
  // Approval tasks of runs that are not bound to an entity are filed on the run itself.
  workflow_run: 'workflow_runs',
} as const;

export type AttachmentHostType = keyof typeof ATTACHMENT_HOSTS;

export const ATTACHMENT_TABLES = ['documents', 'activities', 'calendar_events', 'tasks'] as const;
