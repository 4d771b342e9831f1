import { HISTORY_LIMIT, canRedo, canUndo, createHistory, record, redo, undo } from './undo-history';

describe('undo history', () => {
  it('undoes edits in reverse order and redoes them forward', () => {
    let history = record(record(createHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    history = redo(redo(history));
    expect(history.present).toBe('c');
    expect(canRedo(history)).toBe(false);
  });

  it('forgets the redo side when a new edit is made after an undo', () => {
    const history = record(undo(record(createHistory('a'), 'b')), 'x');
    expect(history).toEqual({ past: ['a'], present: 'x', future: [] });
  });

  it('leaves the history alone on undo or redo with nothing to step to, and on an edit that changes nothing', () => {
    const history = createHistory('a');
    expect(undo(history)).toBe(history);
    expect(redo(history)).toBe(history);
    expect(record(history, 'a')).toBe(history);
  });

  it(`keeps at most ${HISTORY_LIMIT} past states, dropping the oldest`, () => {
    let history = createHistory(0);
    for (let n = 1; n <= HISTORY_LIMIT + 5; n += 1) history = record(history, n);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(5);
  });
});
