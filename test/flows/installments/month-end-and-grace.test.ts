import { isLeapYear } from '../../../engine/dsl/time/calendar-date';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addDays, createInstallmentFlow, type InstallmentFlow } from './installment-flow-harness';

installQuietWorkerRuntime();
let flow: InstallmentFlow;
beforeAll(async () => {
  flow = await createInstallmentFlow();
  await flow.publish();
}, 60_000);
afterAll(() => flow?.h.teardown());

/** 31 January of the next leap year at least ten days ahead of the run's clock. */
function nextLeapYearJanuary31(today: string): string {
  let year = Number(today.slice(0, 4));
  while (!(isLeapYear(year) && `${year}-01-31` > addDays(today, 10))) year += 1;
  return `${year}-01-31`;
}

test('month-end clamping: due on the 31st through February of a leap year — reminders, overdue and charges land on the right days', async () => {
  const first = nextLeapYearJanuary31(await flow.today());
  const year = first.slice(0, 4);
  const contractId = await flow.createContract({ totalMinor: 100_000, count: 4, firstDueDate: first });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);
  expect(rows.map((row) => [row.due_date, row.principal_minor])).toEqual([
    [`${year}-01-31`, 25_000], [`${year}-02-29`, 25_000], [`${year}-03-31`, 25_000], [`${year}-04-30`, 25_000],
  ]);

  await flow.advanceTo(first, '10:00');
  await flow.pay(rows[0].id, 25_000, 'leap-1');
  const february = () => flow.h.smtp.received.filter((mail) => mail.subject.startsWith('Installment 2 ')).map((mail) => mail.subject);
  await flow.advanceTo(`${year}-02-21`, '23:00');
  expect(february()).toEqual([]);
  await flow.advanceTo(`${year}-02-22`, '09:30');
  expect(february()).toEqual([`Installment 2 of contract C-1 is due on ${year}-02-29`]);
  await flow.advanceTo(`${year}-02-28`, '09:30');
  expect(february()).toHaveLength(2);
  expect(flow.h.smtp.received.at(-1)?.raw).toContain(`is due on ${year}-02-29`);

  await flow.advanceTo(`${year}-02-29`, '23:59');
  expect((await flow.installments(contractId))[1]).toMatchObject({ status: 'open', overdue_since: null });
  await flow.advanceTo(`${year}-03-01`, '00:30');
  expect((await flow.installments(contractId))[1]).toMatchObject({ status: 'overdue', overdue_since: `${year}-03-01`, fee_minor: 0, interest_minor: 0 });
  const reminder = `Installment 2 of contract C-1 is due on ${year}-02-29`;
  expect(february()).toEqual([reminder, reminder, 'Installment 2 of contract C-1 is overdue']);

  // Grace ends after 5 March; on 6 March (6 days late): 5% of 250.00 = 12.50, and 250.00 × 1.5% × 6 / 30 = 0.75.
  await flow.advanceTo(`${year}-03-05`, '23:00');
  expect((await flow.installments(contractId))[1]).toMatchObject({ fee_minor: 0, interest_minor: 0 });
  await flow.advanceTo(`${year}-03-06`, '12:00');
  expect((await flow.installments(contractId))[1]).toMatchObject({ fee_minor: 1_250, interest_minor: 75, charges_accrued_through: `${year}-03-06` });
  await flow.pay(rows[1].id, 26_325, 'leap-2');
  await flow.advanceTo(`${year}-03-31`, '10:00');
  await flow.pay(rows[2].id, 25_000, 'leap-3');
  await flow.advanceTo(`${year}-04-30`, '10:00');
  await flow.pay(rows[3].id, 25_000, 'leap-4');
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });
  expect((await flow.installments(contractId)).map((row) => [row.status, row.paid_minor])).toEqual([
    ['paid', 25_000], ['paid', 26_325], ['paid', 25_000], ['paid', 25_000],
  ]);
});

test('grace days: paid on the last day of grace costs nothing; unpaid, the fee and interest arrive the day after, and interest keeps accruing', async () => {
  const first = addDays(await flow.today(), 10);
  // Every two weeks, from the first due date.
  const contractId = await flow.createContract({ totalMinor: 200_000, count: 2, firstDueDate: first, intervalUnit: 'week', intervalCount: 2 });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);
  const second = addDays(first, 14);
  expect(rows.map((row) => row.due_date)).toEqual([first, second]);

  await flow.advanceTo(addDays(first, 5), '23:00');
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'overdue', overdue_since: addDays(first, 1), fee_minor: 0, interest_minor: 0 });
  const withinGrace = await flow.pay(rows[0].id, 100_000, 'grace-1');
  expect(withinGrace.rows).toEqual([expect.objectContaining({ amountMinor: 100_000, allocatedFeeMinor: 0, allocatedInterestMinor: 0, allocatedPrincipalMinor: 100_000 })]);
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'paid', fee_minor: 0, interest_minor: 0, charges_accrued_through: null });

  await flow.advanceTo(addDays(second, 5), '23:59');
  expect((await flow.installments(contractId))[1]).toMatchObject({ status: 'overdue', fee_minor: 0, interest_minor: 0, charges_accrued_through: null });
  await flow.advanceTo(addDays(second, 6), '00:30');
  // 5% of 1,000.00 = 50.00; 1,000.00 × 1.5% × 6 / 30 = 3.00.
  expect((await flow.installments(contractId))[1]).toMatchObject({ fee_minor: 5_000, interest_minor: 300, charges_accrued_through: addDays(second, 6) });
  // Every installment has had its cycle: the run recomputes interest every 7 days (accrualIntervalDays) while it waits.
  await flow.advanceTo(addDays(second, 13), '00:30');
  expect((await flow.installments(contractId))[1]).toMatchObject({ fee_minor: 5_000, interest_minor: 650, charges_accrued_through: addDays(second, 13) });
  await flow.pay(rows[1].id, 105_650, 'grace-2');
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });
  expect((await flow.installments(contractId))[1]).toMatchObject({ status: 'paid', paid_minor: 105_650 });
});

test('a tenant copy with a reminder on the due date itself and no grace: reminded at 09:00 on the day, charged on the first day late', async () => {
  await flow.publish({ reminderDaysBefore: [0], graceDays: 0 });
  const due = addDays(await flow.today(), 5);
  const contractId = await flow.createContract({ totalMinor: 100_000, count: 1, firstDueDate: due });
  const handle = await flow.start(contractId);
  const { email, contract_number: number } = await flow.h.db.knex('contracts').join('contacts', 'contacts.id', 'contracts.contact_id').where('contracts.id', contractId).first('email', 'contract_number');
  const sent = () => flow.h.smtp.received.filter((mail) => mail.to.includes(email)).map((mail) => mail.subject);
  await flow.advanceTo(due, '08:59');
  expect(sent()).toEqual([]);
  await flow.advanceTo(due, '09:01');
  expect(sent()).toEqual([`Installment 1 of contract ${number} is due on ${due}`]);
  await flow.advanceTo(addDays(due, 1), '00:30');
  // One day late, no grace: fee 50.00 and 1,000.00 × 1.5% / 30 = 0.50.
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'overdue', overdue_since: addDays(due, 1), fee_minor: 5_000, interest_minor: 50 });
  expect(sent()).toEqual([`Installment 1 of contract ${number} is due on ${due}`, `Installment 1 of contract ${number} is overdue`]);
  await flow.pay((await flow.installments(contractId))[0].id, 105_050, 'no-grace');
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });
  await flow.publish();
});
