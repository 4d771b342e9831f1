import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { awaitedEvents, sampleInput } from './sample-input';

const template = (key: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'definitions', 'templates', `${key}.json`), 'utf8'));

describe('sampleInput', () => {
  it('fills the dunning input with an invoice id, an amount in minor units and an email address', () => {
    expect(sampleInput(template('dunning-ladder'), '2024-01-15')).toEqual({ invoiceId: 'invoice_1', amountDue: 12345, customerEmail: 'ada@example.com', currency: 'EUR', customerName: 'Ada Lovelace', dueDate: '2024-01-15' });
  });

  it('spreads array items with dates a month apart from the start date', () => {
    expect(sampleInput(template('installment-collection'), '2024-01-15')).toEqual({
      contractId: 'contract_1',
      installments: [{ dueDate: '2024-02-14', amount: 12345 }, { dueDate: '2024-03-15', amount: 12345 }, { dueDate: '2024-04-14', amount: 12345 }],
    });
  });
});

describe('awaitedEvents', () => {
  it('lists the events waitForEvent steps wait for, nested ones included', () => {
    expect(awaitedEvents(ALL_STEP_TYPES)).toEqual(['payment.received', 'dispute.opened']);
  });
});
