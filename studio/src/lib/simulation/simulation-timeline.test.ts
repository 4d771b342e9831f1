import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import type { SimulationScenario } from './simulation-scenario';
import { formatRow, simulateTimeline } from './simulation-timeline';

const template = (key: string): WorkflowDefinition => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'definitions', 'templates', `${key}.json`), 'utf8'));
const dunning = template('dunning-ladder');
const input = { invoiceId: 'inv_1', amountDue: 12345, customerEmail: 'ada@example.com' };
const scenario = (extra: Partial<SimulationScenario> = {}): SimulationScenario => ({
  input, startDate: '2024-01-15', startTime: '09:00', timeZone: 'Europe/Paris', days: 120, events: [], actionOutcomes: {}, approval: null, ...extra,
});
const EMAIL = 'email “invoice-reminder” to ada@example.com';

describe('simulateTimeline over the dunning ladder', () => {
  it('without a payment: reminders on days 1, 31 and 61, a collections task on day 91, and the run fails on day 98 when no one decides', () => {
    const timeline = simulateTimeline(dunning, scenario());
    expect(timeline.rows.map(formatRow)).toEqual([
      'day 1 · run starts',
      `day 1 · ${EMAIL}`,
      'day 1 · waits for payment.received until 2024-02-14',
      'day 31 · no payment.received in time (awaitPayment)',
      `day 31 · ${EMAIL} (2nd time)`,
      'day 31 · waits for payment.received until 2024-03-15',
      'day 61 · no payment.received in time (awaitPayment)',
      `day 61 · ${EMAIL} (3rd time)`,
      'day 61 · waits for payment.received until 2024-04-14',
      'day 91 · no payment.received in time (awaitPayment)',
      'day 91 · approval task for role collections: Invoice unpaid after three reminders: send to collections?',
      'day 98 · no decision in time (escalate)',
      'day 98 · run fails: SentToCollections, The invoice was not paid after three reminders.',
    ]);
    expect(timeline.rows.find((row) => row.day === 91)?.date).toBe('2024-04-14');
    expect(timeline.error).toEqual({ kind: 'SentToCollections', message: 'The invoice was not paid after three reminders.' });
  });

  it('with a payment on day 40: two reminders, then the run succeeds on day 40 with the paid outcome', () => {
    const timeline = simulateTimeline(dunning, scenario({ events: [{ name: 'payment.received', day: 40, payload: { invoiceId: 'inv_1' } }] }));
    expect(timeline.rows.slice(-2).map(formatRow)).toEqual(['day 40 · payment.received arrives', 'day 40 · run succeeds with {"outcome":"paid","reminders":2}']);
    expect(timeline.rows.slice(-1)[0]).toMatchObject({ date: '2024-02-23', time: '12:00' });
    expect(timeline.rows.filter((row) => row.kind === 'action')).toHaveLength(2);
    expect(timeline.status).toBe('succeeded');
  });

  it('ignores a payment for another invoice', () => {
    const timeline = simulateTimeline(dunning, scenario({ days: 35, events: [{ name: 'payment.received', day: 10, payload: { invoiceId: 'inv_2' } }] }));
    expect(timeline.rows.filter((row) => row.kind === 'event').map(formatRow)).toEqual(['day 10 · payment.received arrives; nothing waiting takes it']);
    expect(timeline.rows.slice(-2).map(formatRow)).toEqual(['day 31 · waits for payment.received until 2024-03-15', 'day 35 · still waiting at awaitPayment after 35 days']);
    expect(timeline.rows.at(-1)?.date).toBe('2024-02-18');
    expect(timeline.status).toBe('waiting');
  });

  it('with an invalid address: the reminder fails on day 1 without retry and the collections task is created the same day', () => {
    const timeline = simulateTimeline(dunning, scenario({ actionOutcomes: { remind: { outcome: 'fail', kind: 'InvalidAddress', retryable: false } }, approval: { decision: 'rejected', afterDays: 2 } }));
    expect(timeline.rows.map(formatRow).slice(1)).toEqual([
      `day 1 · ${EMAIL}`,
      'day 1 · remind failed: InvalidAddress',
      'day 1 · approval task for role collections: Invoice unpaid after three reminders: send to collections?',
      'day 3 · rejected by simulated approver',
      'day 3 · run succeeds with {"outcome":"writtenOff"}',
    ]);
  });

  it('with the mail connector down on every attempt: five attempts 1, 2, 4 and 8 minutes apart end at 09:15, then the onError route creates the collections task', () => {
    const down = simulateTimeline(dunning, scenario({ actionOutcomes: { remind: { outcome: 'fail', kind: 'ConnectorDown', retryable: true } } }));
    const failed = down.rows.find((row) => row.kind === 'actionFailed');
    expect(failed && [formatRow(failed), failed.date, failed.time]).toEqual(['day 1 · remind failed: ConnectorDown', '2024-01-15', '09:15']);
    expect(down.rows.filter((row) => row.kind === 'approval').map((row) => [row.day, row.time])).toEqual([[1, '09:15']]);
    // Up, the same day instead sends the reminder and waits for the payment.
    const up = simulateTimeline(dunning, scenario());
    expect(up.rows.some((row) => row.kind === 'actionFailed')).toBe(false);
    expect(formatRow(up.rows[2])).toBe('day 1 · waits for payment.received until 2024-02-14');
  });

  it('simulates 90 days of the ladder in well under a second', () => {
    const began = performance.now();
    simulateTimeline(dunning, scenario({ days: 90 }));
    expect(performance.now() - began).toBeLessThan(250);
  });
});

describe('simulateTimeline over installment collection', () => {
  it('charges each installment on its due date and waits in between, across the DST change', () => {
    const timeline = simulateTimeline(template('installment-collection'), scenario({
      input: { contractId: 'ctr_7', installments: [{ dueDate: '2024-01-31', amount: 10000 }, { dueDate: '2024-03-31', amount: 10001 }] },
      startDate: '2024-01-10', days: 90, actionOutcomes: { charge: { outcome: 'fail', kind: 'CardDeclined', retryable: false } },
    }));
    expect(timeline.rows.filter((row) => row.stepId === 'charge').map((row) => `${row.date} ${row.time} ${row.text}`)).toEqual([
      '2024-01-31 09:00 stripe@2.chargeCard',
      '2024-01-31 09:00 charge failed: CardDeclined',
      '2024-03-31 09:00 stripe@2.chargeCard (2nd time)',
      '2024-03-31 09:00 charge failed: CardDeclined',
    ]);
    expect(timeline.output).toEqual({ collected: 0, declined: 2 });
  });
});
