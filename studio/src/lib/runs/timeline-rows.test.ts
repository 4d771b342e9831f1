import { timelineRows, utcMinute } from './timeline-rows';

test('a waiting-then-paid run reads as started, recorded, timer with its due time, event received, completed', () => {
  const rows = timelineRows([
    { at: '2026-11-24T09:00:00.000Z', kind: 'started', attempt: 1 },
    { at: '2026-11-24T09:00:00.100Z', kind: 'activity_scheduled', name: 'recordRunStarted' },
    { at: '2026-11-24T09:00:00.200Z', kind: 'activity_completed', name: 'recordRunStarted', attempt: 1 },
    { at: '2026-11-24T09:00:00.300Z', kind: 'timer_started', name: '1', due_at: '2026-11-26T09:00:00.300Z' },
    { at: '2026-11-25T10:15:00.000Z', kind: 'signal_received', name: 'event', event: 'payment.received' },
    { at: '2026-11-26T09:00:00.300Z', kind: 'timer_fired', name: '1' },
    { at: '2026-11-26T09:00:01.000Z', kind: 'completed' },
  ]);
  expect(rows).toEqual([
    { at: '2026-11-24T09:00:00.000Z', title: 'Run started', tone: 'neutral' },
    { at: '2026-11-24T09:00:00.200Z', title: 'Run recorded done', tone: 'good' },
    { at: '2026-11-24T09:00:00.300Z', title: 'Timer set', detail: 'due 2026-11-26 09:00 UTC', tone: 'waiting' },
    { at: '2026-11-25T10:15:00.000Z', title: 'Event payment.received received', tone: 'neutral' },
    { at: '2026-11-26T09:00:00.300Z', title: 'Timer fired', tone: 'neutral' },
    { at: '2026-11-26T09:00:01.000Z', title: 'Run completed', tone: 'good' },
  ]);
});

test('activities without an action name keep their own words', () => {
  expect(timelineRows([{ at: 'a', kind: 'activity_completed', name: 'someActivity', attempt: 1 }, { at: 'b', kind: 'activity_timed_out', name: 'executeAction', action: 'core.httpRequest' }]).map((row) => row.title))
    .toEqual(['Action someActivity done', 'core.httpRequest timed out']);
});

test('action retries show each failed attempt with its error, then the attempt that succeeded', () => {
  const rows = timelineRows([
    { at: '2026-11-24T08:59:59.000Z', kind: 'activity_scheduled', name: 'executeAction', action: 'core.sendEmail', step: 'remind' },
    { at: '2026-11-24T09:00:00.000Z', kind: 'activity_failed', name: 'executeAction', action: 'core.sendEmail', step: 'remind', attempt: 1, message: 'SMTP refused' },
    { at: '2026-11-24T09:00:05.000Z', kind: 'activity_completed', name: 'executeAction', action: 'core.sendEmail', step: 'remind', attempt: 2 },
    { at: '2026-11-24T09:00:06.000Z', kind: 'failed', message: 'Rejected: no' },
  ]);
  expect(rows).toEqual([
    { at: '2026-11-24T09:00:00.000Z', title: 'Step remind: core.sendEmail failed on attempt 1', detail: 'SMTP refused', tone: 'bad' },
    { at: '2026-11-24T09:00:05.000Z', title: 'Step remind: core.sendEmail done (attempt 2)', tone: 'good' },
    { at: '2026-11-24T09:00:06.000Z', title: 'Run failed', detail: 'Rejected: no', tone: 'bad' },
  ]);
});

test('approval decisions, unnamed signals and unknown kinds still get a row', () => {
  expect(timelineRows([
    { at: 'a', kind: 'signal_received', name: 'approval' },
    { at: 'b', kind: 'signal_received', name: 'custom' },
    { at: 'c', kind: 'workflow_updated' },
  ]).map((row) => row.title)).toEqual(['Approval decision received', 'Signal custom received', 'workflow updated']);
});

test('instants are shown to the minute in UTC, and anything else as it came', () => {
  expect(utcMinute('2026-11-24T23:59:59.999Z')).toBe('2026-11-24 23:59 UTC');
  expect(utcMinute('soon')).toBe('soon');
});
