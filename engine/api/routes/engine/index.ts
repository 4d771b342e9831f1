import type { RouteDefinition } from '../../routing/route-definition';
import { definitionRoutes } from './definition-routes';
import { eventRoutes } from './event-routes';
import { runRoutes } from './run-routes';

/** The engine endpoints: definitions, runs, events and approval decisions. */
export function engineRoutes(): RouteDefinition[] {
  return [...definitionRoutes(), ...runRoutes(), ...eventRoutes()];
}
