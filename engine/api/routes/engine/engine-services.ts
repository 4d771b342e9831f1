import { coreActionCatalogue } from '../../../definition-store/core-catalogue';
import { definitionStore, type DefinitionStore } from '../../../definition-store/definition-store';
import type { TenantScope } from '../../../db/tenant-scope';
import type { RunEngine } from '../../../runs/start-run';
import { ProblemError } from '../../http/problem';
import type { ApiServices } from '../../routing/route-definition';

export function storeFor(scope: TenantScope): DefinitionStore {
  return definitionStore(scope, coreActionCatalogue());
}

/** The Temporal connection, or a 503: the API process can run without one (then only the database-backed routes work). */
export function requireEngine(services: ApiServices): RunEngine {
  if (!services.temporal) throw new ProblemError(503, 'engine_unavailable', 'This API is not connected to Temporal, so it cannot start, signal or inspect runs');
  return services.temporal;
}
