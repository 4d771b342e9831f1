import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { blankDefinition, countSteps, draftFromTemplate, templatesFromModules } from './templates';
import { ENGINE_ACTIONS } from './validation/engine-catalogue.fixture';
import { validateDraft } from './validation/error-locations';

const folder = join(__dirname, '..', '..', '..', 'definitions', 'templates');
const modules = Object.fromEntries(readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => [file, { default: JSON.parse(readFileSync(join(folder, file), 'utf8')) }]));

describe('templates', () => {
  it('are drafts without the repository $schema hint, sorted by name', () => {
    const templates = templatesFromModules(modules);
    expect(templates).toHaveLength(Object.keys(modules).length);
    expect(templates.map((template) => template.name)).toEqual([...templates.map((template) => template.name)].sort((a, b) => a.localeCompare(b)));
    expect(templates.some((template) => '$schema' in template)).toBe(false);
  });

  it('each built-in template, and a blank definition, validates in the studio against the engine catalogue', () => {
    for (const template of [...templatesFromModules(modules), blankDefinition()]) expect([template.key, validateDraft(template, ENGINE_ACTIONS)]).toEqual([template.key, []]);
  });

  it('count their steps at every depth, nested bodies and branches included', () => {
    const nested = {
      ...blankDefinition(),
      steps: [
        { id: 'each', type: 'forEach', items: [], body: { start: 'a', steps: [{ id: 'a', type: 'wait', duration: 'P1D' }, { id: 'b', type: 'succeed' }] } },
        { id: 'race', type: 'parallel', join: 'all', branches: [{ start: 'c', steps: [{ id: 'c', type: 'succeed' }] }, { start: 'd', steps: [{ id: 'd', type: 'succeed' }] }] },
        { id: 'done', type: 'succeed' },
      ],
    } as unknown as WorkflowDefinition;
    expect(countSteps(nested)).toBe(7);
    expect(countSteps(blankDefinition())).toBe(1);
  });

  it('become a new definition\'s first draft under its own key and name, leaving the template as it was', () => {
    const ladder = templatesFromModules(modules).find((template) => template.key === 'dunning-ladder')!;
    const draft = draftFromTemplate(ladder, 'dunning-eu', 'Dunning EU');
    expect([draft.key, draft.name, draft.version, draft.steps.length]).toEqual(['dunning-eu', 'Dunning EU', 1, ladder.steps.length]);
    draft.steps.pop();
    expect([ladder.key, ladder.steps.length]).toEqual(['dunning-ladder', 9]);
  });
});
