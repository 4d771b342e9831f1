import { stepFormFields } from './step-form';

const summary = (type: Parameters<typeof stepFormFields>[0]) => stepFormFields(type).map((field) => `${field.key}:${field.kind}${field.required ? '!' : ''}`);

describe('stepFormFields', () => {
  it('gives a wait a duration, a nested until (date rule and time of day) and a next route', () => {
    expect(summary('wait')).toEqual(['name:text', 'description:text', 'duration:duration', 'until:group', 'next:route']);
    expect(stepFormFields('wait').find((field) => field.key === 'until')?.children?.map((field) => `${field.key}:${field.kind}${field.required ? '!' : ''}`)).toEqual(['date:logic!', 'time:time']);
  });

  it('gives waitForEvent a condition builder for its match and routes for next and onTimeout', () => {
    expect(summary('waitForEvent')).toEqual(['name:text', 'description:text', 'event:text!', 'match:condition', 'timeout:duration', 'onTimeout:route', 'resultVariable:text', 'next:route']);
  });

  it('gives an action its retry policy as a nested group with typed fields', () => {
    const retry = stepFormFields('action').find((field) => field.key === 'retry');
    expect(retry?.children?.map((field) => `${field.key}:${field.kind}`)).toEqual(['maximumAttempts:integer', 'initialInterval:duration', 'backoffCoefficient:number', 'maximumInterval:duration', 'nonRetryableErrorTypes:stringList']);
  });

  it('offers the forEach mode as a choice of its enum values', () => {
    expect(stepFormFields('forEach').find((field) => field.key === 'mode')).toMatchObject({ kind: 'enum', options: ['sequential', 'concurrent'], required: true });
  });

  it('leaves the id, type and nested lists out of every form', () => {
    for (const type of ['action', 'choice', 'forEach', 'parallel'] as const) {
      expect(stepFormFields(type).map((field) => field.key)).not.toEqual(expect.arrayContaining(['id']));
      expect(stepFormFields(type).map((field) => field.key).some((key) => ['type', 'body', 'branches', 'when'].includes(key))).toBe(false);
    }
  });
});
