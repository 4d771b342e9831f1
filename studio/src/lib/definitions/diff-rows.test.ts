import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffRows, formatValue } from './diff-rows';

const dunning = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));
const indexOf = (id: string) => dunning.steps.findIndex((step: { id: string }) => step.id === id);

describe('diffRows', () => {
  it('names a changed step field by the step id, with the value before and after', () => {
    const rows = diffRows([{ pointer: `/steps/${indexOf('awaitPayment')}/timeout`, before: 'P30D', after: 'P14D' }], { before: dunning, after: dunning });
    expect(rows).toEqual([{ pointer: `/steps/${indexOf('awaitPayment')}/timeout`, place: 'step awaitPayment · timeout', kind: 'changed', before: 'P30D', after: 'P14D' }]);
  });

  it('tells additions from removals, and shows a missing side as a dash', () => {
    const rows = diffRows([{ pointer: '/description', after: 'EU only' }, { pointer: '/variables/lateFee', before: { initial: 0 } }], { before: dunning, after: dunning });
    expect(rows.map((row) => [row.place, row.kind, row.before, row.after])).toEqual([
      ['description', 'added', '—', 'EU only'],
      ['variables/lateFee', 'removed', '{"initial":0}', '—'],
    ]);
  });

  it('falls back to the pointer when the documents are not known', () => {
    expect(diffRows([{ pointer: '/version', before: 1, after: 2 }])[0]).toMatchObject({ place: '/version', before: '1', after: '2' });
  });
});

describe('formatValue', () => {
  it('keeps strings as they are, prints the rest as JSON, and shortens long values', () => {
    expect(formatValue('P1D')).toBe('P1D');
    expect(formatValue({ '<': [{ var: 'vars.reminders' }, 2] })).toBe('{"<":[{"var":"vars.reminders"},2]}');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(null)).toBe('null');
    expect(formatValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
