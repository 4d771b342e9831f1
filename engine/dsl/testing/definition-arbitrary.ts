/**
 * fast-check arbitraries for valid definitions: random shapes of step lists, turned into definitions whose
 * references only point forward (so every step is reachable and no loop exists) and whose logic reads only
 * declared variables.
 */
import fc from 'fast-check';
import type { Step, StepList, WorkflowDefinition } from '../../../definitions/generated/definition';
import { TEST_ACTIONS } from './definition-builders';

const STEP_KINDS = ['action', 'wait', 'waitUntil', 'waitForEvent', 'choice', 'set', 'subflow', 'approval', 'forEach', 'parallel'] as const;
const LAST_KINDS = ['succeed', 'fail', 'set', 'wait', 'action'] as const;
type StepKind = (typeof STEP_KINDS)[number] | (typeof LAST_KINDS)[number];

interface StepShape {
  kind: StepKind;
  pick: number;
  nested: ListShape[];
}
type ListShape = StepShape[];

export const EVENT_NAMES = ['payment.received', 'invoice.disputed'];
const RULES: unknown[] = [
  { var: 'vars.count' },
  { '+': [{ var: 'vars.count' }, 1] },
  { '<': [{ var: 'vars.count' }, 2] },
  { date_add_days: [{ var: 'today' }, 1] },
  { money_add: [{ var: 'vars.count' }, 100] },
  { percent_of: [1000, '7.5', 'half_even'] },
  { if: [{ var: 'input.flag' }, 'yes', 'no'] },
  { '==': [{ var: 'input.kind' }, 'gold'] },
];
const DURATIONS = ['PT1H', 'P1D', 'P2W', 'P1M', 'PT30S'];

function listShape(depth: number): fc.Arbitrary<ListShape> {
  const none = fc.constant<ListShape[]>([]);
  const nested: fc.Arbitrary<ListShape[]> = depth > 0 ? fc.array(listShape(depth - 1), { minLength: 2, maxLength: 2 }) : none;
  const middle: fc.Arbitrary<StepShape> = fc.record({ kind: fc.constantFrom<StepKind>(...STEP_KINDS), pick: fc.nat(1000), nested });
  const last: fc.Arbitrary<StepShape> = fc.record({ kind: fc.constantFrom<StepKind>(...LAST_KINDS), pick: fc.nat(1000), nested: none });
  return fc.tuple(fc.array(middle, { maxLength: 5 }), last).map(([steps, end]) => [...steps, end]);
}

const rule = (pick: number) => RULES[pick % RULES.length];

function buildList(shape: ListShape, prefix: string, insideForEach: boolean): StepList {
  const ids = shape.map((_, index) => `${prefix}${index}`);
  const later = (index: number, pick: number) => ids[index + 1 + (pick % (ids.length - index - 1))];
  const steps = shape.map((stepShape, index) => buildStep(stepShape, ids[index], index + 1 < ids.length ? ids[index + 1] : undefined, (pick) => later(index, pick), insideForEach));
  return { start: ids[0], steps: steps as StepList['steps'] };
}

function buildStep(shape: StepShape, id: string, next: string | undefined, later: (pick: number) => string, insideForEach: boolean): Step {
  const { pick } = shape;
  const withNext = <T extends object>(step: T) => (next ? { ...step, next } : step);
  const logicInput = { amount: { type: 'logic' as const, rule: insideForEach && pick % 2 ? { var: 'item.entry' } : rule(pick) }, fixed: { type: 'static' as const, value: { any: 'json' } } };
  switch (shape.kind) {
    case 'action':
      return withNext({ id, type: 'action' as const, action: TEST_ACTIONS[pick % TEST_ACTIONS.length], input: logicInput, retry: { maximumAttempts: 1 + (pick % 4), nonRetryableErrorTypes: ['Declined'] }, ...(next && pick % 3 === 0 ? { onError: later(pick) } : {}), ...(pick % 2 ? { resultVariable: 'last' } : {}) });
    case 'wait':
      return withNext({ id, type: 'wait' as const, duration: DURATIONS[pick % DURATIONS.length] });
    case 'waitUntil':
      return withNext({ id, type: 'wait' as const, until: { date: { date_add_days: [{ var: 'today' }, (pick % 5) - 1] }, time: '09:30' } });
    case 'waitForEvent':
      return withNext({ id, type: 'waitForEvent' as const, event: EVENT_NAMES[pick % 2], ...(pick % 2 ? { match: { '==': [{ var: 'event.ok' }, true] } } : {}), ...(next ? { timeout: 'P3D', onTimeout: later(pick) } : {}) });
    case 'choice':
      return { id, type: 'choice', when: [{ condition: rule(pick), next: later(pick) }], default: next as string };
    case 'set':
      return withNext({ id, type: 'set' as const, assign: { count: { '+': [{ var: 'vars.count' }, 1] }, last: rule(pick) } });
    case 'subflow':
      return withNext({ id, type: 'subflow' as const, definition: 'child-flow', input: logicInput, await: pick % 3 !== 0 });
    case 'approval':
      return { id, type: 'approval', assignee: pick % 2 ? { role: 'finance' } : { user: 'u1' }, title: 'Approve?', onApproved: next as string, onRejected: later(pick), ...(pick % 2 ? { timeout: 'P1D', onTimeout: later(pick + 1) } : {}) };
    case 'forEach':
      return withNext({ id, type: 'forEach' as const, items: pick % 2 ? { var: 'input.entries' } : [1, 2, 3], itemVariable: 'entry', mode: pick % 3 ? ('concurrent' as const) : ('sequential' as const), maxConcurrency: 1 + (pick % 3), body: buildList(shape.nested[0] ?? [{ kind: 'set', pick, nested: [] }], `${id}_b`, true), resultVariable: 'last' });
    case 'parallel':
      return withNext({ id, type: 'parallel' as const, join: pick % 2 ? ('any' as const) : ('all' as const), branches: [0, 1].map((branch) => buildList(shape.nested[branch] ?? [{ kind: 'wait', pick, nested: [] }], `${id}_p${branch}_`, insideForEach)) as ParallelBranches });
    case 'succeed':
      return { id, type: 'succeed', output: { result: { type: 'logic', rule: rule(pick) } } };
    case 'fail':
      return { id, type: 'fail', error: { kind: 'Rejected', message: 'generated failure' } };
  }
}

type ParallelBranches = Extract<Step, { type: 'parallel' }>['branches'];

/** Valid definitions (forEach may not nest inside forEach here, so item names never shadow). */
export const validDefinitionArbitrary: fc.Arbitrary<WorkflowDefinition> = listShape(2).map((shape) => {
  const root = buildList(withoutNestedForEach(shape, false), 's', false);
  return {
    key: 'generated-flow', name: 'Generated', version: 1, triggers: [{ type: 'manual' }],
    variables: { count: { initial: 0 }, last: { initial: null } },
    start: root.start, steps: root.steps,
  };
});

/** Turns a forEach inside another forEach's body into a set step, since both would use the item name "entry". */
function withoutNestedForEach(list: ListShape, insideForEach: boolean): ListShape {
  return list.map((step) => {
    if (step.kind === 'forEach' && insideForEach) return { ...step, kind: 'set' as const, nested: [] };
    return { ...step, nested: step.nested.map((nested) => withoutNestedForEach(nested, insideForEach || step.kind === 'forEach')) };
  });
}
