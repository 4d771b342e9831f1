import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionPointer, locateServerProblems, onlyNew } from './server-problems';

const dunning = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));
const awaitIndex = dunning.steps.findIndex((step: { id: string }) => step.id === 'awaitPayment');

describe('server problems on the graph', () => {
  it('strips the request body prefix from the API pointer', () => {
    expect(definitionPointer('#/definition/steps/2/duration')).toBe('/steps/2/duration');
    expect(definitionPointer('#/definition')).toBe('/');
    expect(definitionPointer('#/definition/key')).toBe('/key');
  });

  it('puts a step problem on its node and field, and a definition problem on no node', () => {
    const located = locateServerProblems(dunning, [
      { pointer: `#/definition/steps/${awaitIndex}/timeout`, message: 'must be an ISO-8601 duration' },
      { pointer: '#/definition/key', message: 'must stay "dunning-ladder"' },
      { pointer: '#/definition', message: 'is not an object' },
    ]);
    expect(located).toEqual([
      { pointer: `/steps/${awaitIndex}/timeout`, message: 'must be an ISO-8601 duration', nodeId: 'awaitPayment', field: 'timeout' },
      { pointer: '/key', message: 'must stay "dunning-ladder"', nodeId: null, field: 'key' },
      { pointer: '/', message: 'is not an object', nodeId: null, field: '' },
    ]);
  });

  it('keeps only the server problems the studio did not find itself', () => {
    const same = { pointer: '/key', message: 'x', nodeId: null, field: 'key' };
    const extra = { pointer: '/steps/0/definition', message: 'names no definition', nodeId: 'a', field: 'definition' };
    expect(onlyNew([same, extra], [same])).toEqual([extra]);
  });
});
