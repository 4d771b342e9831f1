import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { problemToError } from '../api/api-client';
import { errorsFromProblem, saveNewDefinition } from './save-new-definition';

const document = { key: 'dunning-eu', name: 'Dunning EU', version: 1, triggers: [{ type: 'manual' }], start: 'done', steps: [{ id: 'done', type: 'succeed' }] } as WorkflowDefinition;
const takenKey = problemToError(409, {
  code: 'key_taken', detail: 'A definition with the key "dunning-eu" already exists; choose another key',
  errors: [{ in: 'body', pointer: '#/definition/key', message: '"dunning-eu" is already used by another definition' }],
});

describe('errorsFromProblem', () => {
  it('puts a taken key beside the key field and nothing on the form', () => {
    expect(errorsFromProblem(takenKey)).toEqual({ key: 'The key "dunning-eu" is already used by another definition.', name: '', form: '' });
  });

  it('puts problems about the steps on the form, with the API\'s words first', () => {
    const invalid = problemToError(422, { code: 'definition_invalid', detail: 'The definition has 1 problem(s)', errors: [{ pointer: '#/definition/start', message: 'names no step' }] });
    expect(errorsFromProblem(invalid)).toEqual({ key: '', name: '', form: 'The definition has 1 problem(s) — /start: names no step' });
  });

  it('says a network failure in words', () => {
    expect(errorsFromProblem(new Error('The API could not be reached.')).form).toBe('The API could not be reached.');
  });
});

describe('saveNewDefinition', () => {
  it('refuses a key the schema does not accept without calling the API', async () => {
    const calls: WorkflowDefinition[] = [];
    const result = await saveNewDefinition(async (definition) => (calls.push(definition), Promise.reject(new Error('not reached'))), { ...document, key: 'Dunning EU' });
    expect(result.errors?.key).toMatch(/^The key must be a key of lower-case letters/);
    expect(calls).toEqual([]);
  });

  it('answers the saved draft, or the API\'s refusal sorted by field', async () => {
    const saved = { id: 'd1', key: 'dunning-eu', name: 'Dunning EU', description: null, created_at: '', updated_at: '', draft: { id: 'v1', version: 1, status: 'draft' as const } };
    expect(await saveNewDefinition(async () => saved, document)).toEqual({ saved, errors: null });
    expect(await saveNewDefinition(async () => Promise.reject(takenKey), document)).toEqual({ saved: null, errors: { key: 'The key "dunning-eu" is already used by another definition.', name: '', form: '' } });
  });
});
