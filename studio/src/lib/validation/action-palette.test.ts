import { blankDefinition } from '../templates';
import { addStep } from '../editing/definition-edits';
import { ENGINE_ACTIONS } from './engine-catalogue.fixture';
import { validateDraft } from './error-locations';
import { connectorPaletteActions, PALETTE_ACTIONS } from './action-palette';

const base = blankDefinition();
const problemsOf = (action: string) => {
  const added = addStep(base, 'action', action);
  return { added, problems: validateDraft(added.definition, ENGINE_ACTIONS).filter((error) => error.nodeId === added.stepId) };
};

describe('the palette\'s actions', () => {
  it('offers every connector verb of the engine\'s catalogue, named by verb and connector, and no core action', () => {
    expect(connectorPaletteActions(ENGINE_ACTIONS).map(({ name, label }) => [name, label])).toEqual([
      ['http-payments@1.charge', 'charge (http-payments@1)'],
      ['stripe@2.chargeCard', 'chargeCard (stripe@2)'],
    ]);
  });

  it('offers only general-purpose actions the catalogue has, each added with an input the validator accepts', () => {
    const names = new Set(ENGINE_ACTIONS.map((entry) => entry.name));
    for (const action of PALETTE_ACTIONS) {
      expect([action.name, names.has(action.name)]).toEqual([action.name, true]);
      // A new step is unreachable until a route leads to it; that is its only problem.
      expect([action.name, problemsOf(action.name).problems.map((problem) => problem.field)]).toEqual([action.name, ['']]);
    }
  });

  it('adds a connector verb as that action with an empty input, and the validator names the input it requires', () => {
    const { added, problems } = problemsOf('http-payments@1.charge');
    expect(added.definition.steps.at(-1)).toEqual({ id: added.stepId, type: 'action', action: 'http-payments@1.charge', input: {} });
    expect(problems.some((problem) => problem.field.startsWith('input'))).toBe(true);
  });
});
