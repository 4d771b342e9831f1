import { ALL_STEP_TYPES } from '../graph/all-step-types.fixture';
import { ENGINE_ACTIONS } from '../validation/engine-catalogue.fixture';
import { validateDraft } from '../validation/error-locations';
import {
  addTrigger, addVariable, changeTriggerType, inputSchemaProblem, newTrigger, removeTrigger, removeVariable, renameVariable,
  setInputSchema, setTriggerField, setVariable, TRIGGER_TYPES, variableNameProblem,
} from './definition-settings';

describe('triggers', () => {
  it('a new trigger of every type passes the engine\'s checks as it is', () => {
    for (const { type } of TRIGGER_TYPES) expect([type, validateDraft({ ...ALL_STEP_TYPES, triggers: [newTrigger(type)] }, ENGINE_ACTIONS)]).toEqual([type, []]);
  });

  it('adds a schedule with cron and time zone, edits them, and removes the manual trigger', () => {
    let definition = addTrigger(ALL_STEP_TYPES, 'schedule');
    definition = setTriggerField(definition, 1, 'cron', '0 6 * * 1-5');
    definition = setTriggerField(definition, 1, 'timeZone', 'Europe/Paris');
    definition = removeTrigger(definition, 0);
    expect(definition.triggers).toEqual([{ type: 'schedule', cron: '0 6 * * 1-5', timeZone: 'Europe/Paris', overlapPolicy: 'skip', catchupWindow: 'PT1H' }]);
    expect(ALL_STEP_TYPES.triggers).toEqual([{ type: 'manual' }]);
  });

  it('an event trigger takes a filter, and removing it leaves no empty field', () => {
    let definition = changeTriggerType(ALL_STEP_TYPES, 0, 'domainEvent');
    definition = setTriggerField(definition, 0, 'filter', { '>': [{ var: 'event.amountDue' }, 0] });
    expect(definition.triggers).toEqual([{ type: 'domainEvent', event: 'invoice.overdue', filter: { '>': [{ var: 'event.amountDue' }, 0] } }]);
    expect(validateDraft(definition, ENGINE_ACTIONS)).toEqual([]);
    expect(setTriggerField(definition, 0, 'filter', undefined).triggers).toEqual([{ type: 'domainEvent', event: 'invoice.overdue' }]);
  });

  it('a malformed event name is reported on the trigger\'s field', () => {
    const errors = validateDraft(setTriggerField(changeTriggerType(ALL_STEP_TYPES, 0, 'domainEvent'), 0, 'event', 'Invoice Overdue'), ENGINE_ACTIONS);
    expect(errors.map((error) => [error.nodeId, error.field])).toEqual([[null, 'triggers/0/event']]);
  });

  it('keeps a trigger as it is when its type is chosen again', () => {
    const definition = setTriggerField(addTrigger(ALL_STEP_TYPES, 'schedule'), 1, 'cron', '5 4 * * *');
    expect(changeTriggerType(definition, 1, 'schedule').triggers?.[1]).toMatchObject({ cron: '5 4 * * *' });
  });
});

describe('input schema', () => {
  it('is set and removed', () => {
    const schema = { type: 'object', required: ['invoiceId'], properties: { invoiceId: { type: 'string' } } };
    expect(setInputSchema(ALL_STEP_TYPES, schema)).toMatchObject({ inputSchema: schema });
    expect('inputSchema' in setInputSchema(setInputSchema(ALL_STEP_TYPES, schema), undefined)).toBe(false);
  });

  it('must be an object schema that compiles', () => {
    expect(inputSchemaProblem({ type: 'object', properties: { n: { type: 'integer' } } })).toBeNull();
    expect(inputSchemaProblem(undefined)).toBeNull();
    expect(inputSchemaProblem([1])).toMatch(/must be a JSON object/);
    expect(inputSchemaProblem({ type: 'string' })).toMatch(/"type" must be "object"/);
    expect(inputSchemaProblem({ type: 'object', properties: { n: { type: 'integr' } } })).toMatch(/^Not a valid JSON Schema/);
  });
});

describe('variables', () => {
  it('adds the next free name, renames it in place, sets its initial value and description, and removes it', () => {
    const added = addVariable(ALL_STEP_TYPES);
    expect(added.name).toBe('variable1');
    let definition = renameVariable(added.definition, 'variable1', 'attempts');
    definition = setVariable(definition, 'attempts', { initial: [1, 2], description: 'Tries so far' });
    expect(definition.variables).toEqual({ total: { initial: 0 }, attempts: { initial: [1, 2], description: 'Tries so far' } });
    expect(Object.keys(renameVariable(definition, 'total', 'sum').variables ?? {})).toEqual(['sum', 'attempts']);
    expect(setVariable(definition, 'attempts', { description: ' ' }).variables?.attempts).toEqual({ initial: [1, 2] });
    expect(removeVariable(definition, 'attempts').variables).toEqual({ total: { initial: 0 } });
    expect(validateDraft(definition, ENGINE_ACTIONS)).toEqual([]);
  });

  it('refuses a malformed or taken name in words', () => {
    expect(variableNameProblem(ALL_STEP_TYPES, '2x')).toMatch(/^A variable name must be a variable name of letters/);
    expect(variableNameProblem(ALL_STEP_TYPES, 'total')).toBe('There is already a variable total.');
    expect(variableNameProblem(ALL_STEP_TYPES, 'total', 'total')).toBeNull();
    expect(variableNameProblem(ALL_STEP_TYPES, 'fresh_name')).toBeNull();
  });
});
