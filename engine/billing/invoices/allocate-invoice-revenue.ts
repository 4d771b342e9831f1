import type { TenantScope } from '../../db/tenant-scope';
import type { RoundingMode } from '../../dsl/logic/rounding';
import { InvoiceNotPaidError, RevenueAllocationError } from './invoice-errors';
import { splitByPercent } from './revenue-split';

/** One share of an invoice's revenue: a revenue category and a cost center, by their codes, and a percentage ("60"). */
export interface RevenueAllocation {
  revenueCategory: string;
  costCenter: string;
  percent: string;
}

export interface AllocateRevenueRequest {
  invoiceId: string;
  allocations: RevenueAllocation[];
  /** The tenant's calendar date the revenue counts for. */
  recognizedOn: string;
  rounding?: RoundingMode;
}

export interface AllocatedRevenue {
  revenueId: string;
  revenueCategoryId: string;
  costCenterId: string;
  amountMinor: number;
}

/**
 * Books a paid invoice's revenue (its subtotal: tax is not revenue) as one row per allocation, split by splitByPercent so
 * the rows sum to the subtotal exactly. Shares that round to zero get no row. Allocating an invoice again returns the rows
 * it already has, so a retried step books nothing twice.
 */
export async function allocateInvoiceRevenue(scope: TenantScope, request: AllocateRevenueRequest): Promise<{ revenues: AllocatedRevenue[]; created: boolean }> {
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const invoice = await trx('invoices').where({ company_id: tx.companyId, id: request.invoiceId }).forUpdate().first('id', 'status', 'subtotal_minor', 'currency', 'invoice_number');
    if (!invoice || invoice.status !== 'paid') throw new InvoiceNotPaidError(request.invoiceId, invoice?.status);
    const existing = await trx('revenues').where({ company_id: tx.companyId, invoice_id: invoice.id }).orderBy('created_at').orderBy('id');
    if (existing.length > 0) return { revenues: existing.map(revenueOf), created: false };

    const shares = splitByPercent(invoice.subtotal_minor, request.allocations.map((a) => a.percent), request.rounding ?? 'half_up');
    const categories = await idsByCode(tx, 'revenue_categories', request.allocations.map((a) => a.revenueCategory));
    const costCenters = await idsByCode(tx, 'cost_centers', request.allocations.map((a) => a.costCenter));
    const rows = request.allocations
      .map((allocation, index) => ({
        company_id: tx.companyId, invoice_id: invoice.id, revenue_category_id: categories.get(allocation.revenueCategory), cost_center_id: costCenters.get(allocation.costCenter),
        description: `Invoice ${invoice.invoice_number}`, amount_minor: shares[index], currency: invoice.currency, recognized_on: request.recognizedOn,
      }))
      .filter((row) => row.amount_minor > 0);
    const inserted = rows.length > 0 ? await trx('revenues').insert(rows).returning('*') : [];
    return { revenues: inserted.map(revenueOf), created: true };
  });
}

async function idsByCode(tx: TenantScope, table: 'revenue_categories' | 'cost_centers', codes: string[]): Promise<Map<string, string>> {
  const rows: { id: string; code: string }[] = await tx.knex(table).where({ company_id: tx.companyId }).whereIn('code', codes).select('id', 'code');
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  const missing = [...new Set(codes)].filter((code) => !ids.has(code));
  if (missing.length > 0) throw new RevenueAllocationError(`No ${table === 'cost_centers' ? 'cost center' : 'revenue category'} with code ${missing.join(', ')} in this tenant`, { table, missing });
  return ids;
}

function revenueOf(row: Record<string, unknown>): AllocatedRevenue {
  return { revenueId: row.id as string, revenueCategoryId: row.revenue_category_id as string, costCenterId: row.cost_center_id as string, amountMinor: Number(row.amount_minor) };
}
