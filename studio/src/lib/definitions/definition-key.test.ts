import { DEFINITION_KEY_PATTERN, keyFromName, keyProblem, nameProblem } from './definition-key';

describe('keyProblem', () => {
  it('accepts lower-case keys with digits and dashes that start with a letter', () => {
    expect(['dunning-eu', 'a', 'flow2', `a${'b'.repeat(63)}`].map(keyProblem)).toEqual([null, null, null, null]);
  });

  it('explains in the schema\'s words why a key is refused', () => {
    expect(keyProblem('Dunning EU')).toBe('The key must be a key of lower-case letters, digits and dashes, starting with a letter (for example dunning-ladder).');
    expect(keyProblem('2-dunning')).not.toBeNull();
    expect(keyProblem('dunning_eu')).not.toBeNull();
    expect(keyProblem(`a${'b'.repeat(64)}`)).not.toBeNull();
  });

  it('asks for a key when there is none', () => {
    expect(keyProblem('  ')).toBe('Enter a key.');
  });

  it('uses the schema\'s own pattern', () => {
    expect(DEFINITION_KEY_PATTERN.source).toBe('^[a-z][a-z0-9-]{0,63}$');
  });
});

describe('keyFromName', () => {
  it('turns a name into a key the schema accepts', () => {
    expect(keyFromName('Dunning EU (2024)')).toBe('dunning-eu-2024');
    expect(keyFromName('Relance épicée')).toBe('relance-epicee');
    expect(keyFromName('  --Hello__World--  ')).toBe('hello-world');
  });

  it('prefixes a name that starts with a digit and cuts long names to 64 characters without a trailing dash', () => {
    expect(keyFromName('30 day reminder')).toBe('flow-30-day-reminder');
    const long = keyFromName(`${'a'.repeat(63)} b`);
    expect(long).toBe('a'.repeat(63));
    expect(keyProblem(keyFromName('x'.repeat(200)))).toBeNull();
  });

  it('gives nothing for a name without letters or digits', () => {
    expect(keyFromName('!!!')).toBe('');
  });
});

describe('nameProblem', () => {
  it('asks for a name and refuses one over 200 characters', () => {
    expect(nameProblem(' ')).toBe('Enter a name.');
    expect(nameProblem('n'.repeat(201))).toBe('The name is 201 characters long; at most 200.');
    expect(nameProblem('Dunning EU')).toBeNull();
  });
});
