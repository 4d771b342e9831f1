import { eventNameProblem, parseJsonObject } from './start-run-form';

test('an empty box is an empty object, and a JSON object passes through', () => {
  expect(parseJsonObject('  ')).toEqual({ ok: true, value: {} });
  expect(parseJsonObject('{"contractId":"c-1","amount":1050}')).toEqual({ ok: true, value: { contractId: 'c-1', amount: 1050 } });
});

test('broken JSON, arrays, strings and null are refused with words', () => {
  expect(parseJsonObject('{"a":')).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON: /) });
  for (const text of ['[1]', '"text"', 'null', '42']) expect(parseJsonObject(text)).toEqual({ ok: false, error: 'Enter a JSON object, e.g. { "contractId": "…" }.' });
});

test('event names must be dotted lowercase words, as the API requires', () => {
  expect(eventNameProblem('payment.received')).toBeNull();
  expect(eventNameProblem('invoice.disputed_twice')).toBeNull();
  for (const name of ['payment', 'Payment.Received', 'payment..received', `a.${'b'.repeat(100)}`]) expect(eventNameProblem(name)).toBe('Use dotted lowercase words, e.g. invoice.disputed.');
});
