import type { ScheduleTrigger, WorkflowDefinition } from '../../definitions/generated/definition';
import { checkEventPayload, EventPayloadError, triggeredStart, TriggerLogicError, type DeliveredEvent } from '../../engine/events';
import { ScheduleInputError, scheduleOptionsFor, type ScheduledVersion } from '../../engine/schedules';

const companyId = '8d0c2c3e-7f43-4a55-9a0b-3f1c2d4e5f60';
const definitionWith = (triggers: WorkflowDefinition['triggers']) =>
  ({ key: 'flow', name: 'Flow', version: 1, triggers, start: 'done', steps: [{ id: 'done', type: 'succeed' }] }) as WorkflowDefinition;
const paymentOf = (payload: Record<string, unknown>): DeliveredEvent => ({
  name: 'payment.received', entity: { type: 'payment', id: 'pay-1' }, payload, now: '2026-03-01T00:30:00Z', timeZone: 'America/New_York',
});

describe('domainEvent triggers', () => {
  test('without entity logic the run is bound to the event entity and receives the payload as input', () => {
    const start = triggeredStart(definitionWith([{ type: 'domainEvent', event: 'payment.received' }]), paymentOf({ amount: 5 }));
    expect(start).toEqual({ triggerIndex: 0, entity: { type: 'payment', id: 'pay-1' }, input: { amount: 5 } });
  });

  test('entity logic giving "type:id" binds the run to another entity than the event is about', () => {
    const trigger = { type: 'domainEvent', event: 'payment.received', entity: { cat: ['invoice:', { var: 'event.invoiceId' }] } } as const;
    expect(triggeredStart(definitionWith([trigger]), paymentOf({ invoiceId: 'inv-9' }))?.entity).toEqual({ type: 'invoice', id: 'inv-9' });
  });

  test('the first matching trigger wins, and triggers for other events or failing filters are skipped', () => {
    const definition = definitionWith([
      { type: 'manual' },
      { type: 'domainEvent', event: 'invoice.overdue' },
      { type: 'domainEvent', event: 'payment.received', filter: { '>': [{ var: 'event.amount' }, 100] } },
      { type: 'domainEvent', event: 'payment.received', input: { kind: { type: 'static', value: 'small' } } },
    ]);
    expect(triggeredStart(definition, paymentOf({ amount: 50 }))).toMatchObject({ triggerIndex: 3, input: { kind: 'small' } });
    expect(triggeredStart(definition, { ...paymentOf({}), name: 'payment.refunded' })).toBeNull();
  });

  test('trigger logic reads today in the tenant time zone', () => {
    const trigger = { type: 'domainEvent', event: 'payment.received', input: { on: { type: 'logic', rule: { var: 'today' } } } } as const;
    // 00:30 UTC on 1 March is still 28 February in New York.
    expect(triggeredStart(definitionWith([trigger]), paymentOf({}))?.input).toEqual({ on: '2026-02-28' });
  });

  test('entity logic that gives no id fails with the trigger pointer', () => {
    const trigger = { type: 'domainEvent', event: 'payment.received', entity: { var: 'event.missing' } } as const;
    expect(() => triggeredStart(definitionWith([trigger]), paymentOf({}))).toThrow(new TriggerLogicError('/triggers/0/entity', 'gave null, not an entity id'));
  });
});

describe('event payloads', () => {
  test('ids, amounts, dates, codes and flags are accepted', () => {
    expect(() => checkEventPayload({ invoiceId: 'c2b1a3f0-0000-4000-8000-000000000001', amount: 12345, currency: 'EUR', dueDate: '2026-01-31', final: true, note: null })).not.toThrow();
  });

  test.each([
    [{ email: 'ana@example.test' }, 'email'],
    [{ customer: 'Ana Silva' }, 'customer'],
    [{ customer: { id: 'c-1' } }, 'customer'],
  ])('%j is refused, naming the field', (payload, field) => {
    expect(() => checkEventPayload(payload)).toThrow(expect.objectContaining({ constructor: EventPayloadError, field }));
  });
});

describe('schedule options', () => {
  const pinned: ScheduledVersion = {
    companyId, definitionKey: 'nightly', definitionVersion: 3, definition: definitionWith([]), timeZone: 'Europe/Lisbon', taskQueue: 'q', searchAttributes: false,
  };

  test('a schedule trigger sets cron, time zone, overlap policy and catch-up window explicitly, pinned to the version', () => {
    const trigger: ScheduleTrigger = { type: 'schedule', cron: '15 2 * * *', timeZone: 'Asia/Tokyo', overlapPolicy: 'bufferAll', catchupWindow: 'PT2H', input: { region: { type: 'static', value: 'eu' } } };
    const options = scheduleOptionsFor(trigger, 4, pinned);
    expect(options).toMatchObject({
      scheduleId: `lf/${companyId}/nightly/schedule/4`,
      spec: { cronExpressions: ['15 2 * * *'], timezone: 'Asia/Tokyo' },
      policies: { overlap: 'BUFFER_ALL', catchupWindow: 7_200_000 },
      action: { workflowType: 'runDefinition', taskQueue: 'q' },
    });
    expect(options.action.args?.[0]).toMatchObject({ companyId, definitionVersion: 3, input: { region: 'eu' }, timeZone: 'Europe/Lisbon', trigger: 'schedule' });
  });

  test('a trigger without overlap policy or catch-up window (older documents) gets SKIP and one minute', () => {
    const trigger = { type: 'schedule', cron: '0 9 * * *', timeZone: 'UTC' } as ScheduleTrigger;
    expect(scheduleOptionsFor(trigger, 0, pinned).policies).toEqual({ overlap: 'SKIP', catchupWindow: 60_000 });
  });

  test('logic in a schedule input is refused, because it would be evaluated once and frozen', () => {
    const trigger: ScheduleTrigger = { type: 'schedule', cron: '0 9 * * *', timeZone: 'UTC', overlapPolicy: 'skip', catchupWindow: 'PT1M', input: { day: { type: 'logic', rule: { var: 'today' } } } };
    expect(() => scheduleOptionsFor(trigger, 1, pinned)).toThrow(ScheduleInputError);
  });
});
