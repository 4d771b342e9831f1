import { addCalendarMonths, formatCalendarDate, parseCalendarDate } from '../../../engine/dsl/time/calendar-date';
import { addDays, type InstallmentFlow, type InstallmentRowView } from './installment-flow-harness';

/** EUR 10,000.00 in 12 monthly installments: 11 × 833.33 and 833.37 (the remainder on the last). */
export const TWELVE = { totalMinor: 1_000_000, count: 12 };

export interface PaymentRowView {
  idempotency_key: string;
  sequence: number | null;
  received_on: string;
  amount_minor: number;
  allocated_fee_minor: number;
  allocated_interest_minor: number;
  allocated_principal_minor: number;
  carried: boolean;
}

export interface TwelveInstallmentOutcome {
  contractId: string;
  firstDueDate: string;
  dueDates: string[];
  /** Installment 2 right after its partial payment, installment 3 on the last day of grace and the day after it. */
  afterPartial: InstallmentRowView;
  lastGraceDay: InstallmentRowView;
  firstChargeDay: InstallmentRowView;
  installments: InstallmentRowView[];
  payments: PaymentRowView[];
  emails: { to: string[]; subject: string; raw: string }[];
  runOutput: unknown;
  contractStatus: string;
  completedEvents: number;
  /** Emails received by `${date} ${time}`, tenant time. */
  sentBy: Record<string, number>;
}

/** The 15th of the month after next: at least six weeks ahead, so both reminders of the first installment go out. */
export function firstDueDateFrom(today: string): string {
  const date = parseCalendarDate(today)!;
  return formatCalendarDate(addCalendarMonths({ ...date, day: 15 }, 2));
}

/**
 * The 12-installment case, driven through the real run: #1 paid on its due date; #2 paid partly three days early and the
 * rest on its due date; #3 paid 12 days late (after the 5 grace days) with its fee and interest; #4 and #5 on time; then
 * one payment ten days before #6 is due pays off #6–#12.
 */
export async function runTwelveInstallmentScenario(flow: InstallmentFlow): Promise<TwelveInstallmentOutcome> {
  const firstDueDate = firstDueDateFrom(await flow.today());
  const contractId = await flow.createContract({ ...TWELVE, firstDueDate });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);
  const due = rows.map((row) => row.due_date);
  const row = async (sequence: number) => (await flow.installments(contractId))[sequence - 1];

  // Emails received by each moment, to prove the reminders' and the overdue notice's days.
  const sentBy: Record<string, number> = {};
  const countAt = async (date: string, time: string) => {
    await flow.advanceTo(date, time);
    sentBy[`${date} ${time}`] = flow.h.smtp.received.length;
  };
  await countAt(addDays(due[0], -8), '23:00');
  await countAt(addDays(due[0], -7), '09:30');
  await countAt(addDays(due[0], -2), '23:00');
  await countAt(addDays(due[0], -1), '09:30');
  await flow.advanceTo(due[0], '10:00');
  await flow.pay(rows[0].id, 83_333, 'c12-1');

  await flow.advanceTo(addDays(due[1], -3), '10:00');
  await flow.pay(rows[1].id, 30_000, 'c12-2-partial');
  const afterPartial = await row(2);
  await flow.advanceTo(due[1], '10:00');
  await flow.pay(rows[1].id, 53_333, 'c12-2-rest');

  await countAt(due[2], '23:59');
  await countAt(addDays(due[2], 1), '00:30');
  await flow.advanceTo(addDays(due[2], 5), '23:00');
  const lastGraceDay = await row(3);
  await flow.advanceTo(addDays(due[2], 6), '12:00');
  const firstChargeDay = await row(3);
  await flow.advanceTo(addDays(due[2], 12), '10:00');
  await flow.pay(rows[2].id, 88_000, 'c12-3-late');

  await flow.advanceTo(due[3], '10:00');
  await flow.pay(rows[3].id, 83_333, 'c12-4');
  await flow.advanceTo(due[4], '10:00');
  await flow.pay(rows[4].id, 83_333, 'c12-5');

  await flow.advanceTo(addDays(due[5], -10), '10:00');
  await flow.pay(rows[5].id, 6 * 83_333 + 83_337, 'c12-payoff');
  const runOutput = await flow.output(handle);

  const knex = flow.h.db.knex;
  const payments: PaymentRowView[] = (
    await knex('payments as p')
      .leftJoin('contract_installments as i', 'i.id', 'p.installment_id')
      .where('p.company_id', flow.h.companyId)
      .where('p.idempotency_key', 'like', 'c12-%')
      .orderBy([{ column: 'p.received_at' }, { column: 'i.sequence' }])
      .select('p.idempotency_key', 'i.sequence', knex.raw(`to_char(p.received_at AT TIME ZONE 'Europe/Lisbon', 'YYYY-MM-DD') AS received_on`),
        'p.amount_minor', 'p.allocated_fee_minor', 'p.allocated_interest_minor', 'p.allocated_principal_minor', knex.raw('p.carried_from_payment_id IS NOT NULL AS carried'))
  );
  const contract = await knex('contracts').where({ id: contractId }).first('status');
  const [{ count }] = await knex('domain_events').where({ name: 'contract.completed', entity_id: contractId }).count({ count: '*' });
  const address = (await knex('contacts').join('contracts', 'contracts.contact_id', 'contacts.id').where('contracts.id', contractId).first('contacts.email')).email;
  return {
    contractId, firstDueDate, dueDates: due, afterPartial, lastGraceDay, firstChargeDay,
    installments: await flow.installments(contractId), payments,
    emails: flow.h.smtp.received.filter((mail) => mail.to.includes(address)).map(({ to, subject, raw }) => ({ to, subject, raw })),
    runOutput, contractStatus: contract.status, completedEvents: Number(count), sentBy,
  };
}
