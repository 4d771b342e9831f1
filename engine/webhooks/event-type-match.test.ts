import { subscribesTo } from './event-type-match';

test.each([
  [['invoice.paid'], 'invoice.paid', true],
  [['invoice.paid'], 'invoice.overdue', false],
  [['invoice.*'], 'invoice.overdue', true],
  [['invoice.*'], 'invoice.line.added', true],
  [['invoice.*'], 'invoices.paid', false],
  [['invoice.*'], 'invoice', false],
  [['*'], 'payment.received', true],
  [[], 'invoice.paid', false],
  [[42, null, 'payment.received'], 'payment.received', true],
] as const)('event types %j subscribe to %s: %s', (eventTypes, eventType, expected) => {
  expect(subscribesTo(eventTypes, eventType)).toBe(expected);
});
