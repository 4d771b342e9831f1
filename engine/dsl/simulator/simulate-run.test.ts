import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { simulateRun, type SimulationScript } from './simulate-run';

const template = (key: string): WorkflowDefinition => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'definitions', 'templates', `${key}.json`), 'utf8'));
const dunning = template('dunning-ladder');
const installments = template('installment-collection');

const dunningScript = (extra: Partial<SimulationScript> = {}): SimulationScript => ({
  input: { invoiceId: 'inv_1', amountDue: 12345, customerEmail: 'ada@example.com' },
  startAt: '2024-01-15T08:00:00.000Z',
  timeZone: 'Europe/Paris',
  horizon: 'P120D',
  ...extra,
});

const emails = (result: ReturnType<typeof simulateRun>) =>
  result.timeline.flatMap((entry) => entry.commands.flatMap((command) => (command.type === 'scheduleActivity' ? [{ at: entry.at, input: command.input }] : [])));

describe('simulateRun over the dunning ladder', () => {
  it('sends three reminders 30 days apart over 90 days, adding a 2% late fee, then escalates', () => {
    const result = simulateRun(dunning, dunningScript({ approval: () => ({ decision: 'approved', decidedBy: 'user_ops', after: 'P1D' }) }));
    expect(emails(result).map((email) => [email.at, (email.input.data as Record<string, unknown>).amountDue, (email.input.data as Record<string, unknown>).payBy])).toEqual([
      ['2024-01-15T08:00:00.000Z', 12345, '2024-01-29'],
      ['2024-02-14T08:00:00.000Z', 12592, '2024-02-28'],
      ['2024-03-15T08:00:00.000Z', 12592, '2024-03-29'],
    ]);
    expect(result.state.status).toBe('failed');
    expect(result.state.error).toEqual({ kind: 'SentToCollections', message: 'The invoice was not paid after three reminders.', stepId: 'toCollections' });
    // Thirty calendar days after 15 March 09:00 in Paris is 14 April 09:00, now summer time (07:00 UTC); the decision comes a day later.
    expect(result.timeline.at(-1)?.at).toBe('2024-04-15T07:00:00.000Z');
  });

  it('stops as soon as a matching payment arrives, ignoring payments of other invoices', () => {
    const events = [
      { at: '2024-02-20T10:00:00.000Z', name: 'payment.received', payload: { invoiceId: 'inv_other' }, eventId: 'pay_0' },
      { at: '2024-02-25T10:00:00.000Z', name: 'payment.received', payload: { invoiceId: 'inv_1' }, eventId: 'pay_1' },
      { at: '2024-02-25T10:00:01.000Z', name: 'payment.received', payload: { invoiceId: 'inv_1' }, eventId: 'pay_1' },
    ];
    const result = simulateRun(dunning, dunningScript({ events }));
    expect(result.state.output).toEqual({ outcome: 'paid', reminders: 2 });
    expect(emails(result)).toHaveLength(2);
  });

  it('retries a failing email with backoff, escalates when attempts run out, and sends to collections when no one decides', () => {
    const attempts: string[] = [];
    const result = simulateRun(dunning, dunningScript({
      activity: (_command, attempt, now) => {
        attempts.push(`${attempt}@${now}`);
        return { error: { kind: 'SmtpUnavailable', message: 'try later' } };
      },
    }));
    expect(attempts).toEqual(['1@2024-01-15T08:00:00.000Z', '2@2024-01-15T08:01:00.000Z', '3@2024-01-15T08:03:00.000Z', '4@2024-01-15T08:07:00.000Z', '5@2024-01-15T08:15:00.000Z']);
    expect(result.state.steps.remind.error?.kind).toBe('SmtpUnavailable');
    const escalation = result.timeline.find((entry) => entry.commands.some((command) => command.type === 'createApprovalTask'));
    expect(escalation?.at).toBe('2024-01-15T08:15:00.000Z');
    expect(result.state.error?.kind).toBe('SentToCollections');
  });
});

describe('simulateRun over installment collection', () => {
  const input = {
    contractId: 'ctr_7',
    installments: [
      { dueDate: '2024-01-31', amount: 10000 },
      { dueDate: '2024-02-29', amount: 10000 },
      { dueDate: '2024-03-31', amount: 10001 },
    ],
  };

  it('charges each installment at 09:00 on its due date in the tenant zone, through the DST change', () => {
    const result = simulateRun(installments, { input, startAt: '2024-01-10T12:00:00.000Z', timeZone: 'Europe/Paris', horizon: 'P90D' });
    expect(emails(result).map((charge) => [charge.at, charge.input.idempotencyKey])).toEqual([
      ['2024-01-31T08:00:00.000Z', 'ctr_7-0'],
      ['2024-02-29T08:00:00.000Z', 'ctr_7-1'],
      ['2024-03-31T07:00:00.000Z', 'ctr_7-2'],
    ]);
    expect(result.state.output).toEqual({ collected: 30001, declined: 0 });
  });

  it('records a declined card without retrying it, and collects the rest', () => {
    const result = simulateRun(installments, {
      input, startAt: '2024-01-10T12:00:00.000Z', timeZone: 'UTC', horizon: 'P90D',
      activity: (command) => (command.input.idempotencyKey === 'ctr_7-1' ? { error: { kind: 'CardDeclined', message: 'insufficient funds' } } : { result: { charged: true } }),
    });
    expect(result.state.output).toEqual({ collected: 20001, declined: 1 });
    expect(emails(result)).toHaveLength(3);
  });

  it('stops at the horizon with the run still waiting', () => {
    const result = simulateRun(installments, { input, startAt: '2024-01-10T12:00:00.000Z', timeZone: 'UTC', horizon: 'P30D' });
    expect(result.state.status).toBe('waiting');
    expect(result.state.vars.collected).toBe(10000);
  });
});
