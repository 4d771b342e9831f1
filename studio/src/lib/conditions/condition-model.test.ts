import { combineWithAnother, conditionToRule, literalFromText, newComparison, parseCondition, removeAt, updateAt, type ConditionNode } from './condition-model';

describe('condition model', () => {
  it('reads a comparison of a variable with a number as field, operator and value', () => {
    expect(parseCondition({ '<': [{ var: 'vars.reminders' }, 3] })).toEqual({ kind: 'compare', field: 'vars.reminders', operator: '<', value: { type: 'literal', value: 3 } });
  });

  it('reads a comparison of two fields, as the dunning payment match has', () => {
    expect(parseCondition({ '==': [{ var: 'event.invoiceId' }, { var: 'input.invoiceId' }] })).toMatchObject({ value: { type: 'field', path: 'input.invoiceId' } });
  });

  it('reads nested and/or groups and writes them back unchanged', () => {
    const rule = { or: [{ and: [{ '>': [{ var: 'input.amountDue' }, 0] }, { '!=': [{ var: 'vars.lateFee' }, null] }] }, { '===': [{ var: 'input.vip' }, true] }] };
    const parsed = parseCondition(rule);
    expect(parsed).toMatchObject({ kind: 'group', combinator: 'or', children: [{ kind: 'group', combinator: 'and' }, { kind: 'compare' }] });
    expect(conditionToRule(parsed)).toEqual(rule);
  });

  it('keeps a rule the builder cannot show (money operations, arithmetic) as raw JSON, untouched', () => {
    const rule = { '>': [{ money_add: [{ var: 'input.amountDue' }, 100] }, 5000] };
    expect(parseCondition(rule)).toEqual({ kind: 'raw', rule });
    expect(conditionToRule(parseCondition({ and: [rule, true] }))).toEqual({ and: [rule, true] });
  });

  it('edits and removes nested comparisons by path', () => {
    let root: ConditionNode = { kind: 'group', combinator: 'and', children: [newComparison('vars.a'), { kind: 'group', combinator: 'or', children: [newComparison('vars.b'), newComparison('vars.c')] }] };
    root = updateAt(root, [1, 0], (node) => ({ ...node, operator: '>=', value: { type: 'literal', value: 2 } }) as ConditionNode);
    root = removeAt(root, [1, 1]);
    expect(conditionToRule(root)).toEqual({ and: [{ '==': [{ var: 'vars.a' }, ''] }, { or: [{ '>=': [{ var: 'vars.b' }, 2] }] }] });
  });

  it('grows a lone comparison into an "all of" group with an empty comparison beside it, and leaves a group as it is', () => {
    const lone = parseCondition({ '<': [{ var: 'vars.reminders' }, 3] });
    const grown = combineWithAnother(lone);
    expect(grown).toEqual({ kind: 'group', combinator: 'and', children: [lone, newComparison()] });
    // What the draft holds in between (an empty comparison) reads back as the same builder rows.
    expect(parseCondition(conditionToRule(grown))).toEqual(grown);
    const filled = updateAt({ ...grown, combinator: 'or' } as ConditionNode, [1], (node) => ({ ...node, field: 'input.amountDue', operator: '>', value: { type: 'literal', value: 0 } }) as ConditionNode);
    expect(conditionToRule(filled)).toEqual({ or: [{ '<': [{ var: 'vars.reminders' }, 3] }, { '>': [{ var: 'input.amountDue' }, 0] }] });
    expect(combineWithAnother(filled)).toBe(filled);
  });

  it('reads typed values: numbers and booleans as such, other text as a string', () => {
    expect([literalFromText('3'), literalFromText('2.5'), literalFromText('true'), literalFromText('null'), literalFromText('inv_1'), literalFromText('')]).toEqual([3, 2.5, true, null, 'inv_1', '']);
  });
});
