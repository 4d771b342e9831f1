import { DEFAULT_EMAIL_TEMPLATES } from './default-templates';
import { formatMoney, renderTemplate } from './render-template';

test('money placeholders format minor units exactly, with grouping and the currency', () => {
  expect(formatMoney(123456, 'EUR')).toBe('EUR 1,234.56');
  expect(formatMoney(5, 'USD')).toBe('USD 0.05');
  expect(formatMoney(-100001, 'EUR')).toBe('EUR -1,000.01');
  expect(formatMoney(1500, 'JPY')).toBe('JPY 1,500');
});

test('a template fills its placeholders from the data and leaves missing ones empty', () => {
  const rendered = renderTemplate(DEFAULT_EMAIL_TEMPLATES['invoice-reminder'], { invoiceNumber: 'INV-7', amountDue: 12300, currency: 'EUR', dueDate: '2026-11-30' });
  expect(rendered.subject).toBe('Reminder: invoice INV-7 is overdue');
  expect(rendered.text).toContain('Invoice INV-7 for EUR 123.00 was due on 2026-11-30.');
  expect(rendered.text).toContain('Hello ,');
});
