import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import { duplicateDocument, duplicateKey, duplicateName } from './duplicate-definition';

describe('duplicateName', () => {
  it('names a copy, and counts up past copies that exist', () => {
    expect(duplicateName('Dunning')).toBe('Dunning (copy)');
    expect(duplicateName('Dunning', ['Dunning (copy)'])).toBe('Dunning (copy 2)');
    expect(duplicateName('Dunning (copy)', ['Dunning (copy)', 'Dunning (copy 2)'])).toBe('Dunning (copy 3)');
  });
});

describe('duplicateKey', () => {
  it('suggests a key that no definition of the tenant uses', () => {
    expect(duplicateKey('dunning', ['dunning'])).toBe('dunning-copy');
    expect(duplicateKey('dunning', ['dunning', 'dunning-copy', 'dunning-copy-2'])).toBe('dunning-copy-3');
    expect(duplicateKey('dunning-copy', ['dunning-copy'])).toBe('dunning-copy-2');
  });

  it('stays within the 64 characters a key may have', () => {
    expect(duplicateKey(`a${'b'.repeat(63)}`, []).length).toBeLessThanOrEqual(64);
  });
});

describe('duplicateDocument', () => {
  it('carries the steps over under the new key and name, as version 1, without the schema hint, and leaves the source alone', () => {
    const source = { $schema: '../schema/definition.schema.json', key: 'dunning', name: 'Dunning', version: 4, triggers: [{ type: 'manual' }], start: 'done', steps: [{ id: 'done', type: 'succeed' }] } as WorkflowDefinition;
    const copy = duplicateDocument(source, 'dunning-eu', 'Dunning EU');
    expect(copy).toEqual({ key: 'dunning-eu', name: 'Dunning EU', version: 1, triggers: [{ type: 'manual' }], start: 'done', steps: [{ id: 'done', type: 'succeed' }] });
    expect(source.key).toBe('dunning');
    expect(source.version).toBe(4);
  });
});
