import { installmentRows, nextPayable } from './installments';
import type { ContractInstallment } from './data-types';
import { installmentTarget, invoiceTarget, paymentPath } from './payment-target';

const installment = (sequence: number, fields: Partial<ContractInstallment>): ContractInstallment => ({
  id: `i-${sequence}`, contract_id: 'c-1', sequence, due_date: `2026-0${sequence}-15`, currency: 'EUR', principal_minor: 408_333, fee_minor: 0, interest_minor: 0, paid_minor: 0, status: 'open', ...fields,
});

test('rows are in installment order with amount = principal + fee + interest and the open rest to the minor unit', () => {
  const rows = installmentRows([
    installment(2, { principal_minor: 408_334, fee_minor: 20_417, interest_minor: 6_125, paid_minor: 100_000, status: 'overdue' }),
    installment(1, { paid_minor: 408_333, status: 'paid' }),
  ]);
  expect(rows).toEqual([
    { id: 'i-1', number: 1, dueDate: '2026-01-15', currency: 'EUR', amountMinor: 408_333, paidMinor: 408_333, openMinor: 0, status: 'paid', statusLabel: 'Paid', payable: false },
    { id: 'i-2', number: 2, dueDate: '2026-02-15', currency: 'EUR', amountMinor: 434_876, paidMinor: 100_000, openMinor: 334_876, status: 'overdue', statusLabel: 'Overdue', payable: true },
  ]);
});

test('an overpaid installment has nothing open, and a canceled one takes no payment', () => {
  const [overpaid, canceled] = installmentRows([installment(1, { paid_minor: 500_000, status: 'paid' }), installment(2, { status: 'canceled' })]);
  expect([overpaid.openMinor, overpaid.payable, canceled.payable, canceled.statusLabel]).toEqual([0, false, false, 'Canceled']);
});

test('the next payable installment is the first one with something open', () => {
  const rows = installmentRows([installment(1, { paid_minor: 408_333, status: 'paid' }), installment(2, { paid_minor: 8_333, status: 'partially_paid' }), installment(3, {})]);
  expect(nextPayable(rows)?.number).toBe(2);
  expect(nextPayable(installmentRows([installment(1, { paid_minor: 408_333, status: 'paid' })]))).toBeUndefined();
});

test('payment targets name the route, the currency and what is open', () => {
  const [row] = installmentRows([installment(3, { paid_minor: 8_333, status: 'partially_paid' })]);
  const target = installmentTarget(row);
  expect(target).toEqual({ kind: 'installment', id: 'i-3', label: 'installment 3', currency: 'EUR', openMinor: 400_000 });
  expect(paymentPath(target)).toBe('/api/contract-installments/i-3/payments');
  const invoice = invoiceTarget({ id: 'v-1', contact_id: 'p', invoice_number: 'INV-0007', status: 'open', currency: 'EUR', total_minor: 12_100, amount_paid_minor: 2_100, issue_date: '2026-11-01', due_date: '2026-11-15' });
  expect(invoice).toEqual({ kind: 'invoice', id: 'v-1', label: 'invoice INV-0007', currency: 'EUR', openMinor: 10_000 });
  expect(paymentPath(invoice)).toBe('/api/invoices/v-1/payments');
});
