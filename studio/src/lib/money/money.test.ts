import { formatMoney, minorDigits, minorToDecimalText, parseMoney } from './money';

describe('formatMoney', () => {
  test('shows EUR minor units with two exact decimals and grouping', () => {
    expect(formatMoney(1_000_000, 'EUR')).toBe('€10,000.00');
    expect(formatMoney(1, 'EUR')).toBe('€0.01');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
  });

  test('keeps the sign of negative amounts, including those under one unit', () => {
    expect(formatMoney(-50, 'EUR')).toBe('-€0.50');
    expect(formatMoney(-123_456, 'USD')).toBe('-$1,234.56');
  });

  test('uses the currency own number of decimals (JPY none, BHD three)', () => {
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
    expect(formatMoney(1_234_567, 'BHD')).toBe('BHD\u00a01,234.567');
  });

  test('stays exact beyond the float-safe range when given a bigint', () => {
    expect(formatMoney(9_007_199_254_740_993n, 'EUR')).toBe('€90,071,992,547,409.93');
  });

  test('refuses a fractional number of minor units instead of rounding it', () => {
    expect(() => formatMoney(10.5, 'EUR')).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  test('turns typed decimals into exact minor units', () => {
    expect(parseMoney('1500', 'EUR')).toEqual({ ok: true, amountMinor: 150_000 });
    expect(parseMoney('1500.5', 'EUR')).toEqual({ ok: true, amountMinor: 150_050 });
    expect(parseMoney(' 0.29 ', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseMoney('4083.33', 'EUR')).toEqual({ ok: true, amountMinor: 408_333 });
    expect(parseMoney('250', 'JPY')).toEqual({ ok: true, amountMinor: 250 });
  });

  test('refuses more decimals than the currency has, rather than rounding', () => {
    expect(parseMoney('10.005', 'EUR')).toEqual({ ok: false, error: 'EUR has at most 2 decimals.' });
    expect(parseMoney('10.5', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimals.' });
  });

  test('refuses commas, signs, words, zero and empty text with words to act on', () => {
    expect(parseMoney('1,500.00', 'EUR')).toMatchObject({ ok: false, error: expect.stringContaining('dot for decimals') });
    expect(parseMoney('-5', 'EUR')).toMatchObject({ ok: false, error: expect.stringContaining('positive amount') });
    expect(parseMoney('1e3', 'EUR')).toMatchObject({ ok: false });
    expect(parseMoney('0.00', 'EUR')).toEqual({ ok: false, error: 'The amount must be more than zero.' });
    expect(parseMoney('', 'EUR')).toEqual({ ok: false, error: 'Enter an amount.' });
  });

  test('refuses amounts beyond what the API can carry exactly', () => {
    expect(parseMoney('90071992547409.92', 'EUR')).toEqual({ ok: false, error: 'The amount is too large.' });
    expect(parseMoney('90071992547409.91', 'EUR')).toEqual({ ok: true, amountMinor: Number.MAX_SAFE_INTEGER });
  });
});

describe('minorToDecimalText', () => {
  test('writes minor units back as the decimal parseMoney reads', () => {
    expect(minorToDecimalText(408_333, 'EUR')).toBe('4083.33');
    expect(minorToDecimalText(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalText(-120, 'EUR')).toBe('-1.20');
    expect(minorToDecimalText(700, 'JPY')).toBe('700');
    expect(parseMoney(minorToDecimalText(123_456_789, 'EUR'), 'EUR')).toEqual({ ok: true, amountMinor: 123_456_789 });
  });

  test('knows the minor digits of common currencies', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });
});
