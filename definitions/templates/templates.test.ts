import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActionCatalogue } from '../../engine/dsl/semantics/action-catalogue';
import { validateDefinition } from '../../engine/dsl/validation/validate-definition';

// Every core action with its input schema (the built-in flows' areas included), so a template that gives an action an
// input key it does not take fails here; and the connector action the installment-collection example pins.
const BUILT_IN_ACTIONS = [...CORE_ACTIONS, 'stripe@2.chargeCard'];

describe('built-in templates', () => {
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.json'));

  it('there is at least one template', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s passes schema and semantic validation', (file) => {
    const candidate = JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
    expect(validateDefinition(candidate, { actions: createActionCatalogue(BUILT_IN_ACTIONS) }).errors).toEqual([]);
  });

  it.each(files)('%s has a key matching its file name', (file) => {
    expect(JSON.parse(readFileSync(join(__dirname, file), 'utf8')).key).toBe(file.replace(/\.json$/, ''));
  });
});
