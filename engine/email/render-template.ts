import type { EmailTemplate } from './default-templates';

/** Formats integer minor units in a currency, e.g. 123456 EUR → "EUR 1,234.56"; no floating point is involved. */
export function formatMoney(minor: unknown, currency: unknown): string {
  if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) return String(minor);
  const code = typeof currency === 'string' ? currency : '';
  const digits = code === 'JPY' || code === 'KRW' ? 0 : 2;
  const sign = minor < 0 ? '-' : '';
  const absolute = Math.abs(minor);
  const whole = Math.floor(absolute / 10 ** digits).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits ? `.${(absolute % 10 ** digits).toString().padStart(digits, '0')}` : '';
  return `${code ? `${code} ` : ''}${sign}${whole}${fraction}`;
}

function fill(text: string, data: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)(\|money)?\s*\}\}/g, (_match, field: string, money?: string) => {
    const value = data[field];
    if (value === undefined || value === null) return '';
    return money ? formatMoney(value, data.currency) : String(value);
  });
}

export function renderTemplate(template: EmailTemplate, data: Record<string, unknown>): EmailTemplate {
  return { subject: fill(template.subject, data).replace(/\s+/g, ' ').trim(), text: fill(template.text, data) };
}
