import { definitionWith, minimalDefinition } from '../testing/definition-builders';
import { validateDefinitionSchema } from './schema-validator';

/** Builds a candidate whose only step is `step`, bypassing the types so invalid shapes can be expressed. */
const withStep = (step: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown => ({
  ...definitionWith([]),
  start: 'a',
  steps: [{ id: 'a', ...step }],
  ...extra,
});

describe('validateDefinitionSchema', () => {
  it('accepts a minimal definition', () => {
    expect(validateDefinitionSchema(minimalDefinition())).toEqual([]);
  });

  it('names the pointer of a bad retry count and says it must be a whole number of at least 1', () => {
    const candidate = { ...definitionWith([]), start: 'a', steps: [{ id: 'x', type: 'succeed' }, { id: 'y', type: 'succeed' }, { id: 'z', type: 'succeed' },
      { id: 'a', type: 'action', action: 'core.sendEmail', retry: { maximumAttempts: 0 } }] };
    expect(validateDefinitionSchema(candidate)).toEqual([{ pointer: '/steps/3/retry/maximumAttempts', message: 'must be a whole number of at least 1' }]);
  });

  it('says a fractional retry count must be a whole number', () => {
    expect(validateDefinitionSchema(withStep({ type: 'action', action: 'core.sendEmail', retry: { maximumAttempts: 2.5 } }))).toEqual([
      { pointer: '/steps/0/retry/maximumAttempts', message: 'must be a whole number' },
    ]);
  });

  it('lists the step types for an unknown step type, instead of oneOf noise', () => {
    expect(validateDefinitionSchema(withStep({ type: 'teleport' }))).toEqual([
      { pointer: '/steps/0/type', message: '"teleport" is not a step type; the step types are action, wait, waitForEvent, choice, set, forEach, parallel, subflow, approval, succeed, fail' },
    ]);
  });

  it('reports a step without a type once, naming the step types', () => {
    const errors = validateDefinitionSchema(withStep({}));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ pointer: '/steps/0/type', message: expect.stringMatching(/^is required: say which step type this is, one of action, wait/) });
  });

  it('reports only the errors of the step type that was chosen', () => {
    expect(validateDefinitionSchema(withStep({ type: 'choice', when: [] , default: 'a' }))).toEqual([
      { pointer: '/steps/0/when', message: 'must have at least 1 entry' },
    ]);
  });

  it('names a missing required field by its own pointer', () => {
    expect(validateDefinitionSchema(withStep({ type: 'action' }))).toEqual([{ pointer: '/steps/0/action', message: 'is required but missing' }]);
  });

  it('names an unknown field and lists the allowed ones', () => {
    const [error] = validateDefinitionSchema(withStep({ type: 'succeed', colour: 'red' }));
    expect(error.pointer).toBe('/steps/0/colour');
    expect(error.message).toBe('is not a field that is allowed here; the fields allowed here are id, type, name, description, output');
  });

  it('explains a malformed duration with examples', () => {
    expect(validateDefinitionSchema(withStep({ type: 'wait', duration: '3 days' }))).toEqual([
      { pointer: '/steps/0/duration', message: 'must be an ISO 8601 duration such as P1D, PT2H30M or P1M' },
    ]);
  });

  it.each([[{}], [{ duration: 'P1D', until: { date: '2024-01-01' } }]])('says a wait needs exactly one of duration or until (%p)', (fields) => {
    expect(validateDefinitionSchema(withStep({ type: 'wait', ...fields }))).toEqual([{ pointer: '/steps/0', message: 'a wait needs exactly one of duration or until' }]);
  });

  it('requires onTimeout when a waitForEvent has a timeout', () => {
    expect(validateDefinitionSchema(withStep({ type: 'waitForEvent', event: 'invoice.paid', timeout: 'P1D' }))).toEqual([
      { pointer: '/steps/0/onTimeout', message: 'is required when "timeout" is set' },
    ]);
  });

  it('requires maxConcurrency for a concurrent forEach', () => {
    const body = { start: 'b', steps: [{ id: 'b', type: 'succeed' }] };
    expect(validateDefinitionSchema(withStep({ type: 'forEach', items: [], itemVariable: 'x', mode: 'concurrent', body }))).toEqual([
      { pointer: '/steps/0', message: 'a concurrent forEach needs maxConcurrency' },
    ]);
  });

  it('explains pattern failures in words, such as a malformed action name', () => {
    expect(validateDefinitionSchema(withStep({ type: 'action', action: 'sendEmail' }))).toEqual([
      { pointer: '/steps/0/action', message: 'must name a built-in action like core.sendEmail or a pinned connector action like stripe@2.createRefund' },
    ]);
  });

  it('points at a badly named variable declaration by its name', () => {
    expect(validateDefinitionSchema({ ...minimalDefinition(), variables: { 'bad-name': { initial: 0 } } })).toEqual([
      { pointer: '/variables/bad-name', message: 'is not an allowed name: must be a variable name of letters, digits and underscores, starting with a letter' },
    ]);
  });

  it('lists the trigger types for an unknown trigger, and the values of an enum', () => {
    const errors = validateDefinitionSchema({ ...minimalDefinition(), triggers: [{ type: 'cron' }, { type: 'schedule', cron: '0 9 * * 1', timeZone: 'UTC', overlapPolicy: 'queue', catchupWindow: 'PT1H' }] });
    expect(errors).toEqual([
      { pointer: '/triggers/0/type', message: '"cron" is not a trigger type; the trigger types are manual, api, schedule, domainEvent, webhook' },
      { pointer: '/triggers/1/overlapPolicy', message: 'must be one of: skip, bufferOne, bufferAll, cancelOther, terminateOther, allowAll' },
    ]);
  });

  it('names input transform types with the right article', () => {
    expect(validateDefinitionSchema(withStep({ type: 'succeed', output: { total: { type: 'template' } } }))).toEqual([
      { pointer: '/steps/0/output/total/type', message: '"template" is not an input value type; the input value types are static, logic' },
    ]);
  });

  it('requires exactly one of user or role for an approval assignee', () => {
    const approval = { type: 'approval', title: 'Refund?', onApproved: 'a', onRejected: 'a', assignee: { user: 'u1', role: 'finance' } };
    expect(validateDefinitionSchema(withStep(approval))).toEqual([{ pointer: '/steps/0/assignee', message: 'an assignee needs exactly one of user or role' }]);
  });

  it('reports errors in nested step lists with their full pointer', () => {
    const body = { start: 'b', steps: [{ id: 'b', type: 'wait', duration: 'P1X' }] };
    expect(validateDefinitionSchema(withStep({ type: 'forEach', items: [], itemVariable: 'x', mode: 'sequential', body }))).toEqual([
      { pointer: '/steps/0/body/steps/0/duration', message: 'must be an ISO 8601 duration such as P1D, PT2H30M or P1M' },
    ]);
  });

  it('says a non-object definition must be an object, at the root pointer', () => {
    expect(validateDefinitionSchema('nope')).toEqual([{ pointer: '', message: 'must be an object of named fields' }]);
  });
});
