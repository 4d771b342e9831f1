/** Domain events: an outbox written in the caller's transaction, and the dispatcher that delivers it to runs. */
export { emitDomainEvent, type DomainEventInput, type EmittedEvent } from './emit-domain-event';
export { checkEventPayload, EventPayloadError } from './event-payload';
export { triggeredStart, TriggerLogicError, type DeliveredEvent, type TriggeredStart } from './event-triggers';
export { deliverEvent, type EventDispatchDeps, type PendingEvent } from './deliver-event';
export { dispatchPendingEvents, type DispatchOptions, type DispatchSummary } from './dispatch-pending-events';
export { runEventDispatcher, type EventDispatcher, type EventDispatcherOptions } from './run-event-dispatcher';
