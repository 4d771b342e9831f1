/**
 * Money in the studio: amounts travel as integer minor units with a currency, and are shown and typed as decimals.
 * Every conversion goes through BigInt and strings, never floats, so 0.1 + 0.2 never turns into a cent off.
 */

/** How many minor-unit digits a currency has (EUR 2, JPY 0, BHD 3), as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function toBigInt(amountMinor: number | bigint): bigint {
  if (typeof amountMinor === 'bigint') return amountMinor;
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`${amountMinor} is not a whole number of minor units`);
  return BigInt(amountMinor);
}

/**
 * `formatMoney(1_000_000, 'EUR')` → "€10,000.00". Intl lays out the sign, symbol and separators from a template
 * (formatting ±1), while the digits come from BigInt arithmetic, so amounts beyond 2^53 stay exact.
 */
export function formatMoney(amountMinor: number | bigint, currency: string, locale = 'en-US'): string {
  const minor = toBigInt(amountMinor);
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const magnitude = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(magnitude / scale);
  const fraction = (magnitude % scale).toString().padStart(digits, '0');
  const template = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).formatToParts(negative ? -1 : 1);
  let text = '';
  let wholeWritten = false;
  for (const part of template) {
    if (part.type === 'integer' || part.type === 'group') {
      if (!wholeWritten) text += whole;
      wholeWritten = true;
    } else if (part.type === 'fraction') text += fraction;
    else text += part.value;
  }
  return text;
}

export type ParsedAmount = { ok: true; amountMinor: number } | { ok: false; error: string };

/**
 * A positive decimal typed by a person ("1500", "1500.5", "1500.50") → minor units of the currency. Commas are
 * refused rather than guessed: "1,500" is a thousand and a half in some places and one and a half in others.
 */
export function parseMoney(text: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter an amount.' };
  if (trimmed.includes(',')) return { ok: false, error: 'Use a dot for decimals and no thousands separators, e.g. 1500.50.' };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { ok: false, error: 'Enter a positive amount in digits, e.g. 1500.50.' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits) return { ok: false, error: digits === 0 ? `${currency} has no decimals.` : `${currency} has at most ${digits} decimals.` };
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  if (minor <= 0n) return { ok: false, error: 'The amount must be more than zero.' };
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'The amount is too large.' };
  return { ok: true, amountMinor: Number(minor) };
}

/** Minor units as the plain decimal a person would type back: 1050 EUR → "10.50" (pre-fills payment forms). */
export function minorToDecimalText(amountMinor: number | bigint, currency: string): string {
  const minor = toBigInt(amountMinor);
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const magnitude = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return negative ? `-${text}` : text;
}
