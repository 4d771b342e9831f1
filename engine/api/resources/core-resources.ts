import { randomBytes } from 'node:crypto';
import { BankAccount, Contact, Contract, ContractInstallment, Deal, Invoice, InvoiceLine, Payment, Product, Service, Subscription, WebhookEndpoint } from '../../db/models';
import { checkInvoiceDelete, checkInvoicePatch } from './invoice-edit-rules';
import { PLACEHOLDER_ID, type ResourceDefinition } from './resource-definition';

/**
 * The resources the studio and integrations use most: CRM, catalog, billing, banking, webhooks. Installments and
 * payments are read-only here: their amounts and statuses are derived by the database, and payments are recorded
 * through their own domain actions.
 */
export const CORE_RESOURCES: ResourceDefinition[] = [
  {
    table: 'contacts',
    eventEntity: 'contact',
    model: Contact,
    tag: 'CRM',
    summary: 'contacts (customers and prospects)',
    writable: ['kind', 'name', 'email', 'phone', 'tax_id', 'address', 'status'],
    requiredOnCreate: ['name'],
    deletable: true,
    filters: ['status'],
    example: { kind: 'organization', name: 'Lisbon Bakery Lda', email: 'accounts@lisbonbakery.test' },
  },
  {
    table: 'deals',
    eventEntity: 'deal',
    model: Deal,
    tag: 'CRM',
    summary: 'deals',
    writable: ['contact_id', 'owner_user_id', 'title', 'stage', 'amount_minor', 'currency', 'expected_close_date'],
    requiredOnCreate: ['contact_id', 'title', 'currency'],
    deletable: true,
    filters: ['contact_id', 'owner_user_id', 'stage'],
    references: { contact_id: 'contacts', owner_user_id: 'users' },
    example: { contact_id: PLACEHOLDER_ID, owner_user_id: PLACEHOLDER_ID, title: 'Oven lease', amount_minor: 1_200_000, currency: 'EUR' },
  },
  {
    table: 'products',
    model: Product,
    tag: 'Catalog',
    summary: 'products',
    writable: ['sku', 'name', 'description', 'unit_price_minor', 'currency', 'active'],
    requiredOnCreate: ['sku', 'name', 'currency'],
    deletable: true,
    filters: ['sku'],
    sortable: ['sku'],
    example: { sku: 'OVEN-2', name: 'Deck oven', unit_price_minor: 450_000, currency: 'EUR' },
  },
  {
    table: 'services',
    model: Service,
    tag: 'Catalog',
    summary: 'services',
    writable: ['code', 'name', 'description', 'unit_price_minor', 'currency', 'billing_unit', 'active'],
    requiredOnCreate: ['name', 'currency'],
    deletable: true,
    filters: [],
    example: { name: 'Installation', unit_price_minor: 15_000, currency: 'EUR', billing_unit: 'hour' },
  },
  {
    table: 'invoices',
    eventEntity: 'invoice',
    model: Invoice,
    tag: 'Billing',
    summary: 'invoices (issued through POST /api/invoices, which numbers them; status moves through the invoice actions)',
    // Created only by the invoice action, so the number always comes from the tenant's sequence. The number is fixed once
    // issued; amount_paid_minor and paid_at follow from payments. Status moves only through the invoice actions
    // (finalize, void, mark-uncollectible) and payments, never by writing it; amounts are editable only on a draft.
    creatable: false,
    writable: ['subscription_id', 'currency', 'subtotal_minor', 'tax_minor', 'total_minor', 'issue_date', 'due_date'],
    checkPatch: checkInvoicePatch,
    checkDelete: checkInvoiceDelete,
    deletable: true,
    filters: ['contact_id', 'subscription_id', 'invoice_number', 'status'],
    sortable: ['invoice_number'],
    references: { subscription_id: 'subscriptions' },
  },
  {
    table: 'invoice_lines',
    model: InvoiceLine,
    tag: 'Billing',
    summary: 'invoice lines (read-only: written with their invoice, or booked as pending proration by the subscription run)',
    filters: ['invoice_id'],
  },
  {
    table: 'contracts',
    eventEntity: 'contract',
    model: Contract,
    tag: 'Billing',
    summary: 'installment contracts',
    writable: ['contact_id', 'contract_number', 'title', 'status', 'currency', 'total_minor', 'installment_count', 'first_due_date', 'interval_unit', 'interval_count', 'signed_at'],
    createOnly: ['contact_id'],
    requiredOnCreate: ['contact_id', 'contract_number', 'title', 'currency', 'installment_count', 'first_due_date'],
    deletable: true,
    filters: ['contact_id', 'contract_number', 'status'],
    sortable: ['contract_number'],
    references: { contact_id: 'contacts' },
    example: { contact_id: PLACEHOLDER_ID, contract_number: 'C-2001', title: 'Kitchen refit', currency: 'EUR', total_minor: 300_000, installment_count: 3, first_due_date: '2026-12-15' },
  },
  {
    table: 'contract_installments',
    model: ContractInstallment,
    tag: 'Billing',
    summary: 'contract installments (read-only: amounts and status derive from payments)',
    filters: ['contract_id', 'status'],
  },
  {
    table: 'payments',
    model: Payment,
    tag: 'Billing',
    summary: 'payments and reversals (read-only here: record them through the payment actions)',
    filters: ['installment_id', 'invoice_id', 'contact_id', 'bank_account_id', 'reverses_payment_id', 'status'],
  },
  {
    table: 'subscriptions',
    model: Subscription,
    tag: 'Billing',
    // Read-only: the subscription-lifecycle run is the one writer of status, periods and cancellation, so rows are created
    // and changed only through the subscription actions (engine/api/routes/subscription-routes.ts).
    summary: 'subscriptions to plans (read-only here: activate and change them through the subscription actions)',
    filters: ['plan_id', 'contact_id', 'status'],
  },
  {
    table: 'bank_accounts',
    model: BankAccount,
    tag: 'Banking',
    summary: 'bank accounts',
    writable: ['name', 'bank_name', 'account_number_last4', 'currency', 'opening_balance_minor', 'active'],
    requiredOnCreate: ['name', 'currency'],
    deletable: true,
    filters: [],
    example: { name: 'Operating account', bank_name: 'Banco Exemplo', account_number_last4: '4242', currency: 'EUR' },
  },
  {
    table: 'webhook_endpoints',
    model: WebhookEndpoint,
    tag: 'Integrations',
    summary: 'webhook endpoints (the signing secret is generated and shown once, at creation)',
    writable: ['url', 'description', 'event_types', 'active'],
    requiredOnCreate: ['url'],
    deletable: true,
    filters: [],
    example: { url: 'https://hooks.example.test/ledgerflow', event_types: ['invoice.paid'] },
    // Event types as engine/webhooks matches them: `invoice.paid`, a family `invoice.*`, or `*`; a typo is refused, not silently never matched.
    requestFieldSchemas: {
      event_types: { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', maxLength: 100, pattern: '^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.(\\*|[a-z][a-z0-9_]*))$' } },
    },
    prepareCreate(body, services) {
      const signingSecret = `whsec_${randomBytes(24).toString('base64url')}`;
      return { row: { ...body, secret_encrypted: services.secretBox.seal(signingSecret) }, reveal: { signing_secret: signingSecret } };
    },
  },
];
