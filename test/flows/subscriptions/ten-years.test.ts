import { requestCancellation } from '../../../engine/billing/subscriptions';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { eventually } from '../../helpers/eventually';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import {
  createCompany, createPlans, dispatch, invoicesOf, isLeapYear, outputOf, payInFull, subscribe, travelTo, untilPhase, yearAhead, type Plans,
} from './subscription-world';

installQuietWorkerRuntime();
let h: EngineHarness;
let plans: Plans;
beforeAll(async () => {
  h = await createEngineHarness();
  plans = await createPlans(h);
  // Ten years of monthly billing make about 3 900 history events, under the default threshold (5 000): a lower one here
  // makes the run continue as new every few months, so the carried state (anchor, period, invoice, settings) is exercised.
  h.engine.historyLimit = 400;
}, 60_000);
afterAll(() => h?.teardown());

const MONTHS = 120;

/** The n-th monthly renewal of an anchor on the 31st, worked out independently: the 31st, or the month's last day. */
function periodStart(year: number, n: number): string {
  const monthIndex = n; // January + n
  const y = year + Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(31, lastDay)).padStart(2, '0')}`;
}

test('a subscription renewing monthly for 10 years from 31 January works to the end: 120 invoices numbered in sequence on clamped dates, across continue-as-new', async () => {
  const year = await yearAhead(h, isLeapYear);
  const company = await createCompany(h, 'ten-years');
  await travelTo(h, `${year}-01-31`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.basic);
  const firstRunId = (await handle.describe()).runId;

  for (let n = 0; n < MONTHS; n++) {
    const number = `INV-${String(n + 1).padStart(4, '0')}`;
    // Paid as soon as it exists: an invoice.paid arriving before the run waits for it is kept for that wait.
    const invoices = await eventually(() => invoicesOf(company, subscriptionId), (rows) => rows.length === n + 1, 20_000);
    expect(invoices[n].invoice_number).toBe(number);
    await payInFull(h, company, invoices[n].id);
    await untilPhase(handle, 'settled', (vars) => (vars.invoice as { invoiceNumber: string }).invoiceNumber === number);
    if (n < MONTHS - 1) await travelTo(h, periodStart(year, n + 1));
  }
  // The 120th period is paid; cancelling on its 20th day ends the run. (Not at its end: the time-skipping test server caps an
  // execution, continue-as-new chain included, at 3650 days when none is set, and ten calendar years from here are 3653.)
  await travelTo(h, `${year + 10}-01-19`);
  await requestCancellation(company.scope, subscriptionId, { effective: 'now' });
  await dispatch(h);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });

  const invoices = await invoicesOf(company, subscriptionId);
  expect(invoices.map((i) => i.invoice_number)).toEqual(Array.from({ length: MONTHS }, (_, i) => `INV-${String(i + 1).padStart(4, '0')}`));
  expect(invoices.every((i) => i.status === 'paid' && i.total_minor === 2900)).toBe(true);
  const periods = await company.scope.knex('invoice_lines').where({ company_id: company.companyId, subscription_id: subscriptionId, kind: 'subscription' })
    .orderBy('period_start').select('period_start', 'period_end');
  expect(periods.map((p) => [p.period_start, p.period_end])).toEqual(Array.from({ length: MONTHS }, (_, n) => [periodStart(year, n), periodStart(year, n + 1)]));
  // Month-end clamping from the anchor, never chained: 29 February, then back to the 31st.
  expect(periods.slice(0, 4).map((p) => p.period_start)).toEqual([`${year}-01-31`, `${year}-02-29`, `${year}-03-31`, `${year}-04-30`]);
  expect(periods[13].period_start).toBe(`${year + 1}-02-28`);
  const revenue = await company.scope.knex('revenues').where({ company_id: company.companyId }).sum('amount_minor as total').count('* as rows').first();
  expect({ total: Number(revenue?.total), rows: Number(revenue?.rows) }).toEqual({ total: MONTHS * 2900, rows: MONTHS * 2 });

  // The run continued as new along the way, each run's history stayed small, and the chain leads back to the first run.
  const runIds: string[] = [];
  let runId: string | undefined = (await handle.describe()).runId;
  while (runId) {
    runIds.unshift(runId);
    const history = await h.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    expect(history.events?.length ?? 0).toBeLessThan(1_000);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  expect(runIds[0]).toBe(firstRunId);
  expect(runIds.length).toBeGreaterThanOrEqual(5);
}, 300_000);
