/**
 * Prints the engine's action catalogue (core actions, the built-in flows' actions, connector verbs) as JSON, for the
 * studio bundle: the Vite build runs it, so the studio validates drafts against the actions the engine really has.
 */
import { CORE_ACTIONS } from '../../activities/core-actions';
import { catalogueEntries } from '../src/lib/validation/catalogue-entries';

process.stdout.write(JSON.stringify(catalogueEntries(CORE_ACTIONS)));
