import { createActionRegistry } from '../../activities/action-registry';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActionCatalogue, type ActionCatalogue } from '../dsl/semantics/action-catalogue';

/** The actions a definition may call, as the worker registers them. */
export function coreActionCatalogue(): ActionCatalogue {
  return createActionCatalogue(createActionRegistry(CORE_ACTIONS).signatures());
}
