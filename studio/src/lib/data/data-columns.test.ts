import { DATA_VIEW_SPECS } from './data-columns';

const cells = (view: keyof typeof DATA_VIEW_SPECS, row: Record<string, unknown>) => DATA_VIEW_SPECS[view].columns.map((column) => column.cell(row));

test('a contract row shows its total exactly from minor units with the currency and its first due day', () => {
  expect(cells('contracts', { contract_number: 'ACME-C-001', title: 'Oven lease', status: 'active', installment_count: 12, first_due_date: '2026-01-15', total_minor: 4_900_000, currency: 'EUR' }))
    .toEqual(['ACME-C-001', 'Oven lease', 'active', '12', '2026-01-15', '€49,000.00']);
});

test('an invoice row shows total and paid to the cent, and dates to the day', () => {
  expect(cells('invoices', { invoice_number: 'INV-0001', status: 'partially_paid', issue_date: '2026-11-01', due_date: '2026-11-15', total_minor: 12_345, amount_paid_minor: 5, currency: 'EUR' }))
    .toEqual(['INV-0001', 'partially paid', '2026-11-01', '2026-11-15', '€123.45', '€0.05']);
});

test('instants are cut to their day and missing values show a dash', () => {
  expect(cells('subscriptions', { status: 'past_due', started_at: '2026-03-01T08:00:00.000Z', current_period_end: null, plan_id: '0123456789abcdef' }))
    .toEqual(['past due', '2026-03-01', '—', '01234567']);
  expect(cells('contacts', { name: 'Ada', kind: 'person', email: null, status: 'active' })).toEqual(['Ada', 'person', '—', 'active']);
});

test('only money columns are right-aligned', () => {
  expect(DATA_VIEW_SPECS.invoices.columns.filter((column) => column.amount).map((column) => column.label)).toEqual(['Total', 'Paid']);
});
