import type { AllocationPart } from './collection-terms';

export type MoneyParts = Record<AllocationPart, number>;

export interface Allocation {
  allocated: MoneyParts;
  /** Cash left after every open part is filled: carried to the next installment, or kept as credit. */
  restMinor: number;
}

/** Fills the open parts in `order` with `cashMinor`; what is allocated plus the rest is always exactly the cash. */
export function allocatePayment(cashMinor: number, open: MoneyParts, order: readonly AllocationPart[]): Allocation {
  if (!Number.isSafeInteger(cashMinor) || cashMinor < 0) throw new RangeError(`cash must be whole minor units, got ${cashMinor}`);
  const allocated: MoneyParts = { fee: 0, interest: 0, principal: 0 };
  let rest = cashMinor;
  for (const part of order) {
    const take = Math.min(rest, Math.max(open[part], 0));
    allocated[part] = take;
    rest -= take;
  }
  return { allocated, restMinor: rest };
}
