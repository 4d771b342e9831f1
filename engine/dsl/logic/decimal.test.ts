import { parseExactDecimal } from './decimal';

describe('parseExactDecimal', () => {
  it('reads decimal strings exactly', () => {
    expect(parseExactDecimal('7.5')).toEqual({ coefficient: 75n, scale: 1 });
    expect(parseExactDecimal('-0.125')).toEqual({ coefficient: -125n, scale: 3 });
    expect(parseExactDecimal('12')).toEqual({ coefficient: 12n, scale: 0 });
  });

  it('reads numbers through their shortest text, so 0.1 is exactly one tenth', () => {
    expect(parseExactDecimal(0.1)).toEqual({ coefficient: 1n, scale: 1 });
    expect(parseExactDecimal(1e-7)).toEqual({ coefficient: 1n, scale: 7 });
    expect(parseExactDecimal(2e21)).toEqual({ coefficient: 2000000000000000000000n, scale: 0 });
  });

  it.each(['', 'abc', '1.2.3', '1,5', NaN, Infinity, null, {}])('rejects %p', (value) => {
    expect(parseExactDecimal(value)).toBeNull();
  });
});
