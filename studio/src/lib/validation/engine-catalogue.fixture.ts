/** The engine's real catalogue, with input keys, for tests that validate as the studio bundle does. */
import { CORE_ACTIONS } from '../../../../activities/core-actions';
import { catalogueEntries, type CatalogueEntry } from './catalogue-entries';

export const ENGINE_ACTIONS: readonly CatalogueEntry[] = catalogueEntries(CORE_ACTIONS);
