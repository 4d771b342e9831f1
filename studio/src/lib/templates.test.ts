import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { blankDefinition, templatesFromModules } from './templates';
import { ENGINE_ACTION_NAMES } from './validation/engine-catalogue.fixture';
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
    for (const template of [...templatesFromModules(modules), blankDefinition()]) expect([template.key, validateDraft(template, ENGINE_ACTION_NAMES)]).toEqual([template.key, []]);
  });
});
