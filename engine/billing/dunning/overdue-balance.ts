import type { Knex } from 'knex';

export interface OverdueBalance {
  currency: string;
  overdueMinor: number;
  invoiceCount: number;
}

/** The contact's open invoices past due on `on` (a tenant date), summed per currency: what a balance campaign acts on. */
export async function contactOverdueBalances(knex: Knex, companyId: string, contactId: string, on: string): Promise<OverdueBalance[]> {
  const rows: { currency: string; overdue: string | number; invoices: string | number }[] = await knex('invoices')
    .where({ company_id: companyId, contact_id: contactId, status: 'open' })
    .where('due_date', '<', on)
    .whereRaw('total_minor > amount_paid_minor')
    .groupBy('currency')
    .orderBy('currency')
    .select('currency', knex.raw('SUM(total_minor - amount_paid_minor)::bigint AS overdue'), knex.raw('COUNT(*)::int AS invoices'));
  return rows.map((row) => ({ currency: row.currency, overdueMinor: Number(row.overdue), invoiceCount: Number(row.invoices) }));
}

/** The balances at or above their currency's threshold; a currency without a threshold is never acted on. */
export function balancesAtThreshold(balances: OverdueBalance[], thresholds: Record<string, number>): OverdueBalance[] {
  return balances.filter((balance) => Number.isSafeInteger(thresholds[balance.currency]) && balance.overdueMinor >= thresholds[balance.currency]);
}
