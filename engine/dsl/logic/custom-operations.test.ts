import jsonLogic from 'json-logic-js';
import { evaluateLogic } from './logic-engine';

const run = (rule: unknown, data: Record<string, unknown> = {}) => evaluateLogic(rule, data);

describe('date operations', () => {
  it('date_add_days crosses the leap day of 2024', () => {
    expect(run({ date_add_days: ['2024-02-28', 1] })).toBe('2024-02-29');
    expect(run({ date_add_days: ['2024-03-01', -1] })).toBe('2024-02-29');
  });

  it('date_add_months clamps 2024-01-31 + 1 month to 2024-02-29, and 2023 to 02-28', () => {
    expect(run({ date_add_months: ['2024-01-31', 1] })).toBe('2024-02-29');
    expect(run({ date_add_months: ['2023-01-31', 1] })).toBe('2023-02-28');
  });

  it('date_add_months from a month-end anchor walks a whole installment schedule through February', () => {
    const schedule = [0, 1, 2, 3].map((n) => run({ date_add_months: ['2024-01-31', n] }));
    expect(schedule).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('days_between counts signed calendar days, including 29 February', () => {
    expect(run({ days_between: ['2024-02-01', '2024-03-01'] })).toBe(29);
    expect(run({ days_between: ['2024-03-01', '2024-02-01'] })).toBe(-29);
  });

  it('date operations read dates from the run data', () => {
    expect(run({ date_add_days: [{ var: 'today' }, 14] }, { today: '2024-12-25' })).toBe('2025-01-08');
  });

  it('rejects a date that is not YYYY-MM-DD and a fractional day count', () => {
    expect(() => run({ date_add_days: ['31/01/2024', 1] })).toThrow(/YYYY-MM-DD/);
    expect(() => run({ date_add_days: ['2024-01-31', 1.5] })).toThrow(/whole number/);
  });
});

describe('money operations', () => {
  it('money_add and money_sub stay in integer minor units', () => {
    expect(run({ money_add: [1999, 1, 100] })).toBe(2100);
    expect(run({ money_sub: [10000, 2500, 1] })).toBe(7499);
  });

  it('money_add refuses fractional amounts rather than carrying floats', () => {
    expect(() => run({ money_add: [19.99, 1] })).toThrow(/minor units/);
  });

  it.each([
    ['half_up', 1235], ['half_even', 1234], ['down', 1234], ['up', 1235],
  ])('money_mul(2469, "0.5", %s) rounds the half cent to %p', (mode, expected) => {
    expect(run({ money_mul: [2469, '0.5', mode] })).toBe(expected);
  });

  it('money_mul rounds negative amounts symmetrically', () => {
    expect(run({ money_mul: [-2469, '0.5', 'half_up'] })).toBe(-1235);
    expect(run({ money_mul: [-2469, '0.5', 'down'] })).toBe(-1234);
  });

  it('money_mul treats 0.1 as exactly one tenth: 0.1 * 3 cents is 0.3, down to 0', () => {
    expect(run({ money_mul: [3, 0.1, 'down'] })).toBe(0);
    expect(run({ money_mul: [30, 0.1, 'down'] })).toBe(3);
  });

  it('money_mul requires an explicit rounding mode', () => {
    expect(() => run({ money_mul: [100, '1.5'] })).toThrow(/rounding mode/);
    expect(() => run({ money_mul: [100, '1.5', 'nearest'] })).toThrow(/half_up, half_even, down, up/);
  });

  it.each([
    ['half_up', 1], ['half_even', 0], ['down', 0], ['up', 1],
  ])('percent_of(10, "5", %s) of a 10-cent amount is %p cents', (mode, expected) => {
    expect(run({ percent_of: [10, '5', mode] })).toBe(expected);
  });

  it('percent_of takes decimal percentages: 7.5% of 100.00 is 7.50', () => {
    expect(run({ percent_of: [10000, '7.5', 'half_up'] })).toBe(750);
    expect(run({ percent_of: [1999, 19.6, 'half_even'] })).toBe(392);
  });

  it('percent_of results past the safe integer range are refused', () => {
    expect(() => run({ percent_of: [Number.MAX_SAFE_INTEGER, '200', 'down'] })).toThrow(/too large/);
  });
});

describe('the logic engine', () => {
  it('refuses operators outside the allowed set, including log', () => {
    expect(() => run({ log: 1 })).toThrow(/unknown operation "log"/);
    expect(() => run({ eval: 'x' })).toThrow(/unknown operation "eval"/);
  });

  it('does not leave its operations registered on the shared json-logic-js module', () => {
    run({ date_add_days: ['2024-01-01', 1] });
    expect(() => jsonLogic.apply({ date_add_days: ['2024-01-01', 1] } as never)).toThrow(/Unrecognized operation/);
  });

  it('custom operations work inside map, whose body sees each element', () => {
    expect(run({ map: [{ var: 'amounts' }, { percent_of: [{ var: '' }, '10', 'half_up'] }] }, { amounts: [1000, 15] })).toEqual([100, 2]);
  });
});

describe('object', () => {
  it('builds an object from key/value pairs read from the run data', () => {
    const rule = { object: ['invoiceNumber', { var: 'input.invoiceId' }, 'amountDue', { money_add: [{ var: 'input.amountDue' }, 250] }, 'missing', { var: 'input.nothing' }] };
    expect(run(rule, { input: { invoiceId: 'INV-7', amountDue: 12_300 } })).toEqual({ invoiceNumber: 'INV-7', amountDue: 12_550, missing: null });
  });

  it('refuses an odd number of arguments, a key that is not a name, and a key given twice', () => {
    expect(() => run({ object: ['a', 1, 'b'] })).toThrow(/odd number/);
    expect(() => run({ object: [7, 1] })).toThrow(/argument 1 is 7/);
    expect(() => run({ object: ['ok_key', 1, 'a b', 2] })).toThrow(/argument 3 is "a b"/);
    expect(() => run({ object: ['a', 1, 'a', 2] })).toThrow(/"a" twice/);
  });
});
