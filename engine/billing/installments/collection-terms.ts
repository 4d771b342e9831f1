import { parseExactDecimal } from '../../dsl/logic/decimal';
import { CollectionTermsError } from './installment-errors';

export const ALLOCATION_PARTS = ['fee', 'interest', 'principal'] as const;
export type AllocationPart = (typeof ALLOCATION_PARTS)[number];

/**
 * How a contract's installments are collected. They come from the collecting definition's variables (per tenant) and are
 * stored on the contract when its schedule is made, so the run and payments recorded through the API apply the same terms.
 */
export interface CollectionTerms {
  /** Whole days after the due date without any charge; charges start on the day after the grace period ends. */
  graceDays: number;
  /** Exact decimal text: percent of the installment's principal, charged once. */
  lateFeePercent: string;
  /** Exact decimal text: percent per 30 days late, on the open principal, counted from the due date. */
  monthlyInterestPercent: string;
  /** The order in which a payment fills the open parts; each part once. */
  allocationOrder: AllocationPart[];
}

function percentText(name: string, value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  const parsed = parseExactDecimal(text);
  if (typeof text !== 'string' || !parsed || parsed.coefficient < 0n) {
    throw new CollectionTermsError(`${name} must be a percentage written as a decimal, like "1.5", got ${JSON.stringify(value)}`, { term: name });
  }
  return text.trim();
}

/** Checks terms from a definition or a stored contract; refuses anything that would make a charge ambiguous. */
export function parseCollectionTerms(value: unknown): CollectionTerms {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CollectionTermsError('Collection terms must be an object');
  const terms = value as Record<string, unknown>;
  const { graceDays, allocationOrder } = terms;
  if (!Number.isSafeInteger(graceDays) || (graceDays as number) < 0) {
    throw new CollectionTermsError(`graceDays must be a whole number of days, 0 or more, got ${JSON.stringify(graceDays)}`, { term: 'graceDays' });
  }
  const order = Array.isArray(allocationOrder) ? allocationOrder : [];
  const isPermutation = order.length === ALLOCATION_PARTS.length && ALLOCATION_PARTS.every((part) => order.includes(part));
  if (!isPermutation) {
    throw new CollectionTermsError(`allocationOrder must list fee, interest and principal once each, got ${JSON.stringify(allocationOrder)}`, { term: 'allocationOrder' });
  }
  return {
    graceDays: graceDays as number,
    lateFeePercent: percentText('lateFeePercent', terms.lateFeePercent),
    monthlyInterestPercent: percentText('monthlyInterestPercent', terms.monthlyInterestPercent),
    allocationOrder: order as AllocationPart[],
  };
}
