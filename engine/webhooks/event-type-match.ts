/**
 * Whether an endpoint's `event_types` subscribe it to an event: an exact type (`invoice.paid`), a family
 * (`invoice.*`, every type under `invoice.`), or `*` for every event. An empty list subscribes to nothing.
 */
export function subscribesTo(eventTypes: readonly unknown[], eventType: string): boolean {
  return eventTypes.some((pattern) => {
    if (typeof pattern !== 'string') return false;
    if (pattern === '*' || pattern === eventType) return true;
    return pattern.endsWith('.*') && eventType.startsWith(pattern.slice(0, -1));
  });
}
