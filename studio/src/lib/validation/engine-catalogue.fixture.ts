/** The engine's real catalogue, for tests that validate as the studio bundle does. */
import { CORE_ACTIONS } from '../../../../activities/core-actions';
import { catalogueEntries } from './catalogue-entries';

export const ENGINE_ACTION_NAMES: readonly string[] = catalogueEntries(CORE_ACTIONS).map((entry) => entry.name);
