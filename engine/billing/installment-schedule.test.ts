import { scheduleInstallments } from './installment-schedule';

test('the remainder of an uneven split goes on the last installment and the parts sum to the total', () => {
  const schedule = scheduleInstallments({ totalMinor: 100000, count: 3, firstDueDate: '2026-01-15', intervalUnit: 'month', intervalCount: 1 });
  expect(schedule.map((i) => i.principalMinor)).toEqual([33333, 33333, 33334]);
  expect(schedule.reduce((sum, i) => sum + i.principalMinor, 0)).toBe(100000);
});

test('monthly due dates from the 31st clamp to each month end, through February of a leap year, without drifting', () => {
  const schedule = scheduleInstallments({ totalMinor: 400, count: 4, firstDueDate: '2024-01-31', intervalUnit: 'month', intervalCount: 1 });
  expect(schedule.map((i) => i.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
});

test('every-N-weeks and every-N-days schedules count from the first due date', () => {
  expect(scheduleInstallments({ totalMinor: 3, count: 3, firstDueDate: '2026-12-28', intervalUnit: 'week', intervalCount: 2 }).map((i) => i.dueDate)).toEqual([
    '2026-12-28',
    '2027-01-11',
    '2027-01-25',
  ]);
  expect(scheduleInstallments({ totalMinor: 3, count: 3, firstDueDate: '2026-02-27', intervalUnit: 'day', intervalCount: 1 }).map((i) => i.dueDate)).toEqual([
    '2026-02-27',
    '2026-02-28',
    '2026-03-01',
  ]);
});

test('bad terms are refused with a message naming the term', () => {
  const terms = { totalMinor: 100, count: 2, firstDueDate: '2026-01-01', intervalUnit: 'month' as const, intervalCount: 1 };
  expect(() => scheduleInstallments({ ...terms, totalMinor: 10.5 })).toThrow(/totalMinor/);
  expect(() => scheduleInstallments({ ...terms, count: 0 })).toThrow(/count/);
  expect(() => scheduleInstallments({ ...terms, firstDueDate: '2026-02-30' })).toThrow(/firstDueDate/);
});
