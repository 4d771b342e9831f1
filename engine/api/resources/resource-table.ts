import { CORE_RESOURCES } from './core-resources';
import { OPERATIONS_RESOURCES } from './operations-resources';
import type { ResourceDefinition } from './resource-definition';

/** Every resource served by the generic CRUD routes; each row becomes up to five routes. */
export const RESOURCES: ResourceDefinition[] = [...CORE_RESOURCES, ...OPERATIONS_RESOURCES];
