/** Saves a new definition (or a copy) as a draft, and sorts the API's refusal into words for the key, the name or the form. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { ApiError } from '../api/api-client';
import { keyProblem, nameProblem } from './definition-key';
import type { SavedDraft } from './definition-types';

export interface NewDefinitionErrors {
  key: string;
  name: string;
  /** Anything not about the key or the name, in words. */
  form: string;
}

export const NO_ERRORS: NewDefinitionErrors = { key: '', name: '', form: '' };

/** The schema's rules for key and name, checked before anything is sent. */
export function checkKeyAndName(key: string, name: string): NewDefinitionErrors {
  return { key: keyProblem(key) ?? '', name: nameProblem(name) ?? '', form: '' };
}

export const hasErrors = (errors: NewDefinitionErrors) => Boolean(errors.key || errors.name || errors.form);

/** A refused save: problems on `#/definition/key` or `/name` go beside their field; the rest to the form. */
export function errorsFromProblem(error: unknown): NewDefinitionErrors {
  if (!(error instanceof ApiError)) return { ...NO_ERRORS, form: (error as Error)?.message ?? String(error) };
  const on = (field: string) => error.fieldErrors.filter((problem) => problem.pointer === `#/definition/${field}`).map((problem) => problem.message);
  const key = on('key');
  const name = on('name');
  const rest = error.fieldErrors.filter((problem) => !['#/definition/key', '#/definition/name'].includes(problem.pointer));
  return {
    key: key.length ? `The key ${key.join('; ')}.` : '',
    name: name.length ? `The name ${name.join('; ')}.` : '',
    form: key.length || name.length ? rest.map((problem) => `${problem.pointer.replace('#/definition', '')}: ${problem.message}`).join('; ') : [error.message, ...rest.map((problem) => `${problem.pointer.replace('#/definition', '')}: ${problem.message}`)].join(' — '),
  };
}

/** Checks, then creates; answers the saved draft or the errors to show. */
export async function saveNewDefinition(
  create: (definition: WorkflowDefinition) => Promise<SavedDraft>,
  document: WorkflowDefinition,
): Promise<{ saved: SavedDraft; errors: null } | { saved: null; errors: NewDefinitionErrors }> {
  const checked = checkKeyAndName(document.key, document.name);
  if (hasErrors(checked)) return { saved: null, errors: checked };
  try {
    return { saved: await create(document), errors: null };
  } catch (error) {
    return { saved: null, errors: errorsFromProblem(error) };
  }
}
