import type { DomainEventTrigger, WorkflowDefinition } from '../../definitions/generated/definition';
import type { EntityRef } from '../../workflows/run-contract';
import { evaluateTransforms } from '../dsl/interpreter/run-context';
import { evaluateLogic, isTruthy } from '../dsl/logic/logic-engine';
import { calendarDateAt } from '../dsl/time/zoned-date';

/** Trigger logic that cannot be evaluated, or gives no usable entity; names the trigger by JSON pointer. */
export class TriggerLogicError extends Error {
  override name = 'TriggerLogicError';
  constructor(readonly pointer: string, message: string) {
    super(`${pointer}: ${message}`);
  }
}

export interface DeliveredEvent {
  name: string;
  entity: EntityRef;
  payload: Record<string, unknown>;
  /** The dispatcher's clock and the tenant's zone: trigger logic may read `now` and `today`, nothing else but `event`. */
  now: string;
  timeZone: string;
}

export interface TriggeredStart {
  triggerIndex: number;
  entity: EntityRef;
  input: unknown;
}

/** The run a definition's first matching domainEvent trigger asks for, or null when no trigger matches. */
export function triggeredStart(definition: WorkflowDefinition, event: DeliveredEvent): TriggeredStart | null {
  const data = { event: event.payload, now: event.now, today: calendarDateAt(event.now, event.timeZone) };
  for (const [index, trigger] of definition.triggers.entries()) {
    if (trigger.type !== 'domainEvent' || trigger.event !== event.name) continue;
    const pointer = `/triggers/${index}`;
    if (trigger.filter !== undefined && !isTruthy(evaluate(trigger.filter, data, `${pointer}/filter`))) continue;
    return { triggerIndex: index, entity: entityOf(trigger, data, event.entity, pointer), input: inputOf(trigger, data, event.payload, pointer) };
  }
  return null;
}

// Always entity-bound, so a redelivered event finds the run it already started instead of starting a second one.
// `entity` logic gives an id of the event's entity type, or "type:id" for another entity (payment.received → its invoice).
function entityOf(trigger: DomainEventTrigger, data: Record<string, unknown>, eventEntity: EntityRef, pointer: string): EntityRef {
  if (trigger.entity === undefined) return eventEntity;
  const value = evaluate(trigger.entity, data, `${pointer}/entity`);
  if (typeof value !== 'string' && typeof value !== 'number') throw new TriggerLogicError(`${pointer}/entity`, `gave ${JSON.stringify(value) ?? 'nothing'}, not an entity id`);
  const text = String(value);
  const colon = text.indexOf(':');
  const entity = colon > 0 ? { type: text.slice(0, colon), id: text.slice(colon + 1) } : { type: eventEntity.type, id: text };
  if (!/^[a-z][a-z_]{0,31}$/.test(entity.type) || entity.id.length === 0 || entity.id.length > 64) {
    throw new TriggerLogicError(`${pointer}/entity`, `"${text}" is not an entity id (or type:id)`);
  }
  return entity;
}

// Without `input`, the run receives the event's payload.
function inputOf(trigger: DomainEventTrigger, data: Record<string, unknown>, payload: Record<string, unknown>, pointer: string): unknown {
  if (trigger.input === undefined) return payload;
  try {
    return evaluateTransforms(trigger.input, data, `${pointer}/input`);
  } catch (error) {
    throw new TriggerLogicError(`${pointer}/input`, (error as Error).message);
  }
}

function evaluate(rule: unknown, data: Record<string, unknown>, pointer: string): unknown {
  try {
    return evaluateLogic(rule, data);
  } catch (error) {
    throw new TriggerLogicError(pointer, (error as Error).message);
  }
}
