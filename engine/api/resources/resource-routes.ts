import type { RouteDefinition } from "../routing/route-definition";
export function resourceRoutes(): RouteDefinition[] { return []; }
